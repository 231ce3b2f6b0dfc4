// O2: unhealthy instances elsewhere shrink a batch as it starts. The split is journaled (batchSplit) and
// the executor moves the batch as recorded — before the fix the journal said "moves 4 now" while the move
// intent and the reimages still held all 5 (issue #13).
import * as assert from 'node:assert/strict';
import type { JournalEntry } from '../../../src/core/journal/records';
import { resumeRun, planFromAzure, startRun } from '../../../src/core/rollout';
import { fleetScenario, ref, type FleetInstance } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { startTestRun, withSimulator } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const fleet = (n: number) => fleetScenario({ seed: 1, instances: healthy(n), zones: 0, updateDomains: 5, faultDomains: 3, faults: [] });
type Sim = { sim: { world: { scaleSets: { instances: { instanceId: string; baselineHealth: string }[] }[] } } };
/** Other maintenance takes an instance down (its health before any upgrade becomes unhealthy). */
const takeDown = (az: Sim, id: string) => {
  az.sim.world.scaleSets[0].instances.find((i) => i.instanceId === id)!.baselineHealth = 'unhealthy';
};
const intents = (entries: readonly JournalEntry[], batch: number) => entries.flatMap((e) => (e.type === 'moveIntent' && e.batch === batch ? e.instances.map((i) => i.id) : []));

describe('O2 batch split as a batch starts (real SDK → simulator)', function () {
  this.timeout(120_000);

  it('O2: an instance outside the batch unhealthy at its start: the batch moves one fewer, and the deferred one is not in the move intent nor reimaged with it', async () => {
    // 10 instances, 50%: batches [0–4] and [5–9], limit 5.
    const run = await startTestRun(fleet(10), { policy: { maxBatchInstancePercent: 50 } });
    try {
      run.executor.subscribe((e) => {
        if (e.type === 'batch' && e.state === 'rechecking' && e.index === 0) takeDown(run.az, '9');
      });
      const summary = await run.executor.run();
      const entries = run.store.read(run.executor.runId).entries;
      const split = entries.find((e) => e.type === 'batchSplit');
      assert.ok(split && split.type === 'batchSplit', 'the split is journaled');
      assert.deepEqual(split.deferred, ['4']);
      assert.deepEqual(intents(entries, 0), ['0', '1', '2', '3'], 'the move intent holds the batch as recorded');
      // The first move request (one per batch since the batch-level reimage) names the batch as recorded.
      const firstMove = run.az.observations.accepted.find((a) => a.instanceIds.includes('0'));
      assert.deepEqual(firstMove && [...firstMove.instanceIds].sort(), ['0', '1', '2', '3']);
      assert.deepEqual(intents(entries, 1), ['4'], 'the deferred instance moves in the batch after');
      assert.equal(summary.outcome, 'succeeded');
    } finally {
      await run.dispose();
    }
  });

  it('O2: an unhealthy instance inside the batch costs nothing; the healthy tail is what is deferred', async () => {
    const run = await startTestRun(fleet(10), { policy: { maxBatchInstancePercent: 50 } });
    try {
      run.executor.subscribe((e) => {
        if (e.type === 'batch' && e.state === 'rechecking' && e.index === 0) {
          takeDown(run.az, '9');
          takeDown(run.az, '4');
        }
      });
      await run.executor.run();
      const entries = run.store.read(run.executor.runId).entries;
      const split = entries.find((e) => e.type === 'batchSplit');
      // Two out of service (4 and 9): three healthy ones may join them; 4 stays (already down), 3 waits.
      assert.deepEqual(split?.type === 'batchSplit' && split.deferred, ['3']);
      assert.deepEqual(intents(entries, 0), ['0', '1', '2', '4']);
    } finally {
      await run.dispose();
    }
  });

  it('O2 and resume: killed at the split record, the resumed run decides the split again instead of moving the whole batch', async () => {
    const env = await withSimulator(fleet(10));
    try {
      const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50, healthPoll: 'PT30S' } }, env.az.clock, testRetry);
      assert.ok(planned.ok);
      takeDown(env.az, '9');
      // A journal that dies when the split is written (the process is killed there).
      const store = Object.create(env.store) as typeof env.store;
      store.open = (runId: string) => {
        const inner = env.store.open(runId);
        let dead = false;
        return {
          append: (entry: JournalEntry) => {
            if (dead || entry.type === 'batchSplit') {
              dead = true;
              throw new Error('killed');
            }
            inner.append(entry);
          },
          close: () => inner.close(),
          file: inner.file,
        };
      };
      const first = startRun({ gateway: env.az.gateway, clock: env.az.clock, store, retry: testRetry }, ref, planned.plan);
      assert.equal((await first.run()).outcome, 'failed');
      const resumed = resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry }, first.runId);
      const summary = await resumed.executor.run();
      const entries = env.store.read(first.runId).entries;
      assert.deepEqual(intents(entries, 0), ['0', '1', '2', '3'], 'the resumed batch is split too');
      assert.equal(summary.outcome, 'succeeded');
    } finally {
      await env.dispose();
    }
  });
});
