// Issue 17 × issue 16: a run that waits hours for its maintenance window never starts a batch on an
// expired lease. The renewals here are set to fall behind on purpose (renewed every 10 h, a 1-minute
// lease) — what a suspended machine or a long run of refused renewals does to a real run. Real SDK →
// simulator, virtual clock.
import * as assert from 'node:assert/strict';
import type { RolloutPlan } from '../../../src/core/contract';
import type { JournalEntry } from '../../../src/core/journal/records';
import { formatLease, leaseTagName } from '../../../src/core/lease/leaseTag';
import { planFromAzure, startRun } from '../../../src/core/rollout';
import { fleetScenario, ref, type FleetInstance } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { withSimulator } from './support/scenarioRun';

type Env = Awaited<ReturnType<typeof withSimulator>>;

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
// The simulator starts at 2026-11-01T00:00Z; the window opens six hours later.
const window = { source: 'option' as const, window: { startDateTime: '2026-11-01 06:00', duration: '04:00', timeZone: 'UTC', recurEvery: 'Day' } };
const behind = { holder: 'alice@one', durationMs: 60_000, renewEveryMs: 10 * 3_600_000 };

async function plan(env: Env): Promise<RolloutPlan> {
  const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' }, policy: { healthPoll: 'PT30S', maxBatchInstancePercent: 50 }, window }, env.az.clock, testRetry);
  if (!planned.ok) throw new Error(planned.errors.join('; '));
  return planned.plan;
}

/** The expiry of the lease the run held (by its journal) when each batch started. */
function leaseAtBatchStarts(entries: readonly JournalEntry[]): { batch: number; at: number; expiresAt: number }[] {
  let expiresAt = 0;
  const out: { batch: number; at: number; expiresAt: number }[] = [];
  for (const e of entries) {
    if (e.type === 'leaseTaken' || e.type === 'leaseRenewed') expiresAt = e.expiresAt;
    if (e.type === 'batchStarted') out.push({ batch: e.batch, at: e.at, expiresAt });
  }
  return out;
}

describe('lease over a maintenance-window wait (issues 16 and 17, real SDK → simulator)', function () {
  this.timeout(120_000);

  it('a lease that expired during the wait is renewed before the first batch starts; no batch starts on an expired lease', async () => {
    const env = await withSimulator(fleetScenario({ seed: 5, instances: healthy(4), zones: 0, updateDomains: 2, faultDomains: 2, faults: [] }));
    try {
      const executor = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: behind }, ref, await plan(env));
      const summary = await executor.run();
      assert.equal(summary.outcome, 'succeeded', summary.reason);
      const starts = leaseAtBatchStarts(env.store.read(executor.runId).entries);
      assert.ok(starts.length >= 2, `batches started: ${starts.length}`);
      assert.ok(starts[0].at >= Date.parse('2026-11-01T06:00:00Z'), 'the first batch waited for the window');
      for (const s of starts) assert.ok(s.expiresAt > s.at, `batch ${s.batch + 1} started at ${new Date(s.at).toISOString()} on a lease that expired at ${new Date(s.expiresAt).toISOString()}`);
    } finally {
      await env.dispose();
    }
  });

  it('when another run broke the expired lease during the wait, the run starts no batch and stops, resumable; the other lease stays', async () => {
    const env = await withSimulator(fleetScenario({ seed: 5, instances: healthy(4), zones: 0, updateDomains: 2, faultDomains: 2, faults: [] }));
    try {
      const executor = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: behind }, ref, await plan(env));
      const thief = formatLease({ holder: 'bob@two', runId: 'run-two', expiresAt: Date.parse('2030-01-01T00:00:00Z') });
      executor.subscribe((e) => {
        // Bob's run found the lease stale and broke it on purpose (--break-lease) while this one waited.
        if (e.type === 'run' && e.state === 'waitingForWindow') env.az.sim.world.scaleSets[0].tags[leaseTagName] = thief;
      });
      const before = env.az.sim.world.scaleSets[0].instances.map((i) => i.osImage.version);
      const summary = await executor.run();
      assert.equal(summary.outcome, 'failed');
      assert.match(summary.reason ?? '', /^The lease on the scale set was lost: the lease is now held by bob@two \(run run-two\)\./);
      const kinds = env.store.read(executor.runId).entries.map((e) => e.type);
      assert.ok(!kinds.includes('batchStarted'), kinds.join(' '));
      assert.ok(kinds.includes('leaseLost') && !kinds.includes('runFinished'), 'resumable');
      assert.deepEqual(env.az.sim.world.scaleSets[0].instances.map((i) => i.osImage.version), before, 'no instance was moved');
      assert.equal(env.az.sim.world.scaleSets[0].tags[leaseTagName], thief);
    } finally {
      await env.dispose();
    }
  });
});
