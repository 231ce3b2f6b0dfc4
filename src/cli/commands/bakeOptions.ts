// The bake and gate flags of `plan` and `run` (issue 16): --bake PT10M, --alert-gate, its scope and
// severities, and what a breach does.
import type { AlertGate, AlertSeverity, BakeGates } from '../../core/contract';
import { parseIsoDuration } from '../../shared/iso8601';
import { UsageError } from '../connect';

export const bakeOptions = {
  bake: { type: 'string' },
  'alert-gate': { type: 'boolean' },
  'alert-scope': { type: 'string' },
  'alert-severity': { type: 'string' },
  'on-breach': { type: 'string' },
} as const;

export const bakeUsage = `Bake:        --bake PT10M (after the canary and every batch; health must hold)
             --alert-gate (no Azure Monitor alert may fire on the set during batch and bake)
             --alert-scope scale-set|resource-group   --alert-severity Sev0,Sev1
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

/** The plan's bake gates from the flags; undefined when neither --bake nor --alert-gate is given. */
export function bakeGatesFrom(values: Record<string, unknown>): BakeGates | undefined {
  const bakeText = text(values, 'bake');
  const alerts = alertGateFrom(values);
  const breach = text(values, 'on-breach');
  if (breach && !['rollback', 'pause'].includes(breach)) throw new UsageError(`--on-breach must be rollback or pause, got ${breach}`);
  if (!bakeText && !alerts) {
    if (breach) throw new UsageError('--on-breach goes with --bake or --alert-gate');
    return undefined;
  }
  const parsed = parseIsoDuration(bakeText ?? 'PT0S');
  if (!parsed.ok) throw new UsageError(`--bake: ${parsed.error}`);
  return { bake: bakeText ?? 'PT0S', bakeMs: parsed.ms, ...(alerts ? { alerts } : {}), onBreach: breach === 'pause' ? 'pause' : 'rollback' };
}

/** One line for the plan: the bake and its gates. */
export function describeBake(bake: BakeGates): string {
  const gates = ['health held', ...(bake.alerts ? [`no alert on the ${bake.alerts.scope === 'resourceGroup' ? 'resource group' : 'scale set'}${bake.alerts.severities ? ` (${bake.alerts.severities.join(', ')})` : ''}`] : [])];
  return `Bake ${bake.bake} after every batch; gates: ${gates.join(', ')}; on a breach: ${bake.onBreach === 'pause' ? 'pause for approval' : 'roll the batch back and abort'}`;
}
