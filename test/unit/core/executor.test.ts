// The executor's commands, gates, refusals, targets and journal, each through the real SDK against the
// simulator (no hand-written Azure).
import * as assert from 'node:assert/strict';
import { scaleSetId } from '../../../src/azure/gateway';
import type { RunEvent } from '../../../src/core/contract';
import { readJournal } from '../../../src/core/journal/journalFile';
import { resumeRun, startRun, planFromAzure, UnfinishedRunError } from '../../../src/core/rollout';
import { fleetScenario, image, newVersion, oldVersion, ref, type FleetInstance } from './support/fleetScenario';
import { KillingSink } from './support/killingSink';
import { testRetry } from './support/runCase';
import { nextEvent, startTestRun, withSimulator } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const fleet = (instances: FleetInstance[], extra: Partial<Parameters<typeof fleetScenario>[0]> = {}) =>
  fleetScenario({ seed: 1, instances, zones: 0, updateDomains: 5, faultDomains: 3, faults: [], ...extra });
const versions = (run: { az: { sim: { world: { scaleSets: { instances: { osImage: { version: string; sku: string } }[] }[] } } } }) => run.az.sim.world.scaleSets[0].instances.map((i) => i.osImage.version);
const types = (events: RunEvent[], type: RunEvent['type']) => events.filter((e) => e.type === type);

describe('executor (real SDK → simulator)', function () {
  this.timeout(120_000);

  it('moves every batch to the target with reimage exactVersion and reports a summary', async () => {
    const run = await startTestRun(fleet(healthy(10)), { policy: { maxBatchInstancePercent: 50 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.deepEqual(versions(run), Array(10).fill(newVersion));
      assert.equal(summary.batches.finished, 2);
      assert.equal(summary.instances.succeeded, 10);
      assert.ok(summary.arm.calls > 10, 'ARM calls are counted');
      // Two batches of reimage (60 s) + health (30 s grace, read every 30 s).
      assert.ok(summary.durationMs >= 2 * 90_000 && summary.durationMs < 2 * 200_000, `duration ${summary.durationMs}`);
      assert.ok(run.az.observations.accepted.every((a) => a.kind === 'reimage' && a.exactVersion === newVersion));
      const finished = types(run.events, 'finished')[0];
      assert.equal(finished.type === 'finished' && finished.summary.runId, run.executor.runId);
    } finally {
      await run.dispose();
    }
  });

  it('O1: refuses to start when too many instances are unhealthy, and says so', async () => {
    const instances: FleetInstance[] = [...healthy(7), ...Array.from({ length: 3 }, () => ({ baseline: 'unhealthy' as const, after: 'healthy' as const }))];
    const run = await startTestRun(fleet(instances));
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'refused');
      assert.match(summary.reason ?? '', /O1: 3 of 10 instances are unhealthy \(30\.0%\), the limit is 20%/);
      assert.equal(run.az.observations.accepted.length, 0);
    } finally {
      await run.dispose();
    }
  });

  it('A6: refuses to start while a platform rolling upgrade runs on the set', async () => {
    const scenario = fleet(healthy(6));
    (scenario.scaleSets[0] as { upgradePolicy: unknown }).upgradePolicy = { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 20 } };
    const env = await withSimulator(scenario);
    try {
      const platform = env.az.gateway.startOsRollingUpgrade(ref).catch((err: unknown) => err);
      await nextTick(() => env.az.sim.world.scaleSets[0].upgradeRuns.length > 0);
      const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' } }, env.az.clock, testRetry);
      assert.ok(planned.ok);
      const summary = await startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry }, ref, planned.plan).run();
      assert.equal(summary.outcome, 'refused');
      assert.match(summary.reason ?? '', /platform rolling upgrade is in progress/);
      await env.az.gateway.cancelRollingUpgrade(ref);
      await platform;
    } finally {
      await env.dispose();
    }
  });

  it('O4: an instance that never becomes healthy is rolled back to its previous exact version; rollback off leaves it', async () => {
    const instances: FleetInstance[] = [...healthy(9), { baseline: 'healthy', after: 'neverHealthy' }];
    for (const rollback of [true, false]) {
      const run = await startTestRun(fleet(instances), { policy: { maxBatchInstancePercent: 50, maxUnhealthyUpgradedInstancePercent: 50, rollbackFailedInstances: rollback } });
      try {
        const summary = await run.executor.run();
        assert.equal(summary.outcome, 'completedWithFailures');
        assert.equal(summary.finalStates['9'], rollback ? 'rolledBack' : 'failed');
        assert.equal(versions(run)[9], rollback ? oldVersion : newVersion);
        const rollbacks = run.az.observations.accepted.filter((a) => a.exactVersion === oldVersion);
        assert.deepEqual(rollbacks.map((a) => a.instanceIds[0]), rollback ? ['9'] : []);
        assert.equal(types(run.events, 'rollback').length, rollback ? 2 : 0);
      } finally {
        await run.dispose();
      }
    }
  });

  it('O5: aborts after the batch where too many upgraded instances failed; later batches never start', async () => {
    const instances: FleetInstance[] = [...healthy(2), { baseline: 'healthy', after: 'neverHealthy' }, ...healthy(7)];
    const run = await startTestRun(fleet(instances), { policy: { maxBatchInstancePercent: 20 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'aborted');
      assert.match(summary.reason ?? '', /^O5: 1 of 4 upgraded instances/);
      assert.equal(summary.batches.finished, 2);
      assert.deepEqual(versions(run).slice(4), Array(6).fill(oldVersion));
    } finally {
      await run.dispose();
    }
  });

  it('gates: waits for approval after the canary; approve continues, reject stops', async () => {
    for (const decision of ['approve', 'reject'] as const) {
      const run = await startTestRun(fleet(healthy(10)), { strategy: { kind: 'percentage', canary: 1 }, gates: { afterCanary: true } });
      try {
        const gate = nextEvent(run.executor, (e) => e.type === 'gate' && e.state === 'open');
        const done = run.executor.run();
        await gate;
        assert.equal(run.executor.view().state, 'awaitingApproval');
        assert.equal(versions(run).filter((v) => v === newVersion).length, 1, 'only the canary moved');
        assert.ok(run.executor.send({ type: decision }).accepted);
        const summary = await done;
        assert.equal(summary.outcome, decision === 'approve' ? 'succeeded' : 'rejected');
        assert.equal(versions(run).filter((v) => v === newVersion).length, decision === 'approve' ? 10 : 1);
      } finally {
        await run.dispose();
      }
    }
  });

  it('pause holds the run between batches until resume', async () => {
    const run = await startTestRun(fleet(healthy(10)), { policy: { maxBatchInstancePercent: 50 } });
    try {
      const firstBatch = nextEvent(run.executor, (e) => e.type === 'batch' && e.state === 'moving');
      const paused = nextEvent(run.executor, (e) => e.type === 'run' && e.state === 'paused');
      const done = run.executor.run();
      await firstBatch;
      assert.ok(run.executor.send({ type: 'pause' }).accepted);
      assert.equal(run.executor.send({ type: 'pause' }).accepted, false, 'already paused');
      await paused;
      await settle(run.az.clock, 600_000);
      assert.equal(versions(run).filter((v) => v === newVersion).length, 5, 'nothing moves while paused');
      assert.ok(run.executor.send({ type: 'resume' }).accepted);
      assert.equal((await done).outcome, 'succeeded');
    } finally {
      await run.dispose();
    }
  });

  it('a resumed run reports the ARM calls of the whole run: the earlier process recorded its traffic in the journal', async () => {
    const run = await startTestRun(fleet(healthy(10)), { policy: { maxBatchInstancePercent: 50 } });
    try {
      const paused = nextEvent(run.executor, (e) => e.type === 'run' && e.state === 'paused');
      void run.executor.run();
      await nextEvent(run.executor, (e) => e.type === 'batch' && e.state === 'moving');
      assert.ok(run.executor.send({ type: 'pause' }).accepted);
      await paused;
      // The first process is abandoned here, as if the window closed; another one resumes the run.
      const earlier = run.store.read(run.executor.runId).entries.filter((e) => e.type === 'armTraffic');
      assert.equal(earlier.length, 1, 'one record, before the first batch finished');
      const firstShare = earlier[0].type === 'armTraffic' ? earlier[0].calls : 0;
      assert.ok(firstShare > 5, `the first process's calls are recorded (${firstShare})`);
      const gateway = run.az.newGateway();
      const resumed = resumeRun({ gateway, clock: run.az.clock, store: run.store, retry: testRetry }, run.executor.runId);
      const summary = await resumed.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.equal(summary.arm.calls, firstShare + gateway.stats.calls, 'both processes counted, each once');
    } finally {
      await run.dispose();
    }
  });

  it('O1 decided before a crash stands on resume: killed between the failed check and runFinished, the run ends refused even if the set healed meanwhile', async () => {
    const instances: FleetInstance[] = [...healthy(7), ...Array.from({ length: 3 }, () => ({ baseline: 'unhealthy' as const, after: 'healthy' as const }))];
    const env = await withSimulator(fleet(instances));
    try {
      const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' } }, env.az.clock, testRetry);
      assert.ok(planned.ok);
      // Appends: runStarted, healthCheck (O1 fails), armTraffic — the process dies there, before runFinished.
      const store = Object.create(env.store) as typeof env.store;
      store.open = (runId: string) => Object.assign(new KillingSink(env.store.open(runId), 4, false), { file: env.store.fileOf(runId) });
      const first = startRun({ gateway: env.az.gateway, clock: env.az.clock, store, retry: testRetry }, ref, planned.plan);
      assert.equal((await first.run()).outcome, 'failed', 'the killed process ends without a verdict');
      assert.deepEqual(env.store.read(first.runId).entries.map((e) => e.type), ['runStarted', 'leaseTaken', 'healthCheck']);
      // Meanwhile the set recovers; the resumed run must still not start (the decision was journaled).
      for (const instance of env.az.sim.world.scaleSets[0].instances) instance.baselineHealth = 'healthy';
      const resumed = resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry }, first.runId);
      const summary = await resumed.executor.run();
      assert.equal(summary.outcome, 'refused');
      assert.match(summary.reason ?? '', /^O1: 3 of 10 instances are unhealthy \(30\.0%\)/);
      assert.equal(env.az.observations.accepted.length, 0, 'nothing moved');
      assert.deepEqual(env.store.read(first.runId).entries.map((e) => e.type).slice(-2), ['armTraffic', 'runFinished']);
    } finally {
      await env.dispose();
    }
  });

  it('cancel after the current batch finishes that batch and stops', async () => {
    const run = await startTestRun(fleet(healthy(10)), { policy: { maxBatchInstancePercent: 20 } });
    try {
      const moving = nextEvent(run.executor, (e) => e.type === 'batch' && e.state === 'moving');
      const done = run.executor.run();
      await moving;
      assert.ok(run.executor.send({ type: 'cancelAfterBatch' }).accepted);
      const summary = await done;
      assert.equal(summary.outcome, 'cancelled');
      assert.equal(summary.batches.finished, 1);
      assert.equal(summary.instances.succeeded, 2);
      assert.equal(summary.instances.notStarted, 8);
    } finally {
      await run.dispose();
    }
  });

  it('cancel now stops at once and records it; Azure finishes what it was given', async () => {
    const run = await startTestRun(fleet(healthy(10)), { policy: { maxBatchInstancePercent: 20 } });
    try {
      const moving = nextEvent(run.executor, (e) => e.type === 'instance' && e.state === 'moving');
      const done = run.executor.run();
      await moving;
      assert.ok(run.executor.send({ type: 'cancelNow' }).accepted);
      const summary = await done;
      assert.equal(summary.outcome, 'cancelled');
      assert.match(summary.reason ?? '', /Cancelled now/);
      const last = readJournal(run.store.fileOf(run.executor.runId)).entries.at(-1)!;
      assert.equal(last.type === 'runFinished' && last.outcome, 'cancelled');
      assert.equal(run.executor.send({ type: 'resume' }).accepted, false, 'no commands after the end');
    } finally {
      await run.dispose();
    }
  });

  it('commands that do not apply are refused with a reason', async () => {
    const run = await startTestRun(fleet(healthy(3)));
    try {
      assert.deepEqual(run.executor.send({ type: 'approve' }), { accepted: false, message: 'No approval gate is open.' });
      assert.deepEqual(run.executor.send({ type: 'resume' }), { accepted: false, message: 'The run is not paused.' });
      await run.executor.run();
    } finally {
      await run.dispose();
    }
  });

  it('O9: a new SKU updates the model, then moves each batch with manualupgrade', async () => {
    const scenario = fleet(healthy(6));
    scenario.images.push({ ...image, sku: 'minimal', locations: ['westeurope'], versions: ['24.04.202411060'] });
    const run = await startTestRun(scenario, { target: { kind: 'sku', sku: 'minimal' }, policy: { maxBatchInstancePercent: 50 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const set = run.az.sim.world.scaleSets[0];
      assert.ok(set.instances.every((i) => i.osImage.sku === 'minimal' && i.osImage.version === '24.04.202411060'));
      assert.ok(run.az.observations.accepted.every((a) => a.kind === 'manualupgrade'));
      assert.equal(run.az.observations.accepted.length, summary.batches.finished, 'one manualupgrade per batch');
      assert.deepEqual(run.az.observations.accepted.flatMap((a) => a.instanceIds).sort(), ['0', '1', '2', '3', '4', '5']);
    } finally {
      await run.dispose();
    }
  });

  it('O9 rollback across a SKU change: model back, manualupgrade the failed instance, model forward again', async () => {
    const scenario = fleet([...healthy(5), { baseline: 'healthy', after: 'neverHealthy' }]);
    scenario.images.push({ ...image, sku: 'minimal', locations: ['westeurope'], versions: ['24.04.202411060'] });
    const run = await startTestRun(scenario, { target: { kind: 'sku', sku: 'minimal' }, policy: { maxBatchInstancePercent: 50, maxUnhealthyUpgradedInstancePercent: 50 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'completedWithFailures');
      assert.equal(summary.finalStates['5'], 'rolledBack');
      const set = run.az.sim.world.scaleSets[0];
      assert.deepEqual(set.instances.map((i) => i.osImage.sku), ['minimal', 'minimal', 'minimal', 'minimal', 'minimal', 'server']);
      const model = set.properties.virtualMachineProfile as { storageProfile: { imageReference: { sku: string } } };
      assert.equal(model.storageProfile.imageReference.sku, 'minimal', 'the model ends on the target');
      assert.deepEqual(run.az.observations.accepted.filter((a) => a.modelSku === 'server').map((a) => a.instanceIds), [['5']]);
    } finally {
      await run.dispose();
    }
  });

  it('T1 + pin: an explicit version on chosen instances only (reimage exactVersion, the model keeps latest)', async () => {
    const run = await startTestRun(fleet(healthy(8)), { target: { kind: 'version', version: '24.04.202409010' }, strategy: { kind: 'explicit', batches: [['1', '2'], ['6']] } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.deepEqual(versions(run).map((v, i) => (v === '24.04.202409010' ? i : -1)).filter((i) => i >= 0), [1, 2, 6]);
      assert.equal(summary.instances.skipped, 5, 'the others are not selected');
    } finally {
      await run.dispose();
    }
  });

  it('late subscribers get a view; a throwing subscriber does not disturb the run', async () => {
    const run = await startTestRun(fleet(healthy(4)));
    try {
      run.executor.subscribe(() => {
        throw new Error('subscriber bug');
      });
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const view = run.executor.view();
      assert.equal(view.state, 'finished');
      assert.equal(view.outcome, 'succeeded');
      assert.deepEqual(Object.values(view.instances), ['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    } finally {
      await run.dispose();
    }
  });

  it('one unfinished run per set: a second start is refused until the first is resumed and finished', async () => {
    const env = await withSimulator(fleet(healthy(4)));
    try {
      const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' } }, env.az.clock, testRetry);
      assert.ok(planned.ok);
      const deps = { gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry };
      const first = startRun(deps, ref, planned.plan);
      assert.throws(() => startRun(deps, ref, planned.plan), UnfinishedRunError);
      assert.deepEqual(env.store.unfinished(scaleSetId(ref)).map((r) => r.runId), [first.runId]);
      const resumed = resumeRun({ ...deps, gateway: env.az.newGateway() }, first.runId);
      assert.equal((await resumed.executor.run()).outcome, 'succeeded');
      assert.deepEqual(env.store.unfinished(), []);
      const again = resumeRun(deps, first.runId);
      assert.equal((await again.executor.run()).outcome, 'succeeded', 'a finished run resumes to its summary');
    } finally {
      await env.dispose();
    }
  });
});

async function nextTick(until: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !until(); i++) await new Promise((r) => setTimeout(r, 1));
}

/** Lets simulated time pass (nobody else waiting): a sleep on the shared clock. */
async function settle(clock: { sleep(ms: number): Promise<void> }, ms: number): Promise<void> {
  await clock.sleep(ms);
}
