// Benchmark: the embedded orchestrator against the simulator's own platform rolling upgrade, on two
// identical fleets in the same simulator at the same time, through the real SDK (in memory).
// Run: npx tsx bench/orchestrator.bench.ts [instances=1000] [strategy=zoneThenUpdateDomain]
// Prints the run's simulated duration over its lower bound (batches × (reimage + health confirmation)),
// the platform's duration on the same fleet, and ARM calls per instance.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StrategyKind } from '../src/core/contract';
import { JournalStore } from '../src/core/journal/journalStore';
import { planFromAzure, startRun } from '../src/core/rollout';
import type { Scenario } from '../src/simulator/simulator-entry';
import { image, oldVersion, newVersion, subscriptionId } from '../test/unit/core/support/fleetScenario';
import { simulatedAzure } from '../test/unit/core/support/simulatedAzure';

const instances = Number(process.argv[2] ?? 1000);
const strategy = (process.argv[3] ?? 'zoneThenUpdateDomain') as StrategyKind;
const timing = { instanceUpgradeSeconds: 60, healthGraceSeconds: 30, healthWaitSeconds: 300, modelUpdateSeconds: 5 };
const policy = { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20, pauseTimeBetweenBatches: 'PT0S' };

// maxSurge adds a batch's worth of instances on top: above 1,000 ARM refuses the capacity and every batch
// falls back to in place (O8), so the surge set is the largest that still has room for one batch.
const surgeInstances = Math.min(instances, Math.floor(1000 / 1.2));

function set(name: string, mode: 'Manual' | 'Rolling', count = instances) {
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

const scenario = {
  name: 'bench',
  seed: 42,
  startTime: '2026-11-01T00:00:00Z',
  timing,
  tenants: [{ tenantId: '00000000-0000-4000-8000-0000000000aa', displayName: 'Bench' }],
  subscriptions: [{ subscriptionId, displayName: 'Bench', tenantId: '00000000-0000-4000-8000-0000000000aa' }],
  images: [{ ...image, locations: ['westeurope'], versions: [oldVersion, newVersion] }],
  scaleSets: [set('ours', 'Manual'), set('platform', 'Rolling'), set('surge', 'Manual', surgeInstances)],
} as unknown as Scenario;

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

async function main(): Promise<void> {
  const realStart = Date.now();
  const az = await simulatedAzure(scenario);
  const ours = { subscriptionId, resourceGroup: 'rg-bench', name: 'ours' };
  const platformRef = { ...ours, name: 'platform' };
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-bench-'));
  try {
    const planned = await planFromAzure(az.gateway, { ref: ours, target: { kind: 'latest' }, strategy: { kind: strategy }, policy }, az.clock);
    if (!planned.ok) throw new Error(planned.errors.join('; '));
    const plan = planned.plan;
    const statsBefore = { ...az.gateway.stats };
    const requestsBefore = az.sim.requests().length;
    const executor = startRun({ gateway: az.gateway, clock: az.clock, store: new JournalStore(dir) }, ours, plan);
    // The platform's own algorithm on the identical set, started at the same simulated instant.
    const platformGateway = az.newGateway();
    const platformStart = az.clock.now();
    const platformDone = platformGateway.startOsRollingUpgrade(platformRef).then(() => az.clock.now());
    const [summary, platformEnd] = await Promise.all([executor.run(), platformDone]);
    const latest = await platformGateway.getLatestRollingUpgrade(platformRef);

    // O8 maxSurge on a third set, after the other two (run alongside, it would change their poll counts).
    const surgeRef = { ...ours, name: 'surge' };
    const surgeGateway = az.newGateway();
    const surgePlanned = await planFromAzure(surgeGateway, { ref: surgeRef, target: { kind: 'latest' }, strategy: { kind: strategy }, policy: { ...policy, maxSurge: true } }, az.clock);
    if (!surgePlanned.ok) throw new Error(surgePlanned.errors.join('; '));
    const surgeSummary = await startRun({ gateway: surgeGateway, clock: az.clock, store: new JournalStore(dir) }, surgeRef, surgePlanned.plan).run();
    const perBatch = (timing.instanceUpgradeSeconds + timing.healthGraceSeconds) * 1000;
    const lowerBound = summary.batches.finished * perBatch;
    const platformRun = az.sim.world.scaleSets[1].upgradeRuns.at(-1);
    const platformBatches = platformRun?.batches.length ?? 0;
    const ourRequests = az.sim.requests().slice(requestsBefore).filter((r) => /\/virtualMachineScaleSets\/ours(\/|$)|\/operations\//i.test(r.path));
    const polls = ourRequests.filter((r) => /\/operations\//i.test(r.path)).length;
    const lists = ourRequests.filter((r) => r.method === 'GET' && /\/virtualMachines$/i.test(r.path)).length;
    const moves = ourRequests.filter((r) => r.method === 'POST').length;
    const calls = summary.arm.calls;
    // The SDK polls every 2 s by default; a reimage of 60 s simulated is ~30 polls on Azure, where here the
    // virtual clock jumps and a poll or two sees it done.
    const lroCount = moves;
    const estimatedPolls = lroCount * (Math.ceil(timing.instanceUpgradeSeconds / 2) + 1);

    console.log(`fleet: ${instances} instances, zones 1–3, 5 update domains, 3 fault domains; ${plan.target.description}`);
    console.log(`embedded orchestrator (${strategy}, ${policy.maxBatchInstancePercent}%): ${summary.outcome}, ${summary.batches.finished} batches`);
    console.log(`  simulated duration ${minutes(summary.durationMs)}; lower bound ${summary.batches.finished} × (${timing.instanceUpgradeSeconds} s reimage + ${timing.healthGraceSeconds} s health) = ${minutes(lowerBound)}; ratio ${(summary.durationMs / lowerBound).toFixed(3)}`);
    console.log(`  predicted by the plan ${minutes(plan.predictedMs)} (default estimates)`);
    console.log(`platform rolling upgrade (simulator, same fleet, same run): ${latest?.runningStatus?.code ?? '?'}, ${platformBatches} batches`);
    console.log(`  simulated duration ${minutes(platformEnd - platformStart)}; over our lower bound ${((platformEnd - platformStart) / lowerBound).toFixed(3)}; over its own (${platformBatches} × 90 s) ${((platformEnd - platformStart) / (platformBatches * perBatch)).toFixed(3)}`);
    console.log(`ARM calls (ours): ${calls} = ${(calls / instances).toFixed(2)} per instance; retries ${summary.arm.retries}, throttled ${summary.arm.throttled}`);
    console.log(`  by kind: ${moves} POST (reimage), ${polls} LRO polls, ${lists} VM list pages, ${ourRequests.length - moves - polls - lists} other; stats delta ${az.gateway.stats.calls - statsBefore.calls}`);
    console.log(`  with the SDK's 2 s poll interval on Azure: ~${((calls - polls + estimatedPolls) / instances).toFixed(1)} per instance (estimate)`);
    const surgeSet = az.sim.world.scaleSets[2];
    if (surgeSummary.outcome === "failed") console.log(`  maxSurge run failed: ${surgeSummary.reason}`);
    console.log(`embedded orchestrator with maxSurge on ${surgeInstances} instances (same strategy, same run): ${surgeSummary.outcome}, ${surgeSummary.batches.finished} batches, ${surgeSummary.surge?.created ?? 0} instances created, ${surgeSummary.surge?.inPlaceBatches ?? 0} batches in place, capacity ${surgeSet.sku.capacity} at the end`);
    console.log(`  simulated duration ${minutes(surgeSummary.durationMs)} = ${(surgeSummary.durationMs / summary.durationMs).toFixed(2)}× the in-place run; ARM calls ${(surgeSummary.arm.calls / surgeInstances).toFixed(2)} per instance`);
    console.log(`real time ${((Date.now() - realStart) / 1000).toFixed(1)} s`);
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
