// Bake time and gates after every batch (issue 16), through the real SDK (arm-compute and the alerts
// ServiceClient of @azure/core-client) against the simulator: health held for the bake, no Azure Monitor
// alert on the set (or its resource group) during batch and bake, a breach rolls back or pauses, and a
// reload mid-bake resumes the rest of the bake.
import * as assert from 'node:assert/strict';
import type { ArmGateway } from '../../../src/azure/armGateway';
import type { BakeGates, RunEvent } from '../../../src/core/contract';
import type { RolloutExecutor } from '../../../src/core/executor/executor';
import type { JournalEntry } from '../../../src/core/journal/records';
import { planFromAzure, resumeRun, startRun } from '../../../src/core/rollout';
import { fleetScenario, newVersion, oldVersion, ref, type FleetInstance } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { startTestRun, withSimulator, type TestRun } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const fleet = (n = 10) => fleetScenario({ seed: 1, instances: healthy(n), zones: 0, updateDomains: 5, faultDomains: 3, faults: [] });
const bake = (extra: Partial<BakeGates> = {}): BakeGates => ({ bake: 'PT10M', bakeMs: 600_000, alerts: { scope: 'scaleSet' }, onBreach: 'rollback', ...extra });
const tenMinutes = 600_000;
const versions = (run: TestRun) => run.az.sim.world.scaleSets[0].instances.map((i) => i.osImage.version);
const bakeEvents = (events: RunEvent[]) => events.filter((e): e is Extract<RunEvent, { type: 'bake' }> => e.type === 'bake');
const journal = (run: TestRun): JournalEntry[] => run.store.read(run.executor.runId).entries;

/** Calls `act` once, when the bake after batch `batch` starts. */
function onBakeStart(executor: RolloutExecutor, batch: number, act: () => void): void {
  let done = false;
  executor.subscribe((e) => {
    if (!done && e.type === 'bake' && e.state === 'started' && e.batch === batch) {
      done = true;
      act();
    }
  });
}

const canaryThenHalf = { kind: 'percentage' as const, canary: 1 };

describe('bake time and gates (issue 16, real SDK → simulator)', function () {
  this.timeout(120_000);

  it('no breach: every batch bakes its full time, the run succeeds, and the plan counts the bakes', async () => {
    const run = await startTestRun(fleet(), { strategy: canaryThenHalf, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake() } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded', summary.reason);
      const batches = summary.batches.finished;
      assert.equal(batches, 3, 'canary + two batches of half');
      const bakes = bakeEvents(run.events);
      assert.equal(bakes.filter((e) => e.state === 'started').length, batches);
      assert.equal(bakes.filter((e) => e.state === 'passed').length, batches);
      assert.ok(summary.durationMs >= batches * tenMinutes, `the run took ${summary.durationMs} ms, less than its bakes`);
      // Each verdict came no earlier than the journaled end of its bake.
      const entries = journal(run);
      for (const started of entries.filter((e) => e.type === 'bake' && e.phase === 'started')) {
        const verdict = entries.find((e) => e.type === 'bake' && e.phase === 'verdict' && e.batch === (started as { batch: number }).batch)!;
        assert.ok(verdict.at >= (started as { endsAt: number }).endsAt, 'bake never shortened');
        assert.deepEqual((verdict as unknown as { verdicts: { gate: string; ok: boolean }[] }).verdicts.map((v) => [v.gate, v.ok]), [['health', true], ['alerts', true]]);
      }
      const plan = (entries[0] as Extract<JournalEntry, { type: 'runStarted' }>).plan;
      const withoutBake = plan.batches.reduce((s, b) => s + b.predictedMs - tenMinutes, 0);
      assert.equal(plan.predictedMs, withoutBake + 3 * tenMinutes, 'the plan shows the bake times in its duration');
    } finally {
      await run.dispose();
    }
  });

  it('an alert fired on the scale set during the canary bake: the canary is rolled back, the next batch never starts, the reason names the alert', async () => {
    const run = await startTestRun(fleet(), { strategy: canaryThenHalf, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake() } });
    try {
      onBakeStart(run.executor, 0, () => {
        run.az.sim.advance();
        run.az.sim.fireAlert({ name: 'cpu-high', severity: 'Sev2', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, instanceId: '0', at: run.az.sim.world.now + 120_000 });
      });
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'aborted');
      assert.match(summary.reason ?? '', /A gate failed during the bake after batch 1 — alerts: 1 alert\(s\) fired: 'cpu-high' \(Sev2, .* on 0\)\. The batch was rolled back \(1 instance\(s\)\)\./);
      assert.equal(run.events.filter((e) => e.type === 'batch' && e.index === 1).length, 0, 'batch 2 never started');
      assert.deepEqual(versions(run), Array(10).fill(oldVersion), 'the canary went back, nothing else moved');
      const verdict = journal(run).find((e) => e.type === 'bake' && e.phase === 'verdict') as Extract<JournalEntry, { type: 'bake'; phase: 'verdict' }>;
      const alerts = verdict.verdicts.find((v) => v.gate === 'alerts')!;
      assert.equal(alerts.ok, false);
      assert.equal(alerts.alerts?.[0]?.name, 'cpu-high');
      assert.match(alerts.alerts?.[0]?.id ?? '', /\/virtualMachineScaleSets\/fleet\/virtualMachines\/0\/providers\/Microsoft\.AlertsManagement\/alerts\/[0-9a-f-]{36}$/);
      // Found at the first poll after it fired, not at the end of the bake.
      const started = journal(run).find((e) => e.type === 'bake' && e.phase === 'started')!;
      assert.ok(verdict.at - started.at < tenMinutes && verdict.at - started.at >= 120_000, `verdict ${verdict.at - started.at} ms into the bake`);
    } finally {
      await run.dispose();
    }
  });

  it('scope and window: an alert on the resource group breaches only the resource-group scope; one before the batch or below the chosen severities never does', async () => {
    const cases: { gates: BakeGates; fire: 'group' | 'before' | 'lowSeverity'; breach: boolean }[] = [
      { gates: bake({ alerts: { scope: 'scaleSet' } }), fire: 'group', breach: false },
      { gates: bake({ alerts: { scope: 'resourceGroup' } }), fire: 'group', breach: true },
      { gates: bake({ alerts: { scope: 'scaleSet' } }), fire: 'before', breach: false },
      { gates: bake({ alerts: { scope: 'scaleSet', severities: ['Sev0', 'Sev1'] } }), fire: 'lowSeverity', breach: false },
    ];
    for (const c of cases) {
      const scenario = fleet(4);
      const start = Date.parse('2026-11-01T00:00:00Z');
      // 'before': fired (and resolved) an hour before the run.
      if (c.fire === 'before') scenario.startTime = new Date(start).toISOString();
      const run = await startTestRun(scenario, { strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50 }, gates: { bake: c.gates } });
      try {
        if (c.fire === 'before') run.az.sim.fireAlert({ name: 'old', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, at: start - 3_600_000, resolveAfterMs: 60_000 });
        onBakeStart(run.executor, 0, () => {
          if (c.fire === 'group') run.az.sim.fireAlert({ name: 'rg-budget', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup });
          if (c.fire === 'lowSeverity') run.az.sim.fireAlert({ name: 'disk-info', severity: 'Sev4', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name });
        });
        const summary = await run.executor.run();
        assert.equal(summary.outcome, c.breach ? 'aborted' : 'succeeded', `${c.fire}/${c.gates.alerts?.scope}: ${summary.reason}`);
      } finally {
        await run.dispose();
      }
    }
  });

  it('health held: an upgraded instance that turns unhealthy during the bake breaches the health gate (re-read, not assumed)', async () => {
    const run = await startTestRun(fleet(4), { strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake({ alerts: undefined }) } });
    try {
      onBakeStart(run.executor, 0, () => {
        const upgraded = run.az.sim.world.scaleSets[0].instances.find((i) => i.osImage.version === newVersion)!;
        upgraded.extensionsFailed = true;
      });
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'aborted');
      assert.match(summary.reason ?? '', /health: 1 of \d+ moved instance\(s\) not healthy: \d+ \(unhealthy\)\. The batch was rolled back/);
    } finally {
      await run.dispose();
    }
  });

  it('pause on breach: an approval gate opens (reason breach); approve continues the run, reject rolls the batch back', async () => {
    for (const decision of ['approve', 'reject'] as const) {
      const run = await startTestRun(fleet(4), { strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake({ onBreach: 'pause' }) } });
      try {
        onBakeStart(run.executor, 0, () => run.az.sim.fireAlert({ name: 'p95-latency', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name }));
        run.executor.subscribe((e) => {
          if (e.type === 'gate' && e.state === 'open') {
            assert.equal(e.reason, 'breach');
            assert.equal(run.executor.view().bake?.state, 'breached');
            setImmediate(() => run.executor.send({ type: decision }));
          }
        });
        const summary = await run.executor.run();
        if (decision === 'approve') {
          // The alert started before batch 2 did: it is outside batch 2's window (batch start to bake end).
          assert.equal(summary.outcome, 'succeeded', summary.reason);
          assert.equal(summary.batches.finished, summary.batches.planned);
          assert.deepEqual(versions(run), Array(4).fill(newVersion));
        } else {
          assert.equal(summary.outcome, 'rejected');
          assert.match(summary.reason ?? '', /'p95-latency'.*The gate was rejected\. The batch was rolled back/);
          assert.deepEqual(versions(run), Array(4).fill(oldVersion));
        }
      } finally {
        await run.dispose();
      }
    }
  });

  it('a reload mid-bake resumes the rest of the bake: one bake start in the journal, the verdict at its original end', async () => {
    const env = await withSimulator(fleet(4));
    try {
      const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' }, policy: { healthPoll: 'PT30S', maxBatchInstancePercent: 50 }, gates: { bake: bake() } }, env.az.clock, testRetry);
      assert.ok(planned.ok);
      // The first process dies three minutes into the first bake (a non-retryable read error ends it unfinished).
      let bakeStartedAt: number | undefined;
      const dying = Object.create(env.az.gateway) as ArmGateway;
      dying.listInstances = (r, signal) => {
        if (bakeStartedAt !== undefined && env.az.clock.now() >= bakeStartedAt + 180_000) return Promise.reject(Object.assign(new Error('process killed'), { statusCode: 403, code: 'AuthorizationFailed' }));
        return env.az.gateway.listInstances(r, signal);
      };
      const first = startRun({ gateway: dying, clock: env.az.clock, store: env.store, retry: testRetry }, ref, planned.plan);
      first.subscribe((e) => {
        if (e.type === 'bake' && e.state === 'started') bakeStartedAt ??= e.at;
      });
      assert.equal((await first.run()).outcome, 'failed');
      const before = env.store.read(first.runId).entries;
      assert.equal(before.filter((e) => e.type === 'bake').length, 1, 'killed mid-bake: started, no verdict');
      const endsAt = (before.find((e) => e.type === 'bake') as { endsAt: number }).endsAt;
      const resumed = resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry }, first.runId);
      const summary = await resumed.executor.run();
      assert.equal(summary.outcome, 'succeeded', summary.reason);
      const entries = env.store.read(first.runId).entries;
      const starts = entries.filter((e) => e.type === 'bake' && e.phase === 'started' && e.batch === 0);
      assert.equal(starts.length, 1, 'the bake was not restarted');
      const verdict = entries.find((e) => e.type === 'bake' && e.phase === 'verdict' && e.batch === 0)!;
      assert.ok(verdict.at >= endsAt, 'the bake was not shortened');
      assert.ok(verdict.at < endsAt + 60_000, `the bake ended at its journaled end (+${verdict.at - endsAt} ms), not a fresh ten minutes later`);
    } finally {
      await env.dispose();
    }
  });

  it('a process killed right after a breached batch finished: the resumed run keeps the breach — no next batch, the same outcome', async () => {
    for (const onBreach of ['rollback', 'pause'] as const) {
      const env = await withSimulator(fleet(4));
      try {
        const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' }, policy: { healthPoll: 'PT30S', maxBatchInstancePercent: 50 }, gates: { bake: bake({ onBreach }) } }, env.az.clock, testRetry);
        assert.ok(planned.ok);
        // The process dies at the first record after the breached batch's batchFinished.
        const store = Object.create(env.store) as typeof env.store;
        store.open = (runId: string) => {
          const inner = env.store.open(runId);
          let breached = false;
          let finished = false;
          return {
            file: inner.file,
            append: (entry: JournalEntry) => {
              if (finished) throw new Error('process killed');
              inner.append(entry);
              if (entry.type === 'bake' && entry.phase === 'verdict' && !entry.ok) breached = true;
              if (entry.type === 'batchFinished' && breached) finished = true;
            },
            close: () => inner.close(),
          };
        };
        const first = startRun({ gateway: env.az.gateway, clock: env.az.clock, store, retry: testRetry }, ref, planned.plan);
        first.subscribe((e) => {
          if (e.type === 'bake' && e.state === 'started' && e.batch === 0) env.az.sim.fireAlert({ name: 'oom-kills', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name });
          if (e.type === 'gate' && e.state === 'open') setImmediate(() => first.send({ type: 'reject' }));
        });
        assert.equal((await first.run()).outcome, 'failed', 'killed before runFinished');
        const resumed = resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry }, first.runId);
        const summary = await resumed.executor.run();
        assert.equal(summary.outcome, onBreach === 'rollback' ? 'aborted' : 'rejected', summary.reason);
        assert.match(summary.reason ?? '', /'oom-kills'.*The batch was rolled back \(\d+ instance\(s\)\)/);
        const started = env.store.read(first.runId).entries.filter((e) => e.type === 'batchStarted').map((e) => (e as { batch: number }).batch);
        assert.deepEqual(started, [0], 'the next batch never started');
      } finally {
        await env.dispose();
      }
    }
  });
});
