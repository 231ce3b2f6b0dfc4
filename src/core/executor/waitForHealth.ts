// O4: after a move, wait up to the health timeout for every moved instance to be healthy on the target.
// Initializing waits; Unknown and Unhealthy keep waiting too and count as unhealthy at the deadline (H3).
// Health is read only when it can have changed: an Initializing instance not before its grace period
// (from the set's health extension, counted from the instance's provisioning time) has passed; otherwise
// at the health poll, backing off while nothing changes (each read of a large set costs a page per 50
// or so instances against Compute's read budgets), and once more at the deadline.
import type { HealthState, InstanceSnapshot } from '../../azure/gateway';
import { evidenceOf } from '../explain/evidence';
import { isOnTarget } from '../target';
import { isSettled } from './health';
import { readInstances } from './readFleet';
import type { RunContext } from './runContext';

/** Never read again sooner than this (a grace period that ends "now" by the instance's clock). */
const minReadGapMs = 1_000;
/** Longest gap between reads while nothing changes. */
const maxReadGapMs = 60_000;

/** How long until some waiting instance's health can next change. */
function nextChangeIn(ctx: RunContext, snapshots: readonly (InstanceSnapshot | undefined)[], quietReads: number): number {
  const estimates = ctx.progress.plan.estimates;
  const now = ctx.clock.now();
  const poll = Math.min(maxReadGapMs, Math.max(ctx.policy.healthPollMs, estimates.healthCheckIntervalMs ?? 0) * 2 ** quietReads);
  let next = Infinity;
  for (const s of snapshots) {
    // An instance in its grace period stays Initializing until the grace ends: nothing to read before.
    const inGrace = s?.health === 'initializing' && s.provisionedAt !== undefined && estimates.healthGraceMs !== undefined && isSettled(s);
    const graceEnds = inGrace ? s.provisionedAt! + estimates.healthGraceMs! - now : 0;
    next = Math.min(next, graceEnds > 0 ? graceEnds : poll);
  }
  return Math.max(minReadGapMs, Number.isFinite(next) ? next : poll);
}

export async function waitForHealth(ctx: RunContext, batch: number, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const started = ctx.clock.now();
  const movedAt = Math.max(...ids.map((id) => ctx.progress.instances.get(id)?.movedAt ?? started));
  // After a resume the deadline may have passed while the process was down: read at least once.
  const deadline = Math.max(movedAt + ctx.policy.healthTimeoutMs, started);
  const waiting = new Set(ids);
  const last = new Map<string, HealthState>();
  const lastSeen = new Map<string, InstanceSnapshot>();
  let quietReads = 0;
  for (;;) {
    const fleet = await readInstances(ctx, [...waiting]);
    let changed = false;
    for (const id of [...waiting]) {
      const snapshot = fleet.get(id);
      const health: HealthState = snapshot?.health ?? 'unknown';
      if (snapshot) lastSeen.set(id, snapshot);
      if (last.get(id) !== health) {
        changed = true;
        last.set(id, health);
        ctx.emit({ type: 'health', instanceId: id, health, batch });
      }
      if (snapshot && health === 'healthy' && isSettled(snapshot) && isOnTarget(snapshot, ctx.target)) {
        waiting.delete(id);
        ctx.record({ type: 'healthVerdict', batch, instanceId: id, healthy: true, health });
        ctx.emit({ type: 'instance', instanceId: id, state: 'succeeded', batch });
      } else if (!snapshot) {
        waiting.delete(id);
        ctx.record({ type: 'healthVerdict', batch, instanceId: id, healthy: false, health });
        ctx.emit({ type: 'instance', instanceId: id, state: 'failed', batch, detail: 'the instance no longer exists' });
      }
    }
    const now = ctx.clock.now();
    if (waiting.size === 0 || now >= deadline) break;
    quietReads = changed ? 0 : quietReads + 1;
    const gap = nextChangeIn(ctx, [...waiting].map((id) => fleet.get(id)), quietReads);
    await ctx.clock.sleep(Math.min(gap, deadline - now), ctx.signal);
  }
  for (const id of waiting) {
    const health = last.get(id) ?? 'unknown';
    const seen = lastSeen.get(id);
    ctx.record({ type: 'healthVerdict', batch, instanceId: id, healthy: false, health, ...(seen ? { evidence: evidenceOf(seen) } : {}) });
    ctx.emit({ type: 'instance', instanceId: id, state: 'failed', batch, detail: `not healthy within ${Math.round(ctx.policy.healthTimeoutMs / 1000)} s (${health})` });
  }
  ctx.record({ type: 'waited', kind: 'health', ms: ctx.clock.now() - started });
}
