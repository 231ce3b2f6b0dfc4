// Issue 16 property: a run never starts moving an instance outside its maintenance window — over
// random windows (time zones incl. a DST change on the scenario's first day, durations from 30 min to
// 8 h, daily / every other day / weekly recurrences), the fleets, strategies, upgrade and orchestration
// modes and fault schedules the orchestrator generators already cover, and a kill + resume in a new
// process on some cases (the resumed run waits for the window too). Through the real SDK → simulator.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WindowChoice } from '../../../src/core/planner/windowSchedule';
import { batchSlot, compileRunWindow, insideWindow } from '../../../src/core/window/batchSlot';
import { anyFaults, caseFrom, fleetShape, rolloutChoice } from './support/fleetArbitraries';
import { checkInvariants } from './support/invariants';
import { originImage, runCase } from './support/runCase';

const scale = Number(process.env.VMSS_PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * scale));
const two = (n: number) => String(n).padStart(2, '0');

const windowChoice: fc.Arbitrary<WindowChoice> = fc
  .record({
    timeZone: fc.constantFrom('UTC', 'Pacific Standard Time', 'W. Europe Standard Time', 'India Standard Time', 'Cen. Australia Standard Time', 'Tokyo Standard Time'),
    day: fc.integer({ min: 25, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    durationMinutes: fc.integer({ min: 30, max: 480 }),
    recurEvery: fc.constantFrom('Day', 'Day', '2Days', 'Week Sunday,Wednesday', 'Week'),
  })
  .map((w) => ({
    source: 'option' as const,
    window: { startDateTime: `2026-10-${w.day} ${two(w.hour)}:${two(w.minute)}`, duration: `${two(Math.floor(w.durationMinutes / 60))}:${two(w.durationMinutes % 60)}`, timeZone: w.timeZone, recurEvery: w.recurEvery },
  }));

const kill = fc.option(fc.record({ at: fc.integer({ min: 2, max: 60 }), torn: fc.boolean() }), { freq: 3 });

describe('orchestrator under a maintenance window (issue 16, real SDK → simulator)', function () {
  this.timeout(30 * 60_000);

  it('no batch starts, and no instance is moved to the target, outside the window; a resumed run waits for it too', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(fc.integer({ min: 1, max: 12 }), { flaky: true }), anyFaults, rolloutChoice, windowChoice, kill, async (shape, faults, choice, window, killAt) => {
        const config = { ...caseFrom(shape, faults, choice), window, ...(killAt ? { kill: killAt } : {}) };
        const result = await runCase(config);
        checkInvariants(config, result);
        const compiled = compileRunWindow(window.window);
        const predicted = new Map(result.plan.batches.map((b) => [b.index, b.predictedMs]));
        for (const e of result.entries) {
          if (e.type !== 'batchStarted') continue;
          assert.ok(insideWindow(compiled, e.at), `batch ${e.batch + 1} started at ${new Date(e.at).toISOString()}, outside ${JSON.stringify(window.window)}`);
          const slot = batchSlot(compiled, e.at, predicted.get(e.batch) ?? 0);
          assert.equal(slot?.start, e.at, `batch ${e.batch + 1} started at ${new Date(e.at).toISOString()} although its ~${predicted.get(e.batch)} ms do not fit before the window closes`);
        }
        const origin = originImage(config).version;
        for (const move of result.observations.accepted) {
          const forward = move.kind === 'manualupgrade' || move.exactVersion !== origin;
          if (!forward || move.at === undefined) continue;
          assert.ok(insideWindow(compiled, move.at), `${move.kind} of ${move.instanceIds.join(',')} accepted at ${new Date(move.at).toISOString()}, outside the window`);
        }
        assert.ok(result.plan.window, 'the plan carries the window');
        for (const b of result.plan.window!.batches) assert.ok(insideWindow(compiled, b.startsAt), 'the plan places every batch inside a window');
      }),
      { numRuns: runs(60) },
    );
  });
});
