// The rolling upgrade policy's fields as the multi-step editor asks for them, with the REST spec's
// ranges (5–100 / 5–100 / 0–100, ISO 8601 pause; O2, O5, O6, O8). Pure: the validation is unit-tested
// and the editor only shows what it returns.
import type { RollingUpgradePolicy } from '@azure/arm-compute';
import { parseIsoDuration } from '../shared/iso8601';

export interface PercentField {
  readonly key: 'maxBatchInstancePercent' | 'maxUnhealthyInstancePercent' | 'maxUnhealthyUpgradedInstancePercent';
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  readonly rule: string;
}

export const percentFields: readonly PercentField[] = [
  { key: 'maxBatchInstancePercent', min: 5, max: 100, defaultValue: 20, rule: 'O2' },
  { key: 'maxUnhealthyInstancePercent', min: 5, max: 100, defaultValue: 20, rule: 'O1/O6' },
  { key: 'maxUnhealthyUpgradedInstancePercent', min: 0, max: 100, defaultValue: 20, rule: 'O5' },
];

/** O8 switches offered as a multi-select. */
export const policyFlags = ['prioritizeUnhealthyInstances', 'enableCrossZoneUpgrade', 'rollbackFailedInstancesOnPolicyBreach', 'maxSurge'] as const;
export type PolicyFlag = (typeof policyFlags)[number];

/** undefined when valid; otherwise what is wrong, in words. */
export function validatePercent(field: PercentField, text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `${field.key} must be a whole number from ${field.min} to ${field.max}`;
  const value = Number(trimmed);
  return value < field.min || value > field.max ? `${field.key} must be from ${field.min} to ${field.max} (${field.rule}), got ${value}` : undefined;
}

export function validatePause(text: string): string | undefined {
  const parsed = parseIsoDuration(text);
  return parsed.ok ? undefined : `pauseTimeBetweenBatches: ${parsed.error}`;
}

export interface PolicyAnswers {
  readonly percents: Readonly<Record<PercentField['key'], number>>;
  readonly pause: string;
  readonly flags: ReadonlySet<PolicyFlag>;
}

/** The current values, with Azure's defaults where the set has none. */
export function currentAnswers(policy: RollingUpgradePolicy | undefined): PolicyAnswers {
  const percents = Object.fromEntries(percentFields.map((f) => [f.key, policy?.[f.key] ?? f.defaultValue])) as Record<PercentField['key'], number>;
  return { percents, pause: policy?.pauseTimeBetweenBatches ?? 'PT0S', flags: new Set(policyFlags.filter((f) => policy?.[f] === true)) };
}

export function policyFromAnswers(answers: PolicyAnswers): RollingUpgradePolicy {
  return {
    ...answers.percents,
    pauseTimeBetweenBatches: answers.pause.trim().toUpperCase(),
    ...Object.fromEntries(policyFlags.map((f) => [f, answers.flags.has(f)])),
  };
}
