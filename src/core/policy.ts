// The rollout policy: the set's own `rollingUpgradePolicy` (O2, O5, O6, O8) with validated overrides.
// Ranges follow the REST spec: maxBatchInstancePercent 5–100, maxUnhealthyInstancePercent 5–100,
// maxUnhealthyUpgradedInstancePercent 0–100, pauseTimeBetweenBatches ISO 8601 (default PT0S).
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { parseIsoDuration } from '../shared/iso8601';
import type { RolloutPolicy } from './contract';

export interface PolicyOverrides {
  readonly maxBatchInstancePercent?: number;
  readonly maxUnhealthyInstancePercent?: number;
  readonly maxUnhealthyUpgradedInstancePercent?: number;
  readonly pauseTimeBetweenBatches?: string;
  readonly prioritizeUnhealthyInstances?: boolean;
  readonly enableCrossZoneUpgrade?: boolean;
  readonly rollbackFailedInstances?: boolean;
  readonly maxSurge?: boolean;
  /** ISO 8601, e.g. PT5M (O4). */
  readonly healthTimeout?: string;
  /** ISO 8601 interval between health reads while waiting. */
  readonly healthPoll?: string;
}

export type PolicyResult = { readonly ok: true; readonly policy: RolloutPolicy } | { readonly ok: false; readonly errors: readonly string[] };

/** O4: the platform waits up to 5 minutes per batch. */
export const defaultHealthTimeoutMs = 5 * 60_000;
/** A health probe should answer more often than every 2 minutes (H2); reading every 10 s sees it promptly. */
export const defaultHealthPollMs = 10_000;

const ranges = {
  maxBatchInstancePercent: [5, 100],
  maxUnhealthyInstancePercent: [5, 100],
  maxUnhealthyUpgradedInstancePercent: [0, 100],
} as const;

function checkPercent(name: keyof typeof ranges, value: number, errors: string[]): void {
  const [min, max] = ranges[name];
  if (!Number.isInteger(value) || value < min || value > max) errors.push(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
}

function durationMs(name: string, text: string, errors: string[], min: number, max: number): number {
  const parsed = parseIsoDuration(text);
  if (!parsed.ok) {
    errors.push(`${name}: ${parsed.error}`);
    return 0;
  }
  if (parsed.ms < min || parsed.ms > max) errors.push(`${name} must be between ${min / 1000} s and ${max / 3_600_000} h, got ${text}`);
  return parsed.ms;
}

/** Builds the policy from the scale set model and the user's overrides; every value is checked. */
export function resolvePolicy(scaleSet: Pick<VirtualMachineScaleSet, 'upgradePolicy'>, overrides: PolicyOverrides = {}): PolicyResult {
  const set = scaleSet.upgradePolicy?.rollingUpgradePolicy ?? {};
  const automatic = scaleSet.upgradePolicy?.automaticOSUpgradePolicy ?? {};
  const errors: string[] = [];
  const maxBatchInstancePercent = overrides.maxBatchInstancePercent ?? set.maxBatchInstancePercent ?? 20;
  const maxUnhealthyInstancePercent = overrides.maxUnhealthyInstancePercent ?? set.maxUnhealthyInstancePercent ?? 20;
  const maxUnhealthyUpgradedInstancePercent = overrides.maxUnhealthyUpgradedInstancePercent ?? set.maxUnhealthyUpgradedInstancePercent ?? 20;
  checkPercent('maxBatchInstancePercent', maxBatchInstancePercent, errors);
  checkPercent('maxUnhealthyInstancePercent', maxUnhealthyInstancePercent, errors);
  checkPercent('maxUnhealthyUpgradedInstancePercent', maxUnhealthyUpgradedInstancePercent, errors);
  const pauseTimeBetweenBatches = overrides.pauseTimeBetweenBatches ?? set.pauseTimeBetweenBatches ?? 'PT0S';
  const pauseBetweenBatchesMs = durationMs('pauseTimeBetweenBatches', pauseTimeBetweenBatches, errors, 0, 24 * 3_600_000);
  const healthTimeoutMs = overrides.healthTimeout === undefined ? defaultHealthTimeoutMs : durationMs('healthTimeout', overrides.healthTimeout, errors, 1000, 24 * 3_600_000);
  const healthPollMs = overrides.healthPoll === undefined ? defaultHealthPollMs : durationMs('healthPoll', overrides.healthPoll, errors, 100, 3_600_000);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    policy: {
      maxBatchInstancePercent,
      maxUnhealthyInstancePercent,
      maxUnhealthyUpgradedInstancePercent,
      pauseTimeBetweenBatches,
      pauseBetweenBatchesMs,
      prioritizeUnhealthyInstances: overrides.prioritizeUnhealthyInstances ?? set.prioritizeUnhealthyInstances ?? false,
      enableCrossZoneUpgrade: overrides.enableCrossZoneUpgrade ?? set.enableCrossZoneUpgrade ?? false,
      // O4: rollback is the default; the set's disableAutomaticRollback (A1) turns it off unless overridden.
      rollbackFailedInstances: overrides.rollbackFailedInstances ?? !(automatic.disableAutomaticRollback ?? false),
      maxSurge: overrides.maxSurge ?? set.maxSurge ?? false,
      healthTimeoutMs,
      healthPollMs,
    },
  };
}
