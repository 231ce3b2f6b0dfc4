// The questions that shape an embedded run — target, strategy with canary, gates, policy — shared by
// "Run OS Upgrade with the Embedded Orchestrator…" and "Rehearse This Upgrade…", so a rehearsal is asked
// exactly what the real run would be.
import * as vscode from 'vscode';
import type { BakeGates, Gates, MetricGate, Strategy, UpgradeTarget } from '../core/contract';
import { parseMetricGate } from '../core/metricGateText';
import type { PolicyOverrides } from '../core/policy';
import { back, inputStep } from './multiStepInput';
import { pickUpgradeTarget } from './pickUpgradeTarget';
import { percentFields, validatePause, validatePercent } from './rollingPolicyFields';
import type { ScaleSetTarget } from './scaleSetTarget';

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

async function pickOne<T>(title: string, placeHolder: string, items: Choice<T>[] | Promise<Choice<T>[]>): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.value;
}

/** `flexible`: a Flexible set has fault domains but no update domains (Learn: Orchestration modes), so no UD choice. */
async function pickStrategy(title: string, flexible: boolean): Promise<Strategy | undefined> {
  const kind = await pickOne(title, vscode.l10n.t('How should instances be grouped into batches?'), [
    { label: vscode.l10n.t('Percentage batches'), description: vscode.l10n.t('maxBatchInstancePercent of the set per batch (O2)'), value: 'percentage' as const },
    { label: vscode.l10n.t('Fixed batch size…'), description: 'T2', value: 'count' as const },
    ...(flexible ? [] : [{ label: vscode.l10n.t('One update domain at a time'), description: 'O9, T1', value: 'updateDomain' as const }]),
    { label: vscode.l10n.t('One fault domain at a time'), description: 'O9', value: 'faultDomain' as const },
    { label: vscode.l10n.t('Zone by zone, whole update domains per batch'), description: 'O8 · the platform default', value: 'zoneThenUpdateDomain' as const },
    { label: vscode.l10n.t('Across zones'), description: vscode.l10n.t('enableCrossZoneUpgrade (O8)'), value: 'crossZone' as const },
  ]);
  if (!kind) return undefined;
  let count: number | undefined;
  if (kind === 'count') {
    const text = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Instances per batch'), value: '1', ignoreFocusOut: true, validateInput: (v) => (/^[1-9]\d*$/.test(v.trim()) ? undefined : vscode.l10n.t('A whole number of at least 1')) });
    if (!text) return undefined;
    count = Number(text);
  }
  const canary = await pickOne(title, vscode.l10n.t('Start with a canary batch?'), [
    { label: vscode.l10n.t('No canary'), value: 0 },
    { label: vscode.l10n.t('Canary of 1 instance'), value: 1 },
    { label: vscode.l10n.t('Canary of 2 instances'), value: 2 },
  ]);
  if (canary === undefined) return undefined;
  return { kind, ...(count ? { count } : {}), ...(canary ? { canary } : {}) };
}

/** Issue 16: the bake offered in the gates pick (10 minutes after every batch; a breach rolls the batch back). */
const offeredBake = { bake: 'PT10M', bakeMs: 600_000, onBreach: 'rollback' } as const;

/** Issue 16: the metric threshold, typed in the gate's text form and checked as it is typed. */
async function askMetricGate(title: string): Promise<MetricGate | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Metric threshold that fails the bake: <metric> <op> <threshold> [avg|min|max|total|count] [interval], e.g. Percentage CPU>90 avg PT5M'),
    value: 'Percentage CPU>90 avg PT5M',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parseMetricGate(v);
      return parsed.ok ? undefined : parsed.error;
    },
  });
  if (text === undefined) return undefined;
  const parsed = parseMetricGate(text);
  return parsed.ok ? parsed.gate : undefined;
}

async function pickGates(title: string, canary: boolean): Promise<{ gates: Partial<Gates>; window?: 'scaleSet' } | undefined> {
  type GateChoice = 'afterCanary' | 'afterEachZone' | 'afterEachBatch' | 'bake' | 'bakeAlerts' | 'bakeMetric' | 'window';
  const items: Choice<GateChoice>[] = [
    ...(canary ? [{ label: vscode.l10n.t('After the canary'), value: 'afterCanary' as const, picked: true }] : []),
    { label: vscode.l10n.t('After each zone'), value: 'afterEachZone' },
    { label: vscode.l10n.t('After each batch'), value: 'afterEachBatch' },
    { label: vscode.l10n.t('Bake 10 minutes after each batch: health must hold'), value: 'bake' },
    { label: vscode.l10n.t('Bake 10 minutes after each batch: health must hold and no Azure Monitor alert may fire on the scale set'), value: 'bakeAlerts' },
    { label: vscode.l10n.t('Bake 10 minutes after each batch: health must hold and a metric must stay within a threshold…'), description: vscode.l10n.t('Azure Monitor metric, e.g. Percentage CPU'), value: 'bakeMetric' },
    { label: vscode.l10n.t("Start batches only inside the scale set's maintenance window"), description: vscode.l10n.t('its OS-image maintenance configuration'), value: 'window' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, placeHolder: vscode.l10n.t('Where should the run wait for your approval? (none: it runs through)'), ignoreFocusOut: true });
  if (!picked) return undefined;
  const values = new Set(picked.map((p) => p.value));
  const approvals = Object.fromEntries(['afterCanary', 'afterEachZone', 'afterEachBatch'].filter((k) => values.has(k as GateChoice)).map((k) => [k, true]));
  const metric = values.has('bakeMetric') ? await askMetricGate(title) : undefined;
  if (values.has('bakeMetric') && !metric) return undefined;
  const baking = values.has('bake') || values.has('bakeAlerts') || values.has('bakeMetric');
  const bake: BakeGates | undefined = baking ? { ...offeredBake, ...(values.has('bakeAlerts') ? { alerts: { scope: 'scaleSet' as const } } : {}), ...(metric ? { metrics: [metric] } : {}) } : undefined;
  return { gates: { ...approvals, ...(bake ? { bake } : {}) }, ...(values.has('window') ? { window: 'scaleSet' as const } : {}) };
}

async function pickPolicy(title: string): Promise<PolicyOverrides | undefined> {
  const own = await pickOne(title, vscode.l10n.t('Batch size and health thresholds'), [
    { label: vscode.l10n.t("Use the scale set's rolling upgrade policy"), value: true },
    { label: vscode.l10n.t('Override for this run…'), value: false },
  ]);
  if (own === undefined) return undefined;
  if (own) return {};
  const overrides: Record<string, number | string> = {};
  const totalSteps = percentFields.length + 1;
  for (let step = 1; step <= totalSteps; ) {
    const field = percentFields[step - 1];
    const result = field
      ? await inputStep({ title, step, totalSteps, value: String(overrides[field.key] ?? field.defaultValue), prompt: vscode.l10n.t('{0} ({1}–{2}, rule {3})', field.key, field.min, field.max, field.rule), validate: (v) => validatePercent(field, v) })
      : await inputStep({ title, step, totalSteps, value: String(overrides.pauseTimeBetweenBatches ?? 'PT0S'), prompt: vscode.l10n.t('pauseTimeBetweenBatches (ISO 8601, O8)'), validate: validatePause });
    if (result === undefined) return undefined;
    if (result === back) {
      step--;
      continue;
    }
    if (field) overrides[field.key] = Number(result.trim());
    else overrides.pauseTimeBetweenBatches = result.trim().toUpperCase();
    step++;
  }
  const flags = await pickPolicyFlags(title);
  if (!flags) return undefined;
  return { ...(overrides as PolicyOverrides), ...flags };
}

/** Behaviour switches for this run; an unticked one keeps the set's own setting. */
async function pickPolicyFlags(title: string): Promise<PolicyOverrides | undefined> {
  const items: Choice<PolicyOverrides>[] = [
    { label: vscode.l10n.t('Create new instances before deleting old ones (maxSurge)'), description: 'O8', value: { maxSurge: true } },
    { label: vscode.l10n.t('Upgrade unhealthy instances first'), description: 'O8', value: { prioritizeUnhealthyInstances: true } },
    { label: vscode.l10n.t('Do not roll back instances that fail'), description: 'O4', value: { rollbackFailedInstances: false } },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, placeHolder: vscode.l10n.t("Switches for this run (unticked ones keep the set's policy)"), ignoreFocusOut: true });
  return picked && Object.assign({}, ...picked.map((p) => p.value)) as PolicyOverrides;
}

export interface RunPlanOptions {
  readonly target: UpgradeTarget;
  readonly strategy: Strategy;
  readonly gates: Partial<Gates>;
  readonly policy: PolicyOverrides;
  /** Issue 16: batches start only inside the set's own OS-image maintenance window. */
  readonly window?: 'scaleSet';
}

/** Asks target, strategy, gates and policy in turn; undefined when the user backs out. */
export async function pickRunPlanOptions(target: ScaleSetTarget, title: string): Promise<RunPlanOptions | undefined> {
  const set = target.gateway.getScaleSet(target.ref);
  const upgradeTarget = await pickUpgradeTarget(target, title, set);
  if (!upgradeTarget) return undefined;
  const strategy = await pickStrategy(title, (await set).orchestrationMode === 'Flexible');
  if (!strategy) return undefined;
  const picked = await pickGates(title, (strategy.canary ?? 0) > 0);
  if (!picked) return undefined;
  const policy = await pickPolicy(title);
  if (!policy) return undefined;
  return { target: upgradeTarget, strategy, gates: picked.gates, policy, ...(picked.window ? { window: picked.window } : {}) };
}
