// Benchmark: the embedded orchestrator against the simulator's own platform rolling upgrade (Azure's
// engine), on two identical fleets in the same simulator at the same time, through the real SDK (in
// memory), with LRO polls paced at the SDK's 2 s in simulated time (or the server's Retry-After) and
// Compute's throttling budgets on as the simulator's default scenario models them.
// Run: npx tsx bench/orchestrator.bench.ts [sizes=600,1000] [strategy=zoneThenUpdateDomain] [--surge]
// Both sets first get one platform OS upgrade (their history, A5), then a newer image is published and
// the measured upgrade runs: the plan's prediction is calibrated from that history.
// Prints per size: batches, duration over the lower bound (batches × (reimage + health grace)), ARM
// requests per instance, 429s, and the plan's prediction against the actual duration.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StrategyKind } from '../src/core/contract';
import { JournalStore } from '../src/core/journal/journalStore';
import { planFromAzure, startRun } from '../src/core/rollout';
import type { Scenario } from '../src/simulator/simulator-entry';
import { image, oldVersion, newVersion, subscriptionId } from '../test/unit/core/support/fleetScenario';
import { simulatedAzure } from '../test/unit/core/support/simulatedAzure';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const sizes = (args[0] ?? '600,1000').split(',').map(Number);
const strategy = (args[1] ?? 'zoneThenUpdateDomain') as StrategyKind;
const withSurge = process.argv.includes('--surge');
const midVersion = '24.04.202410200';
const sdkPollMs = 2000;
const timing = { instanceUpgradeSeconds: 60, healthGraceSeconds: 30, healthWaitSeconds: 300, modelUpdateSeconds: 5 };
const policy = { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20, pauseTimeBetweenBatches: 'PT0S' };
// The simulator's default scenario (src/simulator/scenarios/default.json): per subscription, 3-minute windows.
const budgets = [
  { name: 'Microsoft.Compute/HighCostGet3Min', windowSeconds: 180, limit: 3000, method: 'GET' },
  { name: 'Microsoft.Compute/VMScaleSetActions3Min', windowSeconds: 180, limit: 600, method: 'POST' },
];

function set(name: string, mode: 'Manual' | 'Rolling', count: number) {
  return {
    subscriptionId,
    resourceGroup: 'rg-bench',
    name,
    location: 'westeurope',
    zones: ['1', '2', '3'],
    image: { ...image, version: 'latest' },
    osVersion: oldVersion,
    healthSignal: { kind: 'extension' },
    upgradePolicy: { mode, rollingUpgradePolicy: policy },
    updateDomains: 5,
    faultDomains: 3,
    instances: { count },
  };
}

function scenarioFor(instances: number): Scenario {
  // maxSurge adds a batch's worth of instances on top: above 1,000 ARM refuses the capacity (O8).
  const surgeInstances = Math.min(instances, Math.floor(1000 / 1.2));
  return {
    name: 'bench',
    seed: 42,
    startTime: '2026-11-01T00:00:00Z',
    timing,
    tenants: [{ tenantId: '00000000-0000-4000-8000-0000000000aa', displayName: 'Bench' }],
    subscriptions: [{ subscriptionId, displayName: 'Bench', tenantId: '00000000-0000-4000-8000-0000000000aa' }],
    images: [{ ...image, locations: ['westeurope'], versions: [oldVersion, midVersion] }],
    scaleSets: [set('ours', 'Manual', instances), set('platform', 'Manual', instances), ...(withSurge ? [set('surge', 'Manual', surgeInstances)] : [])],
    throttling: { budgets },
  } as unknown as Scenario;
}

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

interface Row {
  readonly label: string;
  readonly batches: number;
  readonly durationMs: number;
  readonly lowerBoundMs: number;
  readonly requests: number;
  readonly throttled: number;
  readonly detail: string;
}

async function measure(instances: number): Promise<Row[]> {
  const az = await simulatedAzure(scenarioFor(instances), { simulatedPollMs: sdkPollMs });
  const ours = { subscriptionId, resourceGroup: 'rg-bench', name: 'ours' };
  const platformRef = { ...ours, name: 'platform' };
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-bench-'));
  try {
    // History (A5): one platform OS upgrade of each set to the middle version, then a newer release.
    const warmup = az.newGateway();
    await Promise.all([warmup.startOsRollingUpgrade(ours), warmup.startOsRollingUpgrade(platformRef)]);
    await az.clock.sleep(timing.healthGraceSeconds * 1000);
    az.sim.publishImageVersion({ ...image, version: newVersion, location: 'westeurope' });
    const requestsBefore = az.sim.requests().length;

    const ourGateway = az.newGateway();
    const planned = await planFromAzure(ourGateway, { ref: ours, target: { kind: 'latest' }, strategy: { kind: strategy }, policy }, az.clock);
    if (!planned.ok) throw new Error(planned.errors.join('; '));
    const plan = planned.plan;
    const executor = startRun({ gateway: ourGateway, clock: az.clock, store: new JournalStore(dir) }, ours, plan);
    // Azure's own algorithm on the identical set, started at the same simulated instant.
    const platformGateway = az.newGateway();
    const platformStart = az.clock.now();
    const platformDone = platformGateway.startOsRollingUpgrade(platformRef).then(() => az.clock.now());
    const [summary, platformEnd] = await Promise.all([executor.run(), platformDone]);
    const platformCalls = platformGateway.stats.calls;
    const platformRun = az.sim.world.scaleSets[1].upgradeRuns.at(-1);
    const platformBatches = platformRun?.batches.length ?? 0;
    const perBatch = (timing.instanceUpgradeSeconds + timing.healthGraceSeconds) * 1000;

    const log = az.sim.requests().slice(requestsBefore);
    const oursLog = log.filter((r) => /\/virtualMachineScaleSets\/ours(\/|$)/i.test(r.path));
    const posts = oursLog.filter((r) => r.method === 'POST').length;
    const lists = oursLog.filter((r) => r.method === 'GET' && /\/virtualMachines$/i.test(r.path)).length;
    const gets = oursLog.filter((r) => r.method === 'GET' && /\/virtualMachines\/[^/]+$/i.test(r.path)).length;
    const ourCalls = ourGateway.stats.calls;
    const polls = ourCalls - oursLog.length;
    const throttled = log.filter((r) => r.status === 429).length;
    const within = Math.abs(plan.predictedMs - summary.durationMs) / summary.durationMs;
    const rows: Row[] = [
      {
        label: `ours (${strategy}, ${policy.maxBatchInstancePercent}%)`,
        batches: summary.batches.finished,
        durationMs: summary.durationMs,
        lowerBoundMs: summary.batches.finished * perBatch,
        requests: ourCalls,
        throttled: ourGateway.stats.throttled,
        detail:
          `${summary.outcome}; ${posts} POST, ${polls} LRO polls, ${lists} VM list pages, ${gets} VM GETs, ${oursLog.length - posts - lists - gets} other (plan included); ` +
          `predicted ${minutes(plan.predictedMs)} vs ${minutes(summary.durationMs)} actual (${(within * 100).toFixed(0)}% off) from ${plan.estimates.basis ?? 'defaults'}; 429s on the subscription: ${throttled}`,
      },
      {
        label: "platform (Azure's engine)",
        batches: platformBatches,
        durationMs: platformEnd - platformStart,
        lowerBoundMs: platformBatches * perBatch,
        requests: platformCalls,
        throttled: platformGateway.stats.throttled,
        detail: `${platformRun?.code ?? "?"}; 1 POST + ${platformCalls - 1} LRO polls`,
      },
    ];
    if (withSurge) {
      const surgeRef = { ...ours, name: 'surge' };
      const surgeGateway = az.newGateway();
      const surgePlanned = await planFromAzure(surgeGateway, { ref: surgeRef, target: { kind: 'latest' }, strategy: { kind: strategy }, policy: { ...policy, maxSurge: true } }, az.clock);
      if (!surgePlanned.ok) throw new Error(surgePlanned.errors.join('; '));
      const s = await startRun({ gateway: surgeGateway, clock: az.clock, store: new JournalStore(dir) }, surgeRef, surgePlanned.plan).run();
      const count = az.sim.world.scaleSets[2].instances.length;
      rows.push({ label: 'ours with maxSurge', batches: s.batches.finished, durationMs: s.durationMs, lowerBoundMs: s.batches.finished * perBatch, requests: surgeGateway.stats.calls, throttled: surgeGateway.stats.throttled, detail: `${s.outcome}; ${count} instances, ${s.surge?.created ?? 0} created, ${s.surge?.inPlaceBatches ?? 0} batches in place` });
    }
    return rows;
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const realStart = Date.now();
  console.log(`LRO polls every ${sdkPollMs / 1000} s simulated (or the server's Retry-After); budgets ${budgets.map((b) => `${b.name} ${b.limit}/${b.windowSeconds} s ${b.method}`).join(', ')}`);
  console.log(`goal: ≤ 1 ARM request per instance, 0 throttled, duration ≤ 1.02× the lower bound (batches × ${timing.instanceUpgradeSeconds + timing.healthGraceSeconds} s)`);
  for (const instances of sizes) {
    const rows = await measure(instances);
    console.log(`\n${instances} instances, zones 1–3, 5 update domains, 3 fault domains`);
    console.log(`  ${'engine'.padEnd(36)} ${'batches'.padStart(7)} ${'duration'.padStart(9)} ${'ratio'.padStart(6)} ${'requests'.padStart(8)} ${'req/inst'.padStart(8)} ${'429s'.padStart(5)}`);
    for (const r of rows) {
      console.log(`  ${r.label.padEnd(36)} ${String(r.batches).padStart(7)} ${minutes(r.durationMs).padStart(9)} ${(r.durationMs / r.lowerBoundMs).toFixed(3).padStart(6)} ${String(r.requests).padStart(8)} ${(r.requests / instances).toFixed(2).padStart(8)} ${String(r.throttled).padStart(5)}`);
      console.log(`    ${r.detail}`);
    }
  }
  console.log(`\nreal time ${((Date.now() - realStart) / 1000).toFixed(1)} s`);
}

void main();
