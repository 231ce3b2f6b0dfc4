// Properties of bake time and gates (issue 16) over the random fleets, upgrade and orchestration modes,
// strategies, fault schedules and crash points the orchestrator properties use, through the real SDK
// against the simulator. VMSS_PROPERTY_RUNS scales the case counts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BakeGates, MetricGate } from '../../../src/core/contract';
import { parseMetricGate } from '../../../src/core/metricGateText';
import type { Simulator } from '../../../src/simulator/simulator';
import type { JournalEntry } from '../../../src/core/journal/records';
import { caseFrom, fleetShape, rolloutChoice, transientFaults } from './support/fleetArbitraries';
import { ref } from './support/fleetScenario';
import { type CaseConfig, type CaseResult, runCase } from './support/runCase';

const scale = Number(process.env.VMSS_PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * scale));
const bakeMs = 5 * 60_000;
const sizes = fc.integer({ min: 1, max: 12 });

type BakeEntry = Extract<JournalEntry, { type: 'bake' }> & { seq: number; at: number };
const bakes = (entries: readonly JournalEntry[]) => entries.filter((e): e is BakeEntry => e.type === 'bake');
const startedBatches = (entries: readonly JournalEntry[]) => entries.filter((e) => e.type === 'batchStarted').map((e) => (e as { batch: number }).batch);

/**
 * A metric gate and the reading that breaches it: a threshold, > or < (CPU rising, memory falling), max or avg
 * (avg per PT1M: the minute after the change already averages past the threshold), and a baseline on the safe side.
 */
// The aggregation that shows the worst reading of an interval: max for a metric breaching upwards, min for
// one breaching downwards. (A falling metric gated on max — "memory < 10, max" — only breaches once a whole
// interval is below, which a 5-minute bake cannot hold after a mid-bake drop: not a miss, so not generated.)
const metricCase = fc.record({
  threshold: fc.integer({ min: 10, max: 90 }),
  rising: fc.boolean(),
  worst: fc.boolean(),
  interval: fc.constantFrom('PT1M', 'PT5M'),
}).map(({ threshold, rising, worst, interval }) => {
  const aggregation = worst ? (rising ? 'max' : 'min') : 'avg';
  const text = `${rising ? 'Percentage CPU' : 'Available Memory Percentage'}${rising ? '>' : '<'}${threshold} ${aggregation} ${aggregation === 'avg' ? 'PT1M' : interval}`;
  const parsed = parseMetricGate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const gate: MetricGate = parsed.gate;
  return { gate, baseline: rising ? threshold - 5 : threshold + 5, breach: rising ? threshold + 10 : threshold - 10 };
});

type Verdict = Extract<BakeEntry, { phase: 'verdict' }>;
type RunHandle = Parameters<NonNullable<CaseConfig['onEvent']>>[1];

/** Pause-then-reject: a gate opened by a breach is rejected, so both onBreach modes end the run. */
function rejectBreachGate(e: Parameters<NonNullable<CaseConfig['onEvent']>>[0], run: RunHandle): void {
  if (e.type === 'gate' && e.state === 'open' && e.reason === 'breach') setImmediate(() => run.send({ type: 'reject' }));
}

/**
 * The breach check both gate kinds share: every breached bake lets no later batch start and ends the run
 * aborted, rejected or cancelled; and the batch whose bake saw the breach (if the plan reached it) has a failing
 * verdict (then `checkVerdict` runs) with nothing started after it — or no verdict only because the run failed.
 */
function assertBreachStopsRollout(
  result: CaseResult,
  breachBatch: number | undefined,
  messages: { readonly missed: string; readonly after: string },
  checkVerdict: (verdict: Verdict) => void = () => {},
): void {
  const entries = result.entries;
  const started = startedBatches(entries);
  for (const v of bakes(entries)) {
    if (v.phase !== 'verdict' || v.ok) continue;
    assert.ok(!started.some((b) => b > v.batch), `batch after ${v.batch} started after a breach: ${started.join(',')}`);
    assert.ok(['aborted', 'rejected', 'cancelled'].includes(result.summary.outcome), `outcome ${result.summary.outcome}: ${result.summary.reason}`);
  }
  if (breachBatch === undefined) return;
  const verdict = bakes(entries).find((e) => e.phase === 'verdict' && e.batch === breachBatch);
  if (verdict && verdict.phase === 'verdict') {
    assert.equal(verdict.ok, false, messages.missed);
    checkVerdict(verdict);
    assert.ok(!started.some((b) => b > breachBatch), messages.after);
  } else {
    assert.equal(result.summary.outcome, 'failed', 'no verdict only when the run could not go on');
  }
}

/** A crash at a random journal append, or none. */
const crash = fc.option(fc.record({ at: fc.integer({ min: 2, max: 60 }), torn: fc.boolean() }), { nil: undefined });

describe('bake and gate properties (issue 16, real SDK → simulator)', function () {
  this.timeout(30 * 60_000);

  it('a fired alert never lets the next batch start (rollback or pause-then-reject; with crashes and resumes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fleetShape(sizes, { flaky: false }),
        transientFaults,
        rolloutChoice,
        fc.nat(),
        fc.integer({ min: 0, max: bakeMs - 1 }),
        fc.constantFrom<BakeGates['onBreach']>('rollback', 'pause'),
        crash,
        async (shape, faults, choice, which, delayMs, onBreach, kill) => {
          const base = caseFrom(shape, faults, choice);
          let alertBatch: number | undefined;
          const config: CaseConfig = {
            ...base,
            ...(kill ? { kill } : {}),
            gates: { bake: { bake: 'PT5M', bakeMs, alerts: { scope: 'scaleSet' }, onBreach } },
            onEvent: (e, run) => {
              // The alert fires `delayMs` into the bake of batch which % 4 (none when the plan has fewer batches).
              if (e.type === 'bake' && e.state === 'started' && alertBatch === undefined && e.batch === which % 4) {
                alertBatch = e.batch;
                run.sim.fireAlert({ name: 'probe-failures', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, at: e.at + delayMs });
              }
              rejectBreachGate(e, run);
            },
          };
          const result = await runCase(config);
          // Every breached bake stops the rollout; the batch whose bake saw the alert has a breach verdict.
          assertBreachStopsRollout(result, alertBatch, {
            missed: `the alert during batch ${alertBatch}'s bake was missed`,
            after: 'no batch after the alert',
          });
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('a breached metric never lets the next batch start (rollback or pause-then-reject; with crashes and resumes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fleetShape(sizes, { flaky: false }),
        transientFaults,
        rolloutChoice,
        fc.nat(),
        // At least two minutes before the bake ends: a one-minute sample past the threshold exists by the last reading.
        fc.integer({ min: 0, max: bakeMs - 2 * 60_000 }),
        fc.constantFrom<BakeGates['onBreach']>('rollback', 'pause'),
        metricCase,
        crash,
        async (shape, faults, choice, which, delayMs, onBreach, metric, kill) => {
          const base = caseFrom(shape, faults, choice);
          let breachBatch: number | undefined;
          let seeded = false;
          const set = (run: { readonly sim: Simulator }, at: number, value: number) =>
            run.sim.setMetric({ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, name: metric.gate.metric, steps: [{ at, value }] });
          const config: CaseConfig = {
            ...base,
            ...(kill ? { kill } : {}),
            gates: { bake: { bake: 'PT5M', bakeMs, metrics: [metric.gate], onBreach } },
            onEvent: (e, run) => {
              // A safe baseline from a day before the run; the breaching value from `delayMs` into the bake of batch which % 4.
              if (!seeded) {
                seeded = true;
                set(run, e.at - 86_400_000, metric.baseline);
              }
              if (e.type === 'bake' && e.state === 'started' && breachBatch === undefined && e.batch === which % 4) {
                breachBatch = e.batch;
                set(run, e.at + delayMs, metric.breach);
              }
              rejectBreachGate(e, run);
            },
          };
          const result = await runCase(config);
          assertBreachStopsRollout(
            result,
            breachBatch,
            { missed: `${metric.gate.text}: the breach during batch ${breachBatch}'s bake was missed`, after: 'no batch after the breach' },
            (verdict) => assert.ok(verdict.verdicts.some((g) => g.gate === 'metric' && !g.ok), 'the metric gate is the one that failed'),
          );
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('a bake is never shortened nor restarted by a reload (crash at any journal append, then resume)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(sizes, { flaky: false }), transientFaults, rolloutChoice, fc.record({ at: fc.integer({ min: 2, max: 60 }), torn: fc.boolean() }), async (shape, faults, choice, kill) => {
        const config: CaseConfig = { ...caseFrom(shape, faults, choice), kill, gates: { bake: { bake: 'PT5M', bakeMs, onBreach: 'rollback' } } };
        const result = await runCase(config);
        const all = bakes(result.entries);
        for (const batch of new Set(all.map((e) => e.batch))) {
          const starts = all.filter((e) => e.batch === batch && e.phase === 'started');
          assert.equal(starts.length, 1, `batch ${batch}: one bake start, got ${starts.length}`);
          const start = starts[0] as BakeEntry & { endsAt: number };
          assert.equal(start.endsAt, start.at + bakeMs, 'the bake ends its full time after it started');
          const verdict = all.find((e) => e.batch === batch && e.phase === 'verdict');
          // A passed bake ended no earlier than its journaled end (a breach may end it early: that is the gate working).
          if (verdict && verdict.phase === 'verdict' && verdict.ok) assert.ok(verdict.at >= start.endsAt, `batch ${batch}: verdict ${start.endsAt - verdict.at} ms early`);
        }
        // Every batch that finished after it moved something baked.
        for (const f of result.entries.filter((e) => e.type === 'batchFinished')) {
          const b = (f as { batch: number }).batch;
          assert.ok(all.some((e) => e.batch === b && e.phase === 'verdict'), `batch ${b} finished without a bake verdict`);
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
