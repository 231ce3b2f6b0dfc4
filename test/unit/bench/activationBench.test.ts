// Smoke run of bench/activation.bench.ts (issue 18): one iteration, so that the benchmark keeps working
// as the code changes. No timing assertions — the figures depend on the machine; the benchmark prints them.
import * as assert from 'node:assert/strict';
import { runActivationBench } from '../../../bench/activation.bench';

describe('activation benchmark (smoke run, issue 18)', function () {
  this.timeout(120_000);

  it('activates the built bundle next to the contributions-only and empty extensions, and loads each lazy bundle', () => {
    const lines: string[] = [];
    const figures = runActivationBench(1, (line) => lines.push(line));
    for (const [name, value] of Object.entries(figures)) assert.ok(Number.isFinite(value) && value > 0, `${name}: ${value}`);
    assert.ok(lines.some((l) => l.includes('ratio to contributions-only')), lines.join('\n'));
  });
});
