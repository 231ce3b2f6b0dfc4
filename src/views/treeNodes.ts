// The data behind each row of the Scale Sets view. Plain objects without VS Code types, so the loading
// logic (treeModel.ts) runs and is tested in plain Node; treeItems.ts turns them into TreeItems.
import type { AzureErrorInfo } from '../azure/azureError';
import type { InstanceSnapshot, RollingUpgradeStatusInfo, ScaleSetRef, SubscriptionInfo, TenantInfo, VirtualMachineScaleSet } from '../azure/gateway';
import type { ScaleSetMaintenance } from '../azure/maintenance/maintenanceTypes';

export interface SubscriptionNode {
  readonly kind: 'subscription';
  readonly key: string;
  readonly subscription: SubscriptionInfo;
  /** The tenant whose token listed it, and so must be used for its calls (undefined: home tenant). */
  readonly tokenTenant?: string;
  /** From Resource Graph when many subscriptions are selected; undefined when unknown. */
  scaleSetCount?: number;
}

export interface ScaleSetNode {
  readonly kind: 'scaleSet';
  readonly key: string;
  readonly subscription: SubscriptionNode;
  readonly ref: ScaleSetRef;
  scaleSet: VirtualMachineScaleSet;
  /** The latest platform rolling upgrade, when one was looked up (A6). */
  rolling?: RollingUpgradeStatusInfo;
  /** An operation of ours on this set is in flight (tree.watch). */
  watching: boolean;
  /** osRollingUpgradeDeferral: instance ids waiting for approval, when the instances were listed. */
  awaitingApproval?: readonly string[];
  /** Issue 16: the set's OS-image maintenance window once looked up; null: none assigned. */
  maintenance?: ScaleSetMaintenance | null;
}

export type GroupLevel = 'zone' | 'updateDomain';

export interface InstanceGroupNode {
  readonly kind: 'instanceGroup';
  readonly key: string;
  readonly level: GroupLevel;
  readonly scaleSet: ScaleSetNode;
  /** The zone ('' = no zone) or update domain (-1 = not reported) of this group. */
  readonly value: string | number;
  /** Zone of the enclosing zone group, when this is an update-domain group inside one. */
  readonly zone?: string;
  readonly instances: readonly InstanceSnapshot[];
}

export interface InstanceNode {
  readonly kind: 'instance';
  readonly key: string;
  readonly scaleSet: ScaleSetNode;
  readonly instance: InstanceSnapshot;
}

/** Why a message row is shown; treeItems.ts words it and offers an action. */
export type MessageReason =
  | 'loadFailed'
  /** Still loading after its level budget: the level above is shown without waiting (levelBudget.ts). */
  | 'loading'
  | 'cancelled'
  | 'noSubscriptions'
  | 'noSelectedSubscriptions'
  | 'noScaleSets'
  | 'noInstances'
  | 'tenantUnavailable';

export interface MessageNode {
  readonly kind: 'message';
  readonly key: string;
  readonly reason: MessageReason;
  /** The node whose children failed to load (undefined: the root) — what "Retry" reloads. */
  readonly parent?: TreeNode;
  readonly error?: AzureErrorInfo;
  readonly tenant?: TenantInfo;
}

export type TreeNode = SubscriptionNode | ScaleSetNode | InstanceGroupNode | InstanceNode | MessageNode;

/** A command's argument is a tree row when it was invoked from the tree (inline action, context menu). */
export function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'key' in value;
}

// Keys are hierarchical (a child's key starts with its parent's key and '/'), so invalidating a node
// drops its whole subtree; they double as TreeItem ids, which keeps expansion state across refreshes.
export const rootKey = 'root';

export function subscriptionKey(subscriptionId: string): string {
  return `sub:${subscriptionId.toLowerCase()}`;
}

export function scaleSetKey(ref: ScaleSetRef): string {
  return `${subscriptionKey(ref.subscriptionId)}/set:${ref.resourceGroup}/${ref.name}`.toLowerCase();
}
