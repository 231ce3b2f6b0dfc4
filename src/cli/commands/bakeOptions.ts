// The bake and gate flags of `plan` and `run` (issue 16): --bake PT10M, --alert-gate, its scope and
// severities, --metric-gate (repeatable), and what a breach does.
import type { AlertGate, AlertSeverity, BakeGates, MetricGate } from '../../core/contract';
import { describeMetricGate, parseMetricGate } from '../../core/metricGateText';
import { parseIsoDuration } from '../../shared/iso8601';
import { UsageError } from '../connect';

export const bakeOptions = {
  bake: { type: 'string' },
  'alert-gate': { type: 'boolean' },
  'alert-scope': { type: 'string' },
  'alert-severity': { type: 'string' },
  'metric-gate': { type: 'string', multiple: true },
  'on-breach': { type: 'string' },
} as const;

export const bakeUsage = `Bake:        --bake PT10M (after the canary and every batch; health must hold)
             --alert-gate (no Azure Monitor alert may fire on the set during batch and bake)
             --alert-scope scale-set|resource-group   --alert-severity Sev0,Sev1
             --metric-gate "Percentage CPU>90 avg PT5M" (a scale set metric whose value over one
               interval since the batch began may not cross the threshold; repeatable)
             --on-breach rollback|pause (default rollback: roll the batch back and abort)`;

const severities: readonly AlertSeverity[] = ['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4'];

function text(values: Record<string, unknown>, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function alertGateFrom(values: Record<string, unknown>): AlertGate | undefined {
  const scopeText = text(values, 'alert-scope');
  const severityText = text(values, 'alert-severity');
  if (values['alert-gate'] !== true) {
    if (scopeText || severityText) throw new UsageError('--alert-scope and --alert-severity go with --alert-gate');
    return undefined;
  }
  if (scopeText && !['scale-set', 'resource-group'].includes(scopeText)) throw new UsageError(`--alert-scope must be scale-set or resource-group, got ${scopeText}`);
  const wanted = severityText?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted?.filter((s) => !severities.some((k) => k.toLowerCase() === s.toLowerCase())) ?? [];
  if (unknown.length > 0) throw new UsageError(`Unknown alert severity: ${unknown.join(', ')}; use ${severities.join(', ')}`);
  const chosen = wanted?.map((s) => severities.find((k) => k.toLowerCase() === s.toLowerCase())!);
  return { scope: scopeText === 'resource-group' ? 'resourceGroup' : 'scaleSet', ...(chosen ? { severities: chosen } : {}) };
}

function metricGatesFrom(values: Record<string, unknown>): MetricGate[] | undefined {
  const raw = values['metric-gate'];
  const texts = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((t): t is string => typeof t === 'string');
  if (texts.length === 0) return undefined;
  return texts.map((t) => {
    const parsed = parseMetricGate(t);
    if (!parsed.ok) throw new UsageError(`--metric-gate: ${parsed.error}`);
    return parsed.gate;
  });
}

/** The plan's bake gates from the flags; undefined when none of --bake, --alert-gate, --metric-gate is given. */
export function bakeGatesFrom(values: Record<string, unknown>): BakeGates | undefined {
  const bakeText = text(values, 'bake');
  const alerts = alertGateFrom(values);
  const metrics = metricGatesFrom(values);
  const breach = text(values, 'on-breach');
  if (breach && !['rollback', 'pause'].includes(breach)) throw new UsageError(`--on-breach must be rollback or pause, got ${breach}`);
  if (!bakeText && !alerts && !metrics) {
    if (breach) throw new UsageError('--on-breach goes with --bake, --alert-gate or --metric-gate');
    return undefined;
  }
  const parsed = parseIsoDuration(bakeText ?? 'PT0S');
  if (!parsed.ok) throw new UsageError(`--bake: ${parsed.error}`);
  return { bake: bakeText ?? 'PT0S', bakeMs: parsed.ms, ...(alerts ? { alerts } : {}), ...(metrics ? { metrics } : {}), onBreach: breach === 'pause' ? 'pause' : 'rollback' };
}

/** One line for the plan: the bake and its gates. */
export function describeBake(bake: BakeGates): string {
  const gates = [
    'health held',
    ...(bake.alerts ? [`no alert on the ${bake.alerts.scope === 'resourceGroup' ? 'resource group' : 'scale set'}${bake.alerts.severities ? ` (${bake.alerts.severities.join(', ')})` : ''}`] : []),
    ...(bake.metrics ?? []).map(describeMetricGate),
  ];
  return `Bake ${bake.bake} after every batch; gates: ${gates.join(', ')}; on a breach: ${bake.onBreach === 'pause' ? 'pause for approval' : 'roll the batch back and abort'}`;
}
