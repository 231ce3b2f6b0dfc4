// The metric threshold gate of a bake (issue 16): its text form, and runs through the real SDK
// (arm-compute and @azure/monitor-query-metrics) against the simulator — a metric crossing its threshold
// during a bake rolls the batch back and stops the run; one within it, or crossing only before the batch,
// lets the run go on; a metric that cannot be read fails the gate.
import * as assert from 'node:assert/strict';
import type { BakeGates, MetricGate, RunEvent } from '../../../src/core/contract';
import type { RolloutExecutor } from '../../../src/core/executor/executor';
import type { JournalEntry } from '../../../src/core/journal/records';
import { crosses, parseMetricGate } from '../../../src/core/metricGateText';
import { explainRun } from '../../../src/core/explain/explainRun';
import { fleetScenario, oldVersion, ref, type FleetInstance } from './support/fleetScenario';
import { startTestRun, type TestRun } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const fleet = (n = 6) => fleetScenario({ seed: 1, instances: healthy(n), zones: 0, updateDomains: 3, faultDomains: 3, faults: [] });
const gate = (text: string): MetricGate => {
  const parsed = parseMetricGate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.gate;
};
const bake = (text = 'Percentage CPU>90 avg PT1M', extra: Partial<BakeGates> = {}): BakeGates => ({ bake: 'PT10M', bakeMs: 600_000, metrics: [gate(text)], onBreach: 'rollback', ...extra });
const versions = (run: TestRun) => run.az.sim.world.scaleSets[0].instances.map((i) => i.osImage.version);
const journal = (run: TestRun): JournalEntry[] => run.store.read(run.executor.runId).entries;
const verdicts = (run: TestRun) => journal(run).filter((e): e is Extract<JournalEntry, { type: 'bake'; phase: 'verdict' }> => e.type === 'bake' && e.phase === 'verdict');
const cpu = (run: TestRun, steps: { at: number; value: number }[]) => run.az.sim.setMetric({ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, name: 'Percentage CPU', steps });

function onBakeStart(executor: RolloutExecutor, batch: number, act: () => void): void {
  let done = false;
  executor.subscribe((e: RunEvent) => {
    if (!done && e.type === 'bake' && e.state === 'started' && e.batch === batch) {
      done = true;
      act();
    }
  });
}

describe('metric gate: text form (issue 16)', () => {
  it('reads metric, comparison, threshold, aggregation and interval, with defaults avg and PT5M', () => {
    assert.deepEqual(gate('Percentage CPU>90 avg PT5M'), { text: 'Percentage CPU>90 avg PT5M', metric: 'Percentage CPU', namespace: 'Microsoft.Compute/virtualMachineScaleSets', operator: '>', threshold: 90, aggregation: 'Average', interval: 'PT5M', intervalMs: 300_000 });
    const g = gate('  Available Memory Bytes   <=  2.5   MIN  pt15m ');
    assert.equal(g.metric, 'Available Memory Bytes');
    assert.equal(g.operator, '<=');
    assert.equal(g.threshold, 2.5);
    assert.equal(g.aggregation, 'Minimum');
    assert.equal(g.interval, 'PT15M');
    assert.equal(g.text, 'Available Memory Bytes<=2.5 min PT15M');
    assert.equal(gate('Disk Read Operations/Sec>=500').aggregation, 'Average');
    assert.equal(gate('Network In Total>1000 total P1D').intervalMs, 86_400_000);
  });

  it('refuses what is not a gate, naming the wrong part', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['Percentage CPU 90', /has no comparison/],
      ['>90', /names no metric/],
      ['Percentage CPU>', /has no threshold/],
      ['Percentage CPU>9O', /"9O" is not a number/],
      ['Percentage CPU>90 median', /"median" is not an aggregation/],
      ['Percentage CPU>90 avg max', /"max" is not an aggregation .* or it is given twice/],
      ['Percentage CPU>90 PT7M', /The interval "PT7M" is not one of PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D/],
      ['CPU,Memory>90', /may not contain a comma/],
    ];
    for (const [text, message] of cases) {
      const parsed = parseMetricGate(text);
      assert.equal(parsed.ok, false, text);
      if (!parsed.ok) assert.match(parsed.error, message, text);
    }
  });

  it('crosses: the breaching side of each comparison', () => {
    assert.deepEqual([89, 90, 91].map((v) => crosses(gate('x>90'), v)), [false, false, true]);
    assert.deepEqual([89, 90, 91].map((v) => crosses(gate('x>=90'), v)), [false, true, true]);
    assert.deepEqual([89, 90, 91].map((v) => crosses(gate('x<90'), v)), [true, false, false]);
    assert.deepEqual([89, 90, 91].map((v) => crosses(gate('x<=90'), v)), [true, true, false]);
  });
});

describe('metric gate during the bake (issue 16, real SDK → simulator)', function () {
  this.timeout(120_000);

  it('CPU above the threshold during the first bake: the batch is rolled back, the next never starts, the reason and the journal carry the evidence', async () => {
    const run = await startTestRun(fleet(), { strategy: { kind: 'percentage', canary: 1 }, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake() } });
    try {
      cpu(run, [{ at: run.az.sim.world.now - 3_600_000, value: 35 }]);
      onBakeStart(run.executor, 0, () => {
        run.az.sim.advance();
        cpu(run, [{ at: run.az.sim.world.now + 180_000, value: 96 }]);
      });
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'aborted', summary.reason);
      assert.match(summary.reason ?? '', /A gate failed during the bake after batch 1 — metric: Percentage CPU>90 avg PT1M: \d+ interval\(s\) crossed the threshold, first 96 at .*The batch was rolled back \(1 instance\(s\)\)\./);
      assert.equal(run.events.filter((e) => e.type === 'batch' && e.index === 1).length, 0, 'batch 2 never started');
      assert.deepEqual(versions(run), Array(6).fill(oldVersion));
      const metric = verdicts(run)[0].verdicts.find((v) => v.gate === 'metric')!;
      assert.equal(metric.ok, false);
      assert.equal(metric.metric?.worst?.value, 96);
      assert.ok((metric.metric?.breaches.length ?? 0) >= 1);
      assert.ok((metric.metric?.points ?? 0) > (metric.metric?.breaches.length ?? 0), 'the intervals before the spike were read too');
      // "Why did this fail?" names the gate's breach, not an O5 unhealthy-upgraded stop (issue 15 × 16).
      const why = explainRun(journal(run))!;
      assert.equal(why.failures[0].id, 'bakeGateBreached');
      assert.match(why.failures[0].detail ?? '', /After batch 1: metric gate — Percentage CPU>90 avg PT1M/);
      assert.ok(!why.failures.some((f) => f.id === 'upgradedInstancesUnhealthy'), 'no O5 cause invented');
    } finally {
      await run.dispose();
    }
  });

  it('CPU within the threshold, or high only well before the batch began: every bake passes and the run succeeds', async () => {
    for (const before of [false, true]) {
      const run = await startTestRun(fleet(4), { strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake() } });
      try {
        const now = run.az.sim.world.now;
        cpu(run, before ? [{ at: now - 3_600_000, value: 99 }, { at: now - 600_000, value: 40 }] : [{ at: now - 3_600_000, value: 89.9 }]);
        const summary = await run.executor.run();
        assert.equal(summary.outcome, 'succeeded', `${before}: ${summary.reason}`);
        for (const v of verdicts(run)) {
          const metric = v.verdicts.find((x) => x.gate === 'metric')!;
          assert.equal(metric.ok, true, metric.detail);
          assert.ok((metric.metric?.points ?? 0) > 0, 'the gate read values');
          assert.equal(metric.metric?.worst?.value, before ? 40 : 89.9);
        }
      } finally {
        await run.dispose();
      }
    }
  });

  it('a metric Azure refuses (unknown name) fails the gate: fail closed, saying why', async () => {
    const run = await startTestRun(fleet(4), { strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50 }, gates: { bake: bake('Bogus Metric>1') } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'aborted');
      assert.match(summary.reason ?? '', /metric: Bogus Metric>1 avg PT5M: the metric could not be read \(.*Bogus Metric.*\), so the gate cannot pass/);
    } finally {
      await run.dispose();
    }
  });
});
