// `vmss-upgrades plan`: the dry run. Reads the set and shows every batch before anything moves.
// Also home of the target/strategy/policy flags that `run` shares.
import type { CliCommand, CliIO } from '../main';
import type { Gates, RolloutPlan, Strategy, StrategyKind, UpgradeTarget } from '../../core/contract';
import type { PolicyOverrides } from '../../core/policy';
import type { PlanRequest } from '../../core/rollout';
import { planFromAzure } from '../../core/rollout';
import { bakeGatesFrom, bakeOptions, bakeUsage, describeBake } from './bakeOptions';
import { clockFrom, connectionOptions, connectionUsage, gatewayFrom, scaleSetRefFrom, UsageError } from '../connect';
import { windowFrom, windowUsage } from '../windowOption';
import { printWindow, windowAsJson } from '../printWindow';

export const rolloutOptions = {
  ...connectionOptions,
  latest: { type: 'boolean' },
  version: { type: 'string' },
  sku: { type: 'string' },
  image: { type: 'string' },
  strategy: { type: 'string' },
  count: { type: 'string' },
  instances: { type: 'string' },
  canary: { type: 'string' },
  'max-batch': { type: 'string' },
  'max-unhealthy': { type: 'string' },
  'max-unhealthy-upgraded': { type: 'string' },
  pause: { type: 'string' },
  'health-timeout': { type: 'string' },
  'prioritize-unhealthy': { type: 'boolean' },
  'cross-zone': { type: 'boolean' },
  'no-rollback': { type: 'boolean' },
  'max-surge': { type: 'boolean' },
  gate: { type: 'string', multiple: true },
  window: { type: 'string' },
  ...bakeOptions,
} as const;

export const rolloutUsage = `${connectionUsage}
Target:      --latest (default) | --version V | --sku SKU [--version V] | --image GALLERY_OR_IMAGE_ID
Strategy:    --strategy zone|cross-zone|percentage|count|update-domain|fault-domain|explicit
             --count N   --instances "0,1;2,3" (explicit batches, T1)   --canary N
Policy:      --max-batch 5-100 --max-unhealthy 5-100 --max-unhealthy-upgraded 0-100 --pause PT30S
             --health-timeout PT5M --prioritize-unhealthy --cross-zone --no-rollback --max-surge
Gates:       --gate canary|zone|batch (repeatable)
${windowUsage}
${bakeUsage}`;

const strategyNames: Record<string, StrategyKind> = {
  zone: 'zoneThenUpdateDomain',
  'cross-zone': 'crossZone',
  percentage: 'percentage',
  count: 'count',
  'update-domain': 'updateDomain',
  'fault-domain': 'faultDomain',
  explicit: 'explicit',
};

function str(values: Record<string, unknown>, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function int(values: Record<string, unknown>, key: string): number | undefined {
  const raw = str(values, key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new UsageError(`--${key} must be a whole number, got ${raw}`);
  return n;
}

function targetFrom(values: Record<string, unknown>): UpgradeTarget {
  const version = str(values, 'version');
  const sku = str(values, 'sku');
  const image = str(values, 'image');
  if ([image, sku, values.latest === true ? 'latest' : undefined].filter(Boolean).length > 1) throw new UsageError('Give one target: --latest, --version, --sku or --image');
  if (image) return { kind: 'image', id: image };
  if (sku) return { kind: 'sku', sku, ...(version ? { version } : {}) };
  if (version) return { kind: 'version', version };
  return { kind: 'latest' };
}

function strategyFrom(values: Record<string, unknown>): Strategy {
  const instances = str(values, 'instances');
  const named = str(values, 'strategy');
  const kind = named ? strategyNames[named] : instances ? 'explicit' : values['cross-zone'] === true ? 'crossZone' : 'zoneThenUpdateDomain';
  if (!kind) throw new UsageError(`Unknown strategy '${named}'. Use one of: ${Object.keys(strategyNames).join(', ')}`);
  const batches = instances?.split(';').map((b) => b.split(',').map((id) => id.trim()).filter(Boolean)).filter((b) => b.length > 0);
  if (kind === 'explicit' && !batches?.length) throw new UsageError('The explicit strategy needs --instances "0,1;2,3"');
  const count = int(values, 'count');
  const canary = int(values, 'canary');
  return { kind, ...(count !== undefined ? { count } : {}), ...(batches ? { batches } : {}), ...(canary !== undefined ? { canary } : {}) };
}

function policyFrom(values: Record<string, unknown>): PolicyOverrides {
  const o: Record<string, unknown> = {
    maxBatchInstancePercent: int(values, 'max-batch'),
    maxUnhealthyInstancePercent: int(values, 'max-unhealthy'),
    maxUnhealthyUpgradedInstancePercent: int(values, 'max-unhealthy-upgraded'),
    pauseTimeBetweenBatches: str(values, 'pause'),
    healthTimeout: str(values, 'health-timeout'),
    prioritizeUnhealthyInstances: values['prioritize-unhealthy'] === true ? true : undefined,
    enableCrossZoneUpgrade: values['cross-zone'] === true ? true : undefined,
    rollbackFailedInstances: values['no-rollback'] === true ? false : undefined,
    maxSurge: values['max-surge'] === true ? true : undefined,
  };
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as PolicyOverrides;
}

function gatesFrom(values: Record<string, unknown>): Partial<Gates> {
  const names = (values.gate as string[] | undefined) ?? [];
  const unknown = names.filter((n) => !['canary', 'zone', 'batch'].includes(n));
  if (unknown.length > 0) throw new UsageError(`Unknown gate(s): ${unknown.join(', ')}; use canary, zone or batch`);
  const bake = bakeGatesFrom(values);
  return { afterCanary: names.includes('canary'), afterEachZone: names.includes('zone'), afterEachBatch: names.includes('batch'), ...(bake ? { bake } : {}) };
}

export function planRequestFrom(values: Record<string, unknown>): PlanRequest {
  const window = windowFrom(values);
  return { ref: scaleSetRefFrom(values), target: targetFrom(values), strategy: strategyFrom(values), policy: policyFrom(values), gates: gatesFrom(values), ...(window ? { window } : {}) };
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function planAsJson(plan: RolloutPlan) {
  return {
    scaleSetId: plan.scaleSetId,
    target: plan.target.description,
    method: plan.target.method,
    strategy: plan.strategy.kind,
    instanceCount: plan.instanceCount,
    batchLimit: plan.batchLimit,
    predictedMs: plan.predictedMs,
    ...(plan.gates.bake ? { bake: plan.gates.bake } : {}),
    ...(plan.estimates.basis ? { predictionBasis: plan.estimates.basis } : {}),
    batches: plan.batches.map((b) => ({
      index: b.index,
      kind: b.kind,
      instanceIds: b.instances.map((i) => i.instanceId),
      ...(b.zone !== undefined ? { zone: b.zone } : {}),
      updateDomains: b.updateDomains,
      faultDomains: b.faultDomains,
      predictedMs: b.predictedMs,
      ...(b.surge ? { surge: b.surge } : {}),
      ...(b.gateAfter ? { gateAfter: b.gateAfter } : {}),
    })),
    skipped: plan.skipped.map((s) => ({ instanceId: s.instance.instanceId, reason: s.reason })),
    warnings: plan.warnings,
    ...(plan.policyHold ? { policyHold: plan.policyHold } : {}),
    ...(plan.window ? { window: windowAsJson(plan.window) } : {}),
  };
}

export function printPlan(plan: RolloutPlan, io: CliIO): void {
  const p = plan.policy;
  const w = (line = '') => io.stdout.write(`${line}\n`);
  w(`Plan: ${plan.scaleSetId.split('/').at(-1)} → ${plan.target.description} (${plan.target.method === 'reimage' ? 'reimage with exactVersion' : 'model update + manualupgrade'})`);
  w(`Policy: batches ≤ ${p.maxBatchInstancePercent}% (limit ${plan.batchLimit}), unhealthy ≤ ${p.maxUnhealthyInstancePercent}% (O1/O6), upgraded unhealthy ≤ ${p.maxUnhealthyUpgradedInstancePercent}% (O5), pause ${p.pauseTimeBetweenBatches}, health timeout ${formatDuration(p.healthTimeoutMs)}, rollback ${p.rollbackFailedInstances ? 'on' : 'off'}`);
  if (plan.policyHold) {
    const { original: o, during: d } = plan.policyHold;
    w(`Upgrade policy held for the run: mode ${o.mode} → ${d.mode}, automatic OS upgrades ${o.automaticOSUpgrade ? 'on' : 'off'} → ${d.automaticOSUpgrade ? 'on' : 'off'}; restored after (journaled)`);
  }
  if (plan.gates.bake) w(describeBake(plan.gates.bake));
  w(`Strategy: ${plan.strategy.kind}; ${plan.instanceCount} instance(s), ${plan.skipped.filter((s) => s.reason === 'onTarget').length} already on the target`);
  for (const b of plan.batches) {
    w();
    w(`Batch ${b.index + 1}${b.kind === 'canary' ? ' (canary)' : ''}: ${b.instances.length} instance(s)${b.surge ? ` (maxSurge: ${b.surge} new first, then the old deleted)` : ''}, ~${formatDuration(b.predictedMs)}${b.zone !== undefined ? `, zone ${b.zone}` : ''}${b.gateAfter ? `, then approval (${b.gateAfter})` : ''}`);
    for (const i of b.instances) w(`  ${i.instanceId.padEnd(6)} ${i.name.padEnd(24)} zone ${i.zone ?? '-'}  UD ${i.updateDomain ?? '-'}  FD ${i.faultDomain ?? '-'}  ${i.health.padEnd(12)} ${i.currentVersion ?? ''}`);
  }
  if (plan.window) printWindow(plan.window, w);
  w();
  w(`${plan.batches.length} batch(es), predicted ${formatDuration(plan.predictedMs)}${plan.estimates.basis ? ` (from ${plan.estimates.basis})` : ''}.`);
  for (const warning of plan.warnings) w(`Note: ${warning}`);
}

export async function runWithUsage(io: CliIO, usage: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.message}\n${usage}\n`);
      return 2;
    }
    io.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
}

const usage = `vmss-upgrades plan — show the whole rollout before anything runs (a dry run)\n\n${rolloutUsage}`;

export const planCommand: CliCommand = {
  summary: 'Show the batches of an OS image rollout without changing anything',
  usage,
  options: rolloutOptions,
  run: (values, _positionals, io) =>
    runWithUsage(io, usage, async () => {
      const request = planRequestFrom(values);
      const gateway = await gatewayFrom(values);
      const result = await planFromAzure(gateway, request, clockFrom(values));
      if (!result.ok) {
        io.stderr.write(`${result.errors.join('\n')}\n`);
        return 1;
      }
      if (values.json === true) io.stdout.write(`${JSON.stringify(planAsJson(result.plan), null, 2)}\n`);
      else printPlan(result.plan, io);
      return 0;
    }),
};
