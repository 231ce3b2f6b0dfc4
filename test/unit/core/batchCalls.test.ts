// Issue 13: batch-level ARM calls. One reimage request and one LRO per batch (counted in the simulator's
// request log), never a second move of an instance after a dropped connection or a resume mid-batch,
// health read only once it can have changed, LRO polls at the SDK's 2 s in simulated time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { planFromAzure, resumeRun, startRun } from '../../../src/core/rollout';
import type { Scenario } from '../../../src/simulator/simulator-entry';
import { fleetScenario, newVersion, ref, type FleetInstance } from './support/fleetScenario';
import { KillingSink } from './support/killingSink';
import { testRetry } from './support/runCase';
import { simulatedAzure, type SimulatedAzure } from './support/simulatedAzure';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const fleet = (n: number, extra: Partial<Parameters<typeof fleetScenario>[0]> = {}): Scenario => fleetScenario({ seed: 1, instances: healthy(n), zones: 0, updateDomains: 5, faultDomains: 3, faults: [], ...extra });
const policy = { maxBatchInstancePercent: 25, healthPoll: 'PT10S' };

async function harness(scenario: Scenario, simulatedPollMs?: number) {
  const az = await simulatedAzure(scenario, simulatedPollMs ? { simulatedPollMs } : {});
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-batch-'));
  const store = new JournalStore(dir);
  const plan = async (gateway = az.gateway) => {
    const planned = await planFromAzure(gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' }, policy }, az.clock, testRetry);
    if (!planned.ok) throw new Error(planned.errors.join('; '));
    return planned.plan;
  };
  return { az, store, plan, dispose: async () => { await az.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const batchPosts = (az: SimulatedAzure) => az.sim.requests().filter((r) => r.method === 'POST' && /\/virtualMachineScaleSets\/[^/]+\/reimage$/i.test(r.path) && r.status === 202);
const singlePosts = (az: SimulatedAzure) => az.sim.requests().filter((r) => r.method === 'POST' && /\/virtualMachines\/[^/]+\/reimage$/i.test(r.path));
/** Instance id → how many accepted reimages took it to the target. */
function movesToTarget(az: SimulatedAzure): Map<string, number> {
  const moves = new Map<string, number>();
  for (const a of az.observations.accepted) if (a.kind === 'reimage' && a.exactVersion === newVersion) for (const id of a.instanceIds) moves.set(id, (moves.get(id) ?? 0) + 1);
  return moves;
}

describe('batch-level ARM calls (issue 13, real SDK → simulator)', function () {
  this.timeout(120_000);

  it('O9: one reimage POST per batch (the scale-set operation with instanceIds), none per instance', async () => {
    const h = await harness(fleet(12));
    try {
      const summary = await startRun({ gateway: h.az.gateway, clock: h.az.clock, store: h.store, retry: testRetry }, ref, await h.plan()).run();
      assert.equal(summary.outcome, 'succeeded');
      assert.equal(summary.batches.finished, 4);
      assert.equal(batchPosts(h.az).length, 4, 'one POST per batch');
      assert.equal(singlePosts(h.az).length, 0, 'no per-instance reimage');
      assert.deepEqual(h.az.observations.accepted.map((a) => a.instanceIds.length), [3, 3, 3, 3]);
      assert.ok([...movesToTarget(h.az).values()].every((n) => n === 1));
      assert.equal(movesToTarget(h.az).size, 12);
    } finally {
      await h.dispose();
    }
  });

  it('a dropped connection while the batch LRO runs: the retry reads first and never sends the batch again', async () => {
    // Every operation poll fails for a while (beyond the SDK's own retries): the gateway call rejects.
    const scenario = fleet(8, {}) as Scenario & { faults: unknown[] };
    scenario.faults.push({ method: 'GET', path: '/operations/', occurrences: [1, 2, 3, 4, 5], drop: true });
    const h = await harness(scenario);
    try {
      const summary = await startRun({ gateway: h.az.gateway, clock: h.az.clock, store: h.store, retry: testRetry }, ref, await h.plan()).run();
      assert.equal(summary.outcome, 'succeeded');
      assert.equal(h.az.sim.requests().filter((r) => r.status === 'dropped').length, 5, 'the faults happened');
      assert.equal(movesToTarget(h.az).size, 8);
      assert.ok([...movesToTarget(h.az).entries()].every(([, n]) => n === 1), `moves ${JSON.stringify([...movesToTarget(h.az)])}`);
      assert.equal(batchPosts(h.az).length, summary.batches.finished);
    } finally {
      await h.dispose();
    }
  });

  it('a resume mid-batch (killed after the batch POST, before its results were journaled) never moves an instance twice', async () => {
    // Find where the first batch's results are journaled, on an identical run.
    const probe = await harness(fleet(8));
    let killAt: number;
    try {
      const run = startRun({ gateway: probe.az.gateway, clock: probe.az.clock, store: probe.store, retry: testRetry }, ref, await probe.plan());
      await run.run();
      killAt = probe.store.read(run.runId).entries.findIndex((e) => e.type === 'moved') + 1;
      assert.ok(killAt > 1);
    } finally {
      await probe.dispose();
    }
    const h = await harness(fleet(8));
    try {
      const store = Object.create(h.store) as typeof h.store;
      store.open = (runId: string) => Object.assign(new KillingSink(h.store.open(runId), killAt, false), { file: h.store.fileOf(runId) });
      const first = startRun({ gateway: h.az.gateway, clock: h.az.clock, store, retry: testRetry }, ref, await h.plan());
      assert.equal((await first.run()).outcome, 'failed', 'the killed process ends without a verdict');
      assert.equal(batchPosts(h.az).length, 1, 'the first batch was sent before the kill');
      const resumed = resumeRun({ gateway: h.az.newGateway(), clock: h.az.clock, store: h.store, retry: testRetry }, first.runId);
      const summary = await resumed.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.equal(movesToTarget(h.az).size, 8);
      assert.ok([...movesToTarget(h.az).values()].every((n) => n === 1), `moves ${JSON.stringify([...movesToTarget(h.az)])}`);
      assert.equal(batchPosts(h.az).length, summary.batches.finished, 'the resumed batch was not sent again');
    } finally {
      await h.dispose();
    }
  });

  it('O4 rollback: the failed instances of a batch go back with one reimage request to their previous version', async () => {
    const instances: FleetInstance[] = [...healthy(2), { baseline: 'healthy', after: 'neverHealthy' }, { baseline: 'healthy', after: 'neverHealthy' }];
    const h = await harness(fleetScenario({ seed: 1, instances, zones: 0, updateDomains: 5, faultDomains: 3, faults: [] }));
    try {
      const planned = await planFromAzure(h.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'explicit', batches: [['0', '1', '2', '3']] }, policy: { ...policy, maxUnhealthyUpgradedInstancePercent: 100 } }, h.az.clock, testRetry);
      assert.ok(planned.ok);
      const summary = await startRun({ gateway: h.az.gateway, clock: h.az.clock, store: h.store, retry: testRetry }, ref, planned.plan).run();
      assert.equal(summary.instances.rolledBack, 2);
      const back = h.az.observations.accepted.filter((a) => a.exactVersion !== newVersion);
      assert.deepEqual(back.map((a) => [...a.instanceIds].sort()), [['2', '3']], 'one rollback request for both');
      assert.equal(singlePosts(h.az).length, 0);
    } finally {
      await h.dispose();
    }
  });

  it('at the SDK cadence (2 s polls in simulated time) a batch costs one POST, ~31 polls and few health reads; duration ≤ 1.02× the lower bound', async () => {
    const h = await harness(fleet(40), 2000);
    try {
      const before = h.az.sim.requests().length;
      const gateway = h.az.newGateway();
      const summary = await startRun({ gateway, clock: h.az.clock, store: h.store, retry: testRetry }, ref, await h.plan(gateway)).run();
      assert.equal(summary.outcome, 'succeeded');
      const log = h.az.sim.requests().slice(before);
      const polls = log.filter((r) => /\/operations\//i.test(r.path)).length;
      const lists = log.filter((r) => r.method === 'GET' && /\/virtualMachines$/i.test(r.path)).length;
      const batches = summary.batches.finished;
      // A 60 s reimage polled every 2 s: the first poll at once, then 30 more.
      assert.ok(polls >= batches * 30 && polls <= batches * 32, `polls ${polls} for ${batches} batches`);
      // Per batch: one read when the LRO ends (provisioning times), one after the grace period, and the next
      // batch's O6 check (always a fresh read: other maintenance may have changed the set, O6); plus the plan.
      assert.ok(lists <= batches * 3 + 3, `list reads ${lists} for ${batches} batches`);
      const lowerBound = batches * 90_000;
      assert.ok(summary.durationMs <= lowerBound * 1.02, `duration ${summary.durationMs} vs lower bound ${lowerBound}`);
    } finally {
      await h.dispose();
    }
  });
  it('a small batch in a large set reads its health with single GETs when that costs fewer requests than the paged list', async () => {
    const scenario = fleet(40) as Scenario & { timing: Record<string, number> };
    scenario.timing.pageSize = 5; // the list costs 8 requests; a canary of one costs one GET
    const h = await harness(scenario, 2000);
    try {
      const planned = await planFromAzure(h.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage', canary: 1 }, policy }, h.az.clock, testRetry);
      assert.ok(planned.ok);
      const canary = planned.plan.batches[0].instances.map((i) => i.instanceId);
      assert.equal(canary.length, 1);
      const summary = await startRun({ gateway: h.az.gateway, clock: h.az.clock, store: h.store, retry: testRetry }, ref, planned.plan).run();
      assert.equal(summary.outcome, 'succeeded');
      const singles = h.az.sim.requests().filter((r) => r.method === 'GET' && new RegExp(`/virtualMachines/${canary[0]}$`).test(r.path));
      assert.ok(singles.length >= 1, 'the canary\'s health was read with a single GET');
    } finally {
      await h.dispose();
    }
  });
});
