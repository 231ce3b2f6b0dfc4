// Which instances an "Approve OS Upgrade" acts on (A1 osRollingUpgradeDeferral): all waiting, the waiting
// ones of one update domain, or chosen ones. Plain logic (no vscode) so the command's choices are tested
// in Node; the command only asks the user and calls the gateway.
import type { InstanceSnapshot } from '../azure/gateway';
import { compareNumericText } from '../shared/collation';

export type ApprovalScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'updateDomain'; readonly updateDomain: number }
  | { readonly kind: 'instances'; readonly instanceIds: readonly string[] };

const byId = (a: InstanceSnapshot, b: InstanceSnapshot) => compareNumericText(a.instanceId, b.instanceId);

export function waitingInstances(instances: readonly InstanceSnapshot[]): InstanceSnapshot[] {
  return instances.filter((i) => i.pendingOsUpgrade !== undefined).sort(byId);
}

/** Update domains with waiting instances, ascending (Flexible sets report none: empty). */
export function waitingUpdateDomains(instances: readonly InstanceSnapshot[]): { updateDomain: number; instanceIds: string[] }[] {
  const domains = new Map<number, string[]>();
  for (const i of waitingInstances(instances)) {
    if (i.updateDomain === undefined) continue;
    domains.set(i.updateDomain, [...(domains.get(i.updateDomain) ?? []), i.instanceId]);
  }
  return [...domains].sort(([a], [b]) => a - b).map(([updateDomain, instanceIds]) => ({ updateDomain, instanceIds }));
}

/**
 * The instanceIds to send: undefined for "all" (the body is omitted; the spec's VirtualMachineScaleSetVMInstanceIDs:
 * without ids the action applies to the whole set), else the waiting ones in scope. Ids that no longer wait are
 * dropped — Azure may have moved on since the list was read — and an empty result means nothing to approve.
 */
export function idsToApprove(instances: readonly InstanceSnapshot[], scope: ApprovalScope): string[] | undefined {
  if (scope.kind === 'all') return undefined;
  const waiting = waitingInstances(instances);
  if (scope.kind === 'updateDomain') return waiting.filter((i) => i.updateDomain === scope.updateDomain).map((i) => i.instanceId);
  const chosen = new Set(scope.instanceIds);
  return waiting.filter((i) => chosen.has(i.instanceId)).map((i) => i.instanceId);
}
