// The dashboard's view of deferred OS upgrades (A1 osRollingUpgradeDeferral): which instances wait for
// approval, added to Azure's rolling upgrade section. Pure, so it is tested without a webview.
import type { InstanceSnapshot } from '../azure/gateway';
import { waitingInstances } from '../views/approvalTargets';
import type { AwaitingApproval, PlatformUpgradeView } from './contract';

export function awaitingApprovalView(instances: readonly InstanceSnapshot[]): AwaitingApproval[] {
  return waitingInstances(instances).map((i) => ({
    id: i.instanceId,
    name: i.name || i.instanceId,
    ...(i.updateDomain !== undefined ? { updateDomain: i.updateDomain } : {}),
    ...(i.pendingOsUpgrade ? { targetVersion: i.pendingOsUpgrade } : {}),
  }));
}

/**
 * The platform section with the deferral state. A set that defers but never had a rolling upgrade still gets
 * a section (status None) when something waits, so the approve buttons have a place.
 */
export function withApprovals(view: PlatformUpgradeView | undefined, deferral: boolean, instances: readonly InstanceSnapshot[] | undefined): PlatformUpgradeView | undefined {
  if (!deferral) return view;
  const awaitingApproval = instances ? awaitingApprovalView(instances) : (view?.awaitingApproval ?? []);
  const base: PlatformUpgradeView = view ?? { status: 'None', successful: 0, failed: 0, inProgress: 0, pending: 0 };
  return { ...base, deferral: true, awaitingApproval };
}
