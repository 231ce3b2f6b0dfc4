// The plan's predicted duration from the set itself (issue 13): its recent OS upgrades (A5: start and
// end time, instance counts) give the seconds a batch took on this set — reimage, boot and health
// together, as this set's image, size and application behave — and its health extension's grace period
// and probe interval (H2) give the health share. Without them, the documented defaults
// (planRollout.defaultEstimates). An upgrade that did not complete or moved nothing tells nothing.
import type { UpgradeOperationHistoricalStatusInfo } from '../../azure/gateway';
import type { DurationEstimates } from '../contract';
import { batchLimit } from './batchLimit';
import { defaultEstimates } from './planRollout';
import type { HealthTiming } from './healthTiming';

export interface CalibrationInput {
  readonly history: readonly UpgradeOperationHistoricalStatusInfo[];
  readonly health: HealthTiming;
  /** How many batches a rolling upgrade of that many instances makes on this set (the platform's batching). */
  readonly batchesFor: (instances: number) => number;
  readonly pauseBetweenBatchesMs: number;
}

/** At most this many recent upgrades count (A5 lists the newest first). */
const recentUpgrades = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds one batch took in each completed upgrade of the history. */
export function batchDurationsFromHistory(input: CalibrationInput): number[] {
  const out: number[] = [];
  for (const item of input.history.slice(0, recentUpgrades)) {
    const status = item.properties?.runningStatus;
    const progress = item.properties?.progress;
    if (status?.code !== 'Completed' || !status.startTime || !status.endTime) continue;
    const instances = (progress?.successfulInstanceCount ?? 0) + (progress?.failedInstanceCount ?? 0);
    if (instances <= 0) continue;
    const batches = Math.max(1, input.batchesFor(instances));
    const ms = new Date(status.endTime).getTime() - new Date(status.startTime).getTime() - (batches - 1) * input.pauseBetweenBatchesMs;
    if (ms > 0) out.push(ms / batches);
  }
  return out;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function calibrateEstimates(input: CalibrationInput): DurationEstimates {
  const { graceMs, checkIntervalMs } = input.health;
  const healthKnown = graceMs !== undefined;
  const healthMs = healthKnown ? graceMs + (checkIntervalMs ?? 0) : defaultEstimates.healthMs;
  const timing = { ...(graceMs !== undefined ? { healthGraceMs: graceMs } : {}), ...(checkIntervalMs !== undefined ? { healthCheckIntervalMs: checkIntervalMs } : {}) };
  const healthBasis = healthKnown ? `health: the extension's grace period ${seconds(graceMs)}${checkIntervalMs !== undefined ? ` + one probe cycle ${seconds(checkIntervalMs)}` : ''}` : `health: default ${seconds(healthMs)}`;
  const perBatch = batchDurationsFromHistory(input);
  if (perBatch.length === 0) {
    return { moveMs: defaultEstimates.moveMs, healthMs, ...timing, basis: `default estimates (no completed OS upgrade in the set's history): move ${seconds(defaultEstimates.moveMs)}; ${healthBasis}` };
  }
  const batchMs = median(perBatch);
  // The history gives the whole batch; the health share is what the extension says, the rest is the move.
  const health = Math.min(healthMs, batchMs / 2);
  return {
    moveMs: batchMs - health,
    healthMs: health,
    ...timing,
    basis: `the set's last ${perBatch.length} completed OS upgrade${perBatch.length === 1 ? '' : 's'}: ${seconds(batchMs)} a batch (median); ${healthBasis}`,
  };
}

/** The platform's batch count for `instances` of a set laid out like `zones` (zone by zone, O2 limit each). */
export function platformBatchCount(zones: readonly (string | undefined)[], maxBatchInstancePercent: number, instances: number): number {
  if (zones.length === 0 || instances <= 0) return 1;
  const limit = batchLimit(instances, { maxBatchInstancePercent }, { kind: 'percentage' });
  const perZone = new Map<string, number>();
  for (const z of zones) perZone.set(z ?? '', (perZone.get(z ?? '') ?? 0) + 1);
  // Scale each zone's share of the set to the upgrade's instance count.
  return [...perZone.values()].reduce((sum, n) => sum + Math.ceil((n * instances) / zones.length / limit), 0);
}
