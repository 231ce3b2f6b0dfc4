// Smoke run of bench/simulatorStart.bench.ts (issue 18): one start each way, no timing assertions.
import * as assert from 'node:assert/strict';
import { runSimulatorStartBench } from '../../../bench/simulatorStart.bench';

describe('simulator start benchmark (smoke run, issue 18)', function () {
  this.timeout(120_000);

  it('starts the built simulator process with an empty and with a cached storage folder', async () => {
    const lines: string[] = [];
    const figures = await runSimulatorStartBench(1, (line) => lines.push(line));
    assert.ok(figures.cold > 0 && figures.cached > 0, JSON.stringify(figures));
    assert.ok(lines.some((l) => l.includes('certificate cached')), lines.join('\n'));
  });
});
