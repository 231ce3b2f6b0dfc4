// The properties of upgradePolicy.rollingUpgradePolicy (Compute REST API), with their ranges and
// defaults — used by RP1–RP3 and by the hover on policy properties.

export interface RollingPolicyPropertyInfo {
  readonly name: string;
  readonly meaning: string;
  readonly defaultValue: string;
  readonly range?: { readonly min: number; readonly max: number };
}

export const rollingPolicyProperties: readonly RollingPolicyPropertyInfo[] = [
  { name: 'maxBatchInstancePercent', meaning: 'Largest share of instances upgraded in one batch (O2).', defaultValue: '20', range: { min: 5, max: 100 } },
  { name: 'maxUnhealthyInstancePercent', meaning: 'Largest share of all instances that may be unhealthy, before and during the upgrade (O1, O6).', defaultValue: '20', range: { min: 5, max: 100 } },
  { name: 'maxUnhealthyUpgradedInstancePercent', meaning: 'Largest share of upgraded instances that may end up unhealthy before the upgrade aborts (O5).', defaultValue: '20', range: { min: 0, max: 100 } },
  { name: 'pauseTimeBetweenBatches', meaning: 'Wait between batches, an ISO 8601 duration (O8).', defaultValue: 'PT0S' },
  { name: 'enableCrossZoneUpgrade', meaning: 'Upgrade across availability zones at once instead of one zone at a time (O8).', defaultValue: 'false' },
  { name: 'prioritizeUnhealthyInstances', meaning: 'Upgrade unhealthy instances first (O8).', defaultValue: 'false' },
  { name: 'rollbackFailedInstancesOnPolicyBreach', meaning: 'Roll failed instances back to the previous model when the policy is breached (Uniform only) (O8).', defaultValue: 'false' },
  { name: 'maxSurge', meaning: 'Create new instances per batch before deleting the old ones (O8).', defaultValue: 'false' },
];

export function rollingPolicyProperty(name: string): RollingPolicyPropertyInfo | undefined {
  return rollingPolicyProperties.find((p) => p.name.toLowerCase() === name.toLowerCase());
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The property a misspelled name most likely meant (e.g. BatchInstancePercent → maxBatchInstancePercent). */
export function closestRollingPolicyProperty(name: string): string | undefined {
  const lower = name.toLowerCase();
  const suffix = rollingPolicyProperties.find((p) => p.name.toLowerCase().endsWith(lower) && lower.length >= 8);
  if (suffix) return suffix.name;
  let best: { name: string; distance: number } | undefined;
  for (const property of rollingPolicyProperties) {
    const distance = editDistance(lower, property.name.toLowerCase());
    if (!best || distance < best.distance) best = { name: property.name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.name : undefined;
}

/** ISO 8601 duration as Azure accepts it for pauseTimeBetweenBatches (e.g. PT0S, PT5M, PT1H30M). */
export function isIsoDuration(text: string): boolean {
  return /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(text);
}
