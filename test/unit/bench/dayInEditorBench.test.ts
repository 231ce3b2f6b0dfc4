// Smoke run of bench/dayInEditor.bench.ts (issue 18): a small estate for 20 simulated minutes, so that the
// benchmark keeps working as the code changes. No assertions on the figures — they depend on the
// machine and on whether node runs with --expose-gc; the benchmark prints them.
import * as assert from 'node:assert/strict';
import { runDayInEditorBench } from '../../../bench/dayInEditor.bench';

describe('"a day in the editor" benchmark (smoke run, issue 18)', function () {
  this.timeout(120_000);

  it('samples heap, timers and listeners every simulated 10 minutes while runs go on and says whether the second half grows', async () => {
    const lines: string[] = [];
    const result = await runDayInEditorBench({ subscriptions: 2, setsPerSubscription: 2, simulatedMinutes: 20, sampleEveryMinutes: 10, refreshEveryMinutes: 10 }, (line) => lines.push(line));
    assert.deepEqual(result.samples.map((s) => s.minute), [10, 20]);
    for (const s of result.samples) assert.ok(s.heapMb > 0 && s.requests > 0 && Number.isInteger(s.timers) && Number.isInteger(s.listeners), JSON.stringify(s));
    assert.ok(result.samples.at(-1)!.runs >= 1, 'at least one run finished');
    assert.ok(lines.some((l) => l.includes('second half')), lines.join('\n'));
  });
});
