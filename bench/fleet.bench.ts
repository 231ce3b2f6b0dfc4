// Benchmark: a fleet rollout of 200 scale sets × 50 instances in 3 stages on the simulator (in memory,
// the real SDK, LRO polls paced at the SDK's 2 s in simulated time or the server's Retry-After), with
// Compute's throttling budgets on as the simulator's default scenario models them (per subscription).
// Run: npx tsx bench/fleet.bench.ts [sets=200] [instances=50] [stages=10,90,100] [parallel=50]
// Prints: simulated duration over the stage lower bound (each stage: its slowest set's batches ×
// (reimage + health grace), sets of a group `parallel` at a time), ARM requests per instance (plan and
// run), throttled (429) answers, and the real wall time.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FleetJournalStore } from '../src/core/fleet/fleetJournal';
import { blockingFindings, readySets } from '../src/core/fleet/fleetPlan';
import { parseRolloutFile } from '../src/core/fleet/parseRolloutFile';
import { planFleet } from '../src/core/fleet/planFleet';
import { startFleet } from '../src/core/fleet/runFleet';
import { JournalStore } from '../src/core/journal/journalStore';
import type { Scenario } from '../src/simulator/simulator-entry';
import { simulatedAzure } from '../test/unit/core/support/simulatedAzure';

const args = process.argv.slice(2);
const setCount = Number(args[0] ?? 200);
const instances = Number(args[1] ?? 50);
const stageSizes = (args[2] ?? '10,90,100').split(',').map(Number);
const parallel = Number(args[3] ?? 50);
const sdkPollMs = 2000;
const timing = { instanceUpgradeSeconds: 60, healthGraceSeconds: 30, healthWaitSeconds: 300, modelUpdateSeconds: 5, pageSize: 50 };
const policy = { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20, pauseTimeBetweenBatches: 'PT0S' };
const budgets = [
  { name: 'Microsoft.Compute/HighCostGet3Min', windowSeconds: 180, limit: 3000, method: 'GET' },
  { name: 'Microsoft.Compute/VMScaleSetActions3Min', windowSeconds: 180, limit: 600, method: 'POST' },
];
const tenantId = '00000000-0000-4000-8000-0000000000bb';
const subscriptions = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'];
// Stage 1 in one region; later stages never hold both regions of a pair (West/North Europe are one).
const regionsByStage = [['swedencentral'], ['westeurope', 'swedencentral'], ['northeurope', 'eastus2']];
const image = { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
const oldVersion = '24.04.202410020';
const newVersion = '24.04.202411050';

function scenario(): Scenario {
  const scaleSets = [];
  let n = 0;
  for (const [stage, size] of stageSizes.entries()) {
    for (let i = 0; i < size; i++, n++) {
      const regions = regionsByStage[stage] ?? regionsByStage[2];
      scaleSets.push({
        subscriptionId: subscriptions[n % 2],
        resourceGroup: 'rg-bench',
        name: `s${stage}-${String(i).padStart(3, '0')}`,
        location: regions[i % regions.length],
        zones: ['1', '2', '3'],
        image: { ...image, version: 'latest' },
        osVersion: oldVersion,
        healthSignal: { kind: 'extension' },
        upgradePolicy: { mode: 'Manual', rollingUpgradePolicy: policy },
        updateDomains: 5,
        faultDomains: 3,
        tags: { stage: String(stage) },
        instances: { count: instances },
      });
    }
  }
  return {
    name: 'fleet-bench',
    seed: 42,
    startTime: '2026-11-01T00:00:00Z',
    timing,
    tenants: [{ tenantId, displayName: 'Bench' }],
    subscriptions: subscriptions.map((subscriptionId, i) => ({ subscriptionId, displayName: `Bench ${i + 1}`, tenantId })),
    images: [{ ...image, locations: ['swedencentral', 'westeurope', 'northeurope', 'eastus2'], versions: [oldVersion, newVersion] }],
    scaleSets,
    throttling: { budgets },
  } as unknown as Scenario;
}

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

async function main(): Promise<void> {
  const realStart = Date.now();
  const az = await simulatedAzure(scenario(), { simulatedPollMs: sdkPollMs });
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-fleet-bench-'));
  try {
    const text = JSON.stringify({
      name: 'bench',
      target: { kind: 'version', version: newVersion },
      safety: { canaryMaxSets: stageSizes[0] },
      stages: stageSizes.map((_, stage) => ({
        name: `stage-${stage + 1}`,
        groups: [{ name: 'all', tags: { stage: String(stage) }, subscriptions, maxParallel: parallel, engine: { kind: 'embedded', strategy: 'zone', policy } }],
      })),
    });
    const parsed = parseRolloutFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const planStart = az.sim.requests().length;
    const plan = await planFleet(az.gateway, parsed.rollout, { clock: az.clock, concurrency: 16 });
    const blocking = blockingFindings(plan);
    if (blocking.length) throw new Error(blocking.map((f) => f.message).join('; '));
    const planRequests = az.sim.requests().length - planStart;
    const runStart = az.sim.requests().length;
    const simStart = az.clock.now();
    const runner = startFleet({ gateway: az.gateway, clock: az.clock, store: new JournalStore(dir), fleetStore: new FleetJournalStore(dir) }, plan);
    const stageEnds: number[] = [];
    let lastStages = 0;
    runner.subscribe((e) => {
      if (e.type !== 'changed') return;
      const done = e.view.stages.filter((s) => s.state === 'finished').length;
      if (done > lastStages) stageEnds.push(az.clock.now());
      lastStages = done;
    });
    const summary = await runner.run();
    const durationMs = az.clock.now() - simStart;
    const log = az.sim.requests().slice(runStart);
    const throttled = az.sim.requests().filter((r) => r.status === 429).length;
    const perBatch = (timing.instanceUpgradeSeconds + timing.healthGraceSeconds) * 1000;
    // Lower bound per stage: its sets in waves of `parallel`, each wave as long as its slowest set's batches.
    const bound = plan.stages.map((stage) => {
      const sets = readySets(stage);
      const batches = sets.map((s) => s.batches ?? 0);
      const waves = Math.ceil(sets.length / parallel);
      return waves * Math.max(0, ...batches) * perBatch;
    });
    const lowerBoundMs = bound.reduce((a, b) => a + b, 0);
    const total = setCount * instances;
    console.log(`${setCount} sets × ${instances} instances = ${total}, stages ${stageSizes.join('/')}, ${parallel} sets at a time per stage, 2 subscriptions, budgets ${budgets.map((b) => `${b.limit}/${b.windowSeconds}s ${b.method}`).join(', ')} per subscription`);
    console.log(`outcome ${summary.outcome}${summary.reason ? ` — ${summary.reason}` : ''}; sets ${summary.sets.succeeded} upgraded, ${summary.sets.failed} failed`);
    console.log(`simulated duration ${minutes(durationMs)}; lower bound ${minutes(lowerBoundMs)} (stages ${bound.map(minutes).join(' + ')}); ratio ${(durationMs / lowerBoundMs).toFixed(3)}`);
    console.log(`stage ends at ${stageEnds.map((t) => minutes(t - simStart)).join(', ')}`);
    const polls = log.filter((r) => /\/operations\//i.test(r.path)).length;
    const posts = log.filter((r) => r.method === 'POST').length;
    const lists = log.filter((r) => r.method === 'GET' && /\/virtualMachines$/i.test(r.path)).length;
    console.log(`run requests per set ${(log.length / setCount).toFixed(0)}: ${posts} POST, ${polls} LRO polls, ${lists} VM list pages, ${log.length - posts - polls - lists} other`);
    console.log(`ARM requests: plan ${planRequests} (${(planRequests / total).toFixed(3)}/instance), run ${log.length} (${(log.length / total).toFixed(3)}/instance); throttled (429): ${throttled}`);
    console.log(`real wall time ${((Date.now() - realStart) / 1000).toFixed(1)} s`);
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
