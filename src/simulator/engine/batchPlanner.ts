// O2/O8: which instances go into the next batch. At most maxBatchInstancePercent of the instance
// count (minimum one VM: 23 instances at 20% → 4); instances that are unhealthy outside the batch
// shrink it, so no more than that many are down at once. A batch stays inside one availability zone
// (unless enableCrossZoneUpgrade) and one update domain when the set is regional or crosses zones;
// prioritizeUnhealthyInstances puts unhealthy instances first.
import type { Instance } from '../state/model';
import type { EffectivePolicy } from '../state/upgradeRun';

export function maxBatchSize(instanceCount: number, maxBatchInstancePercent: number): number {
  return Math.max(1, Math.floor((instanceCount * maxBatchInstancePercent) / 100));
}

function boundary(inst: Instance, zonal: boolean, crossZone: boolean): string {
  return zonal && !crossZone ? `zone ${inst.zone ?? ''}` : `ud ${inst.updateDomain}`;
}

function numericId(inst: Instance): number {
  const n = Number(inst.instanceId);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** The upgrade order of the pending instances (before boundaries cut it into batches). */
export function upgradeOrder(pending: readonly Instance[], unhealthy: ReadonlySet<string>, policy: EffectivePolicy): Instance[] {
  return [...pending].sort((a, b) => {
    if (policy.prioritizeUnhealthyInstances) {
      const d = Number(!unhealthy.has(a.instanceId)) - Number(!unhealthy.has(b.instanceId));
      if (d !== 0) return d;
    }
    return (
      (a.zone ?? '').localeCompare(b.zone ?? '') ||
      a.updateDomain - b.updateDomain ||
      numericId(a) - numericId(b) ||
      a.instanceId.localeCompare(b.instanceId)
    );
  });
}

/**
 * The next batch. `unhealthy` holds the ids of every currently unhealthy instance of the set;
 * `instanceCount` is the set's size (the base of maxBatchInstancePercent).
 */
export function nextBatch(pending: readonly Instance[], unhealthy: ReadonlySet<string>, policy: EffectivePolicy, instanceCount: number): Instance[] {
  const ordered = upgradeOrder(pending, unhealthy, policy);
  if (ordered.length === 0) return [];
  const zonal = ordered.some((i) => i.zone !== undefined);
  const key = boundary(ordered[0], zonal, policy.enableCrossZoneUpgrade);
  const limit = maxBatchSize(instanceCount, policy.maxBatchInstancePercent);
  const batch: Instance[] = [];
  let unhealthyOutside = unhealthy.size;
  for (const inst of ordered) {
    if (boundary(inst, zonal, policy.enableCrossZoneUpgrade) !== key) continue;
    const outsideAfter = unhealthyOutside - (unhealthy.has(inst.instanceId) ? 1 : 0);
    if (batch.length > 0 && batch.length + 1 > Math.max(1, limit - outsideAfter)) break;
    batch.push(inst);
    unhealthyOutside = outsideAfter;
  }
  return batch;
}
