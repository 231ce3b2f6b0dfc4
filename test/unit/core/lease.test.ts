// Issue 17, one driver per scale set: the lease tag written with If-Match on the set's ETag, through the
// real SDK against the simulator. Two "machines" are two gateways and two journal directories.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RolloutPlan } from '../../../src/core/contract';
import { JournalStore } from '../../../src/core/journal/journalStore';
import type { JournalEntry } from '../../../src/core/journal/records';
import { formatLease, leaseTagName, parseLease } from '../../../src/core/lease/leaseTag';
import { planFromAzure, resumeRun, startRun } from '../../../src/core/rollout';
import { fleetScenario, newVersion, ref, type FleetInstance } from './support/fleetScenario';
import { KillingSink } from './support/killingSink';
import { testRetry } from './support/runCase';
import { withSimulator } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const otherTags = { owner: 'team-a', 'cost center': '42 / blue', empty: '' };

function scenario(tags: Record<string, string> = otherTags, extra: Partial<Parameters<typeof fleetScenario>[0]> = {}) {
  const s = fleetScenario({ seed: 7, instances: healthy(6), zones: 0, updateDomains: 3, faultDomains: 2, faults: [], ...extra });
  (s.scaleSets[0] as { tags?: Record<string, string> }).tags = { ...tags };
  return s;
}

type Env = Awaited<ReturnType<typeof withSimulator>>;

async function plan(env: Env): Promise<RolloutPlan> {
  const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' }, policy: { healthPoll: 'PT30S', maxBatchInstancePercent: 50 } }, env.az.clock, testRetry);
  if (!planned.ok) throw new Error(planned.errors.join('; '));
  return planned.plan;
}

/** A second machine: its own journal directory and its own ARM client. */
function machine(): { store: JournalStore; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmss-lease-'));
  return { store: new JournalStore(dir), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const setTags = (env: Env) => env.az.sim.world.scaleSets[0].tags;
const types = (entries: readonly JournalEntry[]) => entries.map((e) => e.type);
const versions = (env: Env) => env.az.sim.world.scaleSets[0].instances.map((i) => i.osImage.version);

describe('lease: one driver per scale set (issue 17, real SDK → simulator)', function () {
  this.timeout(120_000);

  it('is taken before the first change (the policy hold PATCH), names the holder, and is released at the end; other tags stay exactly as they were', async () => {
    const env = await withSimulator(scenario(otherTags, { upgradeMode: 'Rolling', automaticOSUpgrade: true }));
    try {
      const p = await plan(env);
      assert.ok(p.policyHold, 'the plan holds the policy (a PATCH before any move)');
      const executor = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one' } }, ref, p);
      let seenDuringRun: string | undefined;
      executor.subscribe((e) => {
        if (e.type === 'batch' && e.state === 'moving') seenDuringRun ??= setTags(env)[leaseTagName];
      });
      const summary = await executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const kinds = types(env.store.read(executor.runId).entries);
      assert.ok(kinds.indexOf('leaseTaken') >= 0 && kinds.indexOf('leaseTaken') < kinds.indexOf('policyHold'), kinds.join(' '));
      assert.ok(kinds.indexOf('leaseReleased') > kinds.lastIndexOf('policyRestore') && kinds.indexOf('leaseReleased') < kinds.indexOf('runFinished'), kinds.join(' '));
      const held = parseLease(seenDuringRun ?? '');
      assert.equal(held.holder, 'alice@one');
      assert.equal(held.runId, executor.runId);
      assert.ok(held.expiresAt > env.az.clock.now() - summary.durationMs);
      assert.deepEqual(setTags(env), otherTags, 'the lease tag is gone and every other tag is as it was');
    } finally {
      await env.dispose();
    }
  });

  it('two concurrent runs from two machines: exactly one proceeds, the other is refused with the holder named and changes nothing', async () => {
    const env = await withSimulator(scenario());
    const second = machine();
    try {
      const p = await plan(env);
      const a = startRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one' } }, ref, p);
      const b = startRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: second.store, retry: testRetry, lease: { holder: 'bob@two' } }, ref, p);
      const [sa, sb] = await Promise.all([a.run(), b.run()]);
      const outcomes = [sa.outcome, sb.outcome].sort();
      assert.deepEqual(outcomes, ['refused', 'succeeded']);
      const [winner, loser] = sa.outcome === 'succeeded' ? [sa, sb] : [sb, sa];
      const winnerHolder = winner === sa ? 'alice@one' : 'bob@two';
      assert.match(loser.reason ?? '', new RegExp(`Another run drives this scale set: its lease is held by ${winnerHolder} \\(run ${winner.runId}\\), until `));
      assert.deepEqual(loser.leaseHeldBy && { holder: loser.leaseHeldBy.holder, runId: loser.leaseHeldBy.runId, expired: loser.leaseHeldBy.expired }, { holder: winnerHolder, runId: winner.runId, expired: false });
      const loserStore = loser === sa ? env.store : second.store;
      assert.deepEqual(types(loserStore.read(loser.runId).entries), ['runStarted', 'leaseRefused', 'armTraffic', 'runFinished'], 'the refused run changed nothing');
      assert.deepEqual(versions(env), Array(6).fill(newVersion));
      assert.deepEqual(setTags(env), otherTags);
    } finally {
      second.dispose();
      await env.dispose();
    }
  });

  it('is renewed while the run lives (well inside its expiry) and the expiry moves on', async () => {
    const env = await withSimulator(scenario());
    try {
      const executor = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one', durationMs: 60_000 } }, ref, await plan(env));
      const expiries: number[] = [];
      executor.subscribe((e) => {
        if (e.type === 'instance') {
          const value = setTags(env)[leaseTagName];
          if (value) expiries.push(parseLease(value).expiresAt);
        }
      });
      const summary = await executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const renewed = env.store.read(executor.runId).entries.filter((e) => e.type === 'leaseRenewed');
      // A run of several simulated minutes with a 60 s lease renewed every 20 s.
      assert.ok(renewed.length >= 3, `renewals: ${renewed.length} over ${summary.durationMs} ms`);
      assert.ok(new Set(expiries).size > 1, 'the tag carries a later expiry after a renewal');
      for (const [i, e] of renewed.entries()) {
        if (e.type !== 'leaseRenewed') continue;
        assert.ok(e.expiresAt - e.at <= 60_000 && e.expiresAt > e.at, `renewal ${i}`);
      }
      assert.equal(setTags(env)[leaseTagName], undefined);
    } finally {
      await env.dispose();
    }
  });

  it('a stale (expired) lease refuses a run until it is broken on purpose; a live one is never broken', async () => {
    const stale = formatLease({ holder: 'bob@two', runId: 'ghost-run', expiresAt: Date.parse('2026-10-01T00:00:00Z') });
    const env = await withSimulator(scenario({ ...otherTags, [leaseTagName]: stale }));
    try {
      const p = await plan(env);
      const refused = await startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one' } }, ref, p).run();
      assert.equal(refused.outcome, 'refused');
      assert.match(refused.reason ?? '', /held by bob@two \(run ghost-run\), expired at 2026-10-01T00:00:00\.000Z: it is stale and can be broken on purpose \(--break-lease/);
      assert.equal(refused.leaseHeldBy?.expired, true);
      assert.equal(setTags(env)[leaseTagName], stale, 'a refusal writes nothing');

      const breaking = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one', breakExpired: true } }, ref, p);
      const warnings: string[] = [];
      breaking.subscribe((e) => e.type === 'warning' && warnings.push(e.message));
      const summary = await breaking.run();
      assert.equal(summary.outcome, 'succeeded');
      const taken = env.store.read(breaking.runId).entries.find((e) => e.type === 'leaseTaken');
      assert.equal(taken?.type === 'leaseTaken' && taken.broke?.runId, 'ghost-run');
      assert.ok(warnings.some((w) => /^Broke the stale lease of bob@two \(run ghost-run\)/.test(w)), warnings.join('\n'));
      assert.deepEqual(setTags(env), otherTags);

      // A live lease of another run: --break-lease does not break it.
      const live = formatLease({ holder: 'carol@three', runId: 'live-run', expiresAt: env.az.clock.now() + 3_600_000 });
      setTags(env)[leaseTagName] = live;
      const again = await startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one', breakExpired: true } }, ref, p).run();
      assert.equal(again.outcome, 'refused');
      assert.match(again.reason ?? '', /held by carol@three \(run live-run\), until /);
      assert.equal(setTags(env)[leaseTagName], live);
    } finally {
      await env.dispose();
    }
  });

  it('a resume after a kill re-takes its own lease (same run id) and finishes; it refuses, resumable, when another run took it', async () => {
    for (const takenMeanwhile of [false, true]) {
      const env = await withSimulator(scenario());
      try {
        const p = await plan(env);
        const store = Object.create(env.store) as JournalStore;
        // Killed at the 5th append: after leaseTaken, in the first batch.
        store.open = (runId: string) => Object.assign(new KillingSink(env.store.open(runId), 5, false), { file: env.store.fileOf(runId) });
        const first = startRun({ gateway: env.az.gateway, clock: env.az.clock, store, retry: testRetry, lease: { holder: 'alice@one' } }, ref, p);
        assert.equal((await first.run()).outcome, 'failed');
        assert.equal(parseLease(setTags(env)[leaseTagName] ?? '').runId, first.runId, 'the killed run still holds its lease');
        if (takenMeanwhile) setTags(env)[leaseTagName] = formatLease({ holder: 'carol@three', runId: 'other-run', expiresAt: env.az.clock.now() + 3_600_000 });
        const resumed = resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one' } }, first.runId);
        const summary = await resumed.executor.run();
        const entries = env.store.read(first.runId).entries;
        if (!takenMeanwhile) {
          assert.equal(summary.outcome, 'succeeded');
          assert.equal(entries.filter((e) => e.type === 'leaseTaken').length, 2, 'taken, then re-taken by the resume');
          assert.deepEqual(versions(env), Array(6).fill(newVersion));
          assert.deepEqual(setTags(env), otherTags);
        } else {
          assert.equal(summary.outcome, 'refused');
          assert.match(summary.reason ?? '', /held by carol@three \(run other-run\)/);
          assert.equal(summary.leaseHeldBy?.holder, 'carol@three');
          assert.ok(!entries.some((e) => e.type === 'runFinished'), 'not finished: it can be resumed once the lease is free');
          assert.deepEqual(env.store.unfinished().map((r) => r.runId), [first.runId]);
          assert.equal(parseLease(setTags(env)[leaseTagName] ?? '').holder, 'carol@three', "the other run's lease is untouched");
        }
      } finally {
        await env.dispose();
      }
    }
  });

  it('a lost lease (taken over by another) stops the run after the current batch, resumable, without touching the set again', async () => {
    const env = await withSimulator(scenario(otherTags, { upgradeMode: 'Rolling', automaticOSUpgrade: true }));
    try {
      const p = await plan(env);
      const executor = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry, lease: { holder: 'alice@one', durationMs: 60_000 } }, ref, p);
      const thief = formatLease({ holder: 'mallory@four', runId: 'thief-run', expiresAt: Date.parse('2030-01-01T00:00:00Z') });
      executor.subscribe((e) => {
        if (e.type === 'batch' && e.index === 0 && e.state === 'moving') setTags(env)[leaseTagName] = thief;
      });
      const summary = await executor.run();
      assert.equal(summary.outcome, 'failed');
      assert.match(summary.reason ?? '', /^The lease on the scale set was lost: the lease is now held by mallory@four \(run thief-run\)\. Stopped after the current batch/);
      assert.equal(summary.batches.finished, 1, 'the current batch finished, no later one started');
      const kinds = types(env.store.read(executor.runId).entries);
      assert.ok(kinds.includes('leaseLost'));
      assert.ok(!kinds.includes('policyRestore') && !kinds.includes('leaseReleased') && !kinds.includes('runFinished'), kinds.join(' '));
      assert.equal(setTags(env)[leaseTagName], thief, "the other holder's lease stays");
    } finally {
      await env.dispose();
    }
  });
});
