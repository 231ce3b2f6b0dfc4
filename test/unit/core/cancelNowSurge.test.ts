// Cancel-now in the middle of a surge batch (O8 maxSurge, issue #13): the run had scaled the set out;
// stopping there left it above its original capacity. The batch is undone — new instances deleted, old
// ones kept in service — and a kill during that ending resumes to the same end.
import * as assert from 'node:assert/strict';
import type { RunEvent } from '../../../src/core/contract';
import type { JournalEntry } from '../../../src/core/journal/records';
import { resumeRun } from '../../../src/core/rollout';
import { fleetScenario, oldVersion, type FleetInstance } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { nextEvent, startTestRun } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const scenario = () => fleetScenario({ seed: 3, instances: healthy(6), zones: 0, updateDomains: 5, faultDomains: 3, faults: [] });
const originals = ['0', '1', '2', '3', '4', '5'];

const moments: { name: string; at: (e: RunEvent) => boolean }[] = [
  { name: 'while the scale-out is in flight', at: (e) => e.type === 'surge' && e.state === 'scalingOut' },
  { name: 'while the new instances are waited for', at: (e) => e.type === 'surge' && e.state === 'created' },
];

describe('cancel now in a surge batch (real SDK → simulator)', function () {
  this.timeout(120_000);

  for (const moment of moments) {
    it(`O8: cancel now ${moment.name} ends at the original capacity, with the old instances in service`, async () => {
      const run = await startTestRun(scenario(), { policy: { maxSurge: true, maxBatchInstancePercent: 50 } });
      try {
        const cancelAt = nextEvent(run.executor, moment.at);
        const done = run.executor.run();
        await cancelAt;
        assert.ok(run.executor.send({ type: 'cancelNow' }).accepted);
        const summary = await done;
        assert.equal(summary.outcome, 'cancelled');
        assert.match(summary.reason ?? '', /Surge batch 1 was undone/);
        // Long after: nothing else appears (a scale-out in flight has settled and been undone).
        await run.az.clock.sleep(3600_000);
        const set = run.az.sim.world.scaleSets[0];
        assert.equal(set.sku.capacity, 6, 'the capacity is the original');
        assert.deepEqual(set.instances.map((i) => i.instanceId), originals, 'the original instances, and only them');
        assert.ok(set.instances.every((i) => i.osImage.version === oldVersion));
        const undone = run.store.read(run.executor.runId).entries.filter((e) => e.type === 'surgeUndone');
        assert.equal(undone.length, 1);
        assert.equal(summary.instances.notStarted, 6, 'no instance counts as moved');
      } finally {
        await run.dispose();
      }
    });
  }

  it('O8: killed while undoing, the resumed run finishes the undo (no instance deleted twice) and ends at the original capacity', async () => {
    const run = await startTestRun(scenario(), { policy: { maxSurge: true, maxBatchInstancePercent: 50 } });
    try {
      const created = nextEvent(run.executor, (e) => e.type === 'surge' && e.state === 'created');
      // The journal dies as the undo is recorded (after the deletions were asked for).
      const sink = (run.executor as unknown as { options: { sink: { append(e: JournalEntry): void } } }).options.sink;
      const append = sink.append.bind(sink);
      sink.append = (e: JournalEntry) => {
        if (e.type === 'surgeUndone') throw new Error('killed');
        append(e);
      };
      const done = run.executor.run();
      await created;
      run.executor.send({ type: 'cancelNow' });
      assert.equal((await done).outcome, 'failed');
      const resumed = resumeRun({ gateway: run.az.newGateway(), clock: run.az.clock, store: run.store, retry: testRetry }, run.executor.runId);
      const summary = await resumed.executor.run();
      assert.equal(summary.outcome, 'cancelled');
      await run.az.clock.sleep(3600_000);
      const set = run.az.sim.world.scaleSets[0];
      assert.equal(set.sku.capacity, 6);
      assert.deepEqual(set.instances.map((i) => i.instanceId), originals);
      assert.equal(new Set(run.az.observations.deleted).size, run.az.observations.deleted.length, 'no instance deleted twice');
    } finally {
      await run.dispose();
    }
  });
});
