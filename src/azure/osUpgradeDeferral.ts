// osRollingUpgradeDeferral (A1): the set's flag, and how a waiting instance shows. Learn/spec
// (AutomaticOSUpgradePolicy.osRollingUpgradeDeferral): the VM is notified "via the IMDS tag
// 'Platform.PendingOSUpgrade'" and the upgrade waits until approved (ApproveRollingUpgrade).
// UNVERIFIED: that ARM's VM GET carries that tag (the simulator shows it there; FIDELITY.md).
import type { VirtualMachineScaleSet } from '@azure/arm-compute';

export const pendingOsUpgradeTag = 'Platform.PendingOSUpgrade';

export function deferralEnabled(set: Pick<VirtualMachineScaleSet, 'upgradePolicy'>): boolean {
  return set.upgradePolicy?.automaticOSUpgradePolicy?.osRollingUpgradeDeferral === true;
}

/** The tag's value (Azure's value is undocumented; the simulator writes the target version) when the VM waits for approval. */
export function pendingOsUpgradeOf(tags: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!tags) return undefined;
  const key = Object.keys(tags).find((k) => k.toLowerCase() === pendingOsUpgradeTag.toLowerCase());
  return key === undefined ? undefined : tags[key];
}
