// Smoke run of bench/tree.bench.ts (issue 18): a small estate, one run of each section — the simulator in
// its own process, connections opened ahead, the fresh-process first loads side by side, the slow
// subscription — so that the benchmark keeps working as the code changes. No timing assertions.
import * as assert from 'node:assert/strict';
import { runTreeBench } from '../../../bench/tree.bench';

describe('tree benchmark (smoke run, issue 18)', function () {
  this.timeout(180_000);

  it('loads a small estate every way the benchmark measures, and prints each section', async () => {
    const lines: string[] = [];
    const figures = await runTreeBench({ subscriptions: 3, setsPerSubscription: 2, latencyMs: 5, runs: 1, firstLoadRuns: 1, settleMs: 100, slowMs: 1000 }, (line) => lines.push(line));
    const times = [figures.warmRefreshMs, figures.firstLoadMs, figures.firstLevelMs, figures.slowListMs, ...Object.values(figures.firstLoadByVariant).flatMap((v) => [v.first, v.warm])];
    assert.ok(times.every((t) => Number.isFinite(t) && t > 0), JSON.stringify(figures));
    assert.deepEqual(Object.keys(figures.firstLoadByVariant).sort(), ['ahead', 'inFlight', 'none', 'signIn2', 'signIn4', 'signIn6', 'signIn8']);
    // When the connections opened ahead were open: every case opens them but the one without.
    for (const [variant, { warmUp }] of Object.entries(figures.firstLoadByVariant)) {
      if (variant === 'none') assert.equal(warmUp, 0);
      else assert.ok(warmUp > 0, `${variant}: ${warmUp}`);
    }
    for (const section of ['(a) tree load', '5 connections opened and the clients made while signing in', '(d) the first load after a reload', '(c) one of the 3 subscriptions']) {
      assert.ok(lines.some((l) => l.includes(section)), `${section}:\n${lines.join('\n')}`);
    }
  });
});
