// Instance health as the platform sees it (H1–H3), computed from the instance's state and the
// simulated time — no events needed, so it is the same whenever it is read.
import { hashUnit } from '../prng';
import { sameOsDisk } from './imageCatalog';
import type { HealthState, Instance, ScaleSet } from './model';
import type { Timing } from './timing';

export interface HealthContext {
  readonly now: number;
  readonly seed: number;
  readonly timing: Timing;
}

function afterDiskReplacement(ctx: HealthContext, inst: Instance, since: number): HealthState {
  const elapsed = ctx.now - since;
  if (elapsed < ctx.timing.healthGraceMs) return 'initializing';
  const b = inst.behaviour;
  switch (b.kind) {
    case 'healthy':
      return 'healthy';
    case 'neverHealthy':
      return sameOsDisk(inst.osImage, { version: inst.originalVersion, id: inst.originalImageId }) ? 'healthy' : 'unhealthy';
    case 'slow':
      return elapsed < b.seconds * 1000 ? 'unhealthy' : 'healthy';
    case 'flaky': {
      const slot = Math.floor(elapsed / (b.periodSeconds * 1000));
      return hashUnit(ctx.seed, `${inst.vmId}:${slot}`) < b.unhealthyRatio ? 'unhealthy' : 'healthy';
    }
    case 'unhealthyOnVersion':
      return inst.osImage.version === b.version ? 'unhealthy' : 'healthy';
    case 'noProbeAnswer':
      // The Application Health extension (rich health states) reports Unknown when its probe gets no answer.
      return sameOsDisk(inst.osImage, { version: inst.originalVersion, id: inst.originalImageId }) ? 'healthy' : 'unknown';
  }
}

/**
 * The instance's health. A stopped or deallocated VM reports Unknown; while its OS disk is being
 * replaced and during the grace period after it, Initializing (H3: rolling upgrades wait).
 */
export function instanceHealth(ctx: HealthContext, _set: ScaleSet, inst: Instance): HealthState {
  if (inst.powerState !== 'running') return 'unknown';
  if (inst.busyUntil !== undefined && ctx.now < inst.busyUntil) return 'initializing';
  if (inst.extensionsFailed) return 'unhealthy';
  if (inst.diskReplacedAt === undefined) return inst.baselineHealth;
  return afterDiskReplacement(ctx, inst, inst.diskReplacedAt);
}

/** H3: rolling upgrades treat Unknown as Unhealthy; Initializing is still being waited for. */
export function countsAsUnhealthy(state: HealthState): boolean {
  return state === 'unhealthy' || state === 'unknown';
}

export function unhealthyCount(ctx: HealthContext, set: ScaleSet, instances: readonly Instance[] = set.instances): number {
  return instances.filter((i) => countsAsUnhealthy(instanceHealth(ctx, set, i))).length;
}
