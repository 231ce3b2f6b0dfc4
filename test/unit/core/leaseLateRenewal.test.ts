// Issue 17, the lease keeper when the clock jumps (a machine suspended during a long maintenance-window
// wait, or any pause longer than the lease): a renewal that lands after the expiry it wrote renews
// nothing, and a driver never acts on an expired lease — it renews first (the renewal's read shows
// whether another driver took the set meanwhile) or stops. A stub gateway and a hand-moved clock make
// the jump land exactly inside a renewal's write.
import * as assert from 'node:assert/strict';
import type { AzureGateway, VirtualMachineScaleSet } from '../../../src/azure/gateway';
import { LeaseKeeper } from '../../../src/core/lease/leaseKeeper';
import { formatLease, leaseTagName, parseLease } from '../../../src/core/lease/leaseTag';
import type { Clock } from '../../../src/shared/clock';
import { ref } from './support/fleetScenario';

/** Time moves only when the test says: `advance` fires due sleepers, `jump` does not (a suspended process). */
class HandClock implements Clock {
  readonly timeScale = 1;
  private timers: { at: number; resolve: () => void }[] = [];
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = { at: this.current + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(new Error('aborted'));
      });
    });
  }
  jump(ms: number): void {
    this.current += ms;
  }
  async advance(ms: number): Promise<void> {
    this.current += ms;
    const due = this.timers.filter((t) => t.at <= this.current);
    this.timers = this.timers.filter((t) => t.at > this.current);
    for (const t of due) t.resolve();
    await settle();
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

/** A scale set's tags behind GET and a PATCH with If-Match; `duringWrite` runs as a write lands. */
function tagStore() {
  const state = { tags: {} as Record<string, string>, etag: 1, writes: 0, duringWrite: undefined as (() => void) | undefined };
  const gateway = {
    getScaleSet: () => Promise.resolve({ tags: { ...state.tags }, etag: `"${state.etag}"` } as VirtualMachineScaleSet),
    writeScaleSetTags: (_ref: unknown, tags: Record<string, string>, ifMatch: string) => {
      if (ifMatch !== `"${state.etag}"`) return Promise.reject(Object.assign(new Error('precondition'), { statusCode: 412 }));
      state.tags = { ...tags };
      state.etag++;
      state.writes++;
      const hook = state.duringWrite;
      state.duringWrite = undefined;
      hook?.();
      return Promise.resolve();
    },
  } as unknown as AzureGateway;
  return { state, gateway };
}

const minute = 60_000;
const start = Date.parse('2026-11-01T03:00:00Z');

/** A driver (alice, run-1: 15-min lease renewed every 5 min) over the stub tag store, on a hand-moved clock. */
function aliceOverStub(hooks?: ConstructorParameters<typeof LeaseKeeper>[4]) {
  const clock = new HandClock(start);
  const { state, gateway } = tagStore();
  const keeper = new LeaseKeeper(gateway, ref, clock, { holder: 'alice@one', runId: 'run-1', durationMs: 15 * minute, renewEveryMs: 5 * minute }, hooks);
  return { clock, state, keeper };
}

describe('lease keeper when the clock jumps (issue 17)', () => {
  it('a renewal that lands after the expiry it wrote is not reported as a renewal: it is written again at once, from the time of the write', async () => {
    const reported: { expiresAt: number; at: number }[] = [];
    const { clock, state, keeper } = aliceOverStub({ onRenewed: (l) => reported.push({ expiresAt: l.expiresAt, at: clock.now() }) });
    assert.equal((await keeper.take()).ok, true);
    // The first renewal's write lands 7 h 45 min after it was sent (the window property's counterexample: 03:12:41 → 10:45:00).
    state.duringWrite = () => clock.jump(7 * 60 * minute + 45 * minute);
    await clock.advance(5 * minute);
    assert.equal(keeper.lost, undefined, 'the tag still names this run: nothing was lost');
    assert.ok(reported.length >= 1, 'renewed');
    for (const r of reported) assert.ok(r.expiresAt > r.at, `reported a renewal expiring at ${new Date(r.expiresAt).toISOString()}, at ${new Date(r.at).toISOString()}`);
    assert.ok(keeper.lease!.expiresAt > clock.now(), 'the lease held is live');
    assert.equal(parseLease(state.tags[leaseTagName]!).expiresAt, keeper.lease!.expiresAt, 'the tag carries that expiry');
    keeper.stop();
  });

  it('before acting on an expired lease the driver renews it when the tag still names it, and loses it when another driver took the set meanwhile', async () => {
    const { clock, state, keeper } = aliceOverStub();
    await keeper.take();
    // Suspended for 8 h: no renewal ran, the lease expired.
    clock.jump(8 * 60 * minute);
    assert.equal(await keeper.ensureLive(), undefined);
    assert.ok(keeper.lease!.expiresAt > clock.now(), 'renewed before the driver goes on');

    clock.jump(8 * 60 * minute);
    // Meanwhile another machine broke the stale lease on purpose (--break-lease) and drives the set.
    state.tags[leaseTagName] = formatLease({ holder: 'bob@two', runId: 'run-2', expiresAt: clock.now() + 15 * minute });
    state.etag++;
    assert.equal(await keeper.ensureLive(), 'the lease is now held by bob@two (run run-2)');
    assert.equal(keeper.lease, undefined);
    keeper.stop();
  });

  it('a live lease is not renewed again before the driver acts (no extra calls)', async () => {
    const { clock, state, keeper } = aliceOverStub();
    await keeper.take();
    clock.jump(14 * minute);
    assert.equal(await keeper.ensureLive(), undefined);
    assert.equal(state.writes, 1, 'only the take wrote');
    keeper.stop();
  });
});
