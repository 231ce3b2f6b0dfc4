// O4: after a move, wait up to the health timeout for every moved instance to be healthy on the target.
// Initializing waits; Unknown and Unhealthy keep waiting too and count as unhealthy at the deadline (H3).
import type { HealthState } from '../../azure/gateway';
import { isOnTarget } from '../target';
import { isSettled } from './health';
import { readFleet } from './readFleet';
import type { RunContext } from './runContext';

export async function waitForHealth(ctx: RunContext, batch: number, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const started = ctx.clock.now();
  const movedAt = Math.max(...ids.map((id) => ctx.progress.instances.get(id)?.movedAt ?? started));
  // After a resume the deadline may have passed while the process was down: read at least once.
  const deadline = Math.max(movedAt + ctx.policy.healthTimeoutMs, started);
  const waiting = new Set(ids);
  const last = new Map<string, HealthState>();
  for (;;) {
    const fleet = await readFleet(ctx);
    for (const id of [...waiting]) {
      const snapshot = fleet.get(id);
      const health: HealthState = snapshot?.health ?? 'unknown';
      if (last.get(id) !== health) {
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
    await ctx.clock.sleep(Math.min(ctx.policy.healthPollMs, deadline - now), ctx.signal);
  }
  for (const id of waiting) {
    const health = last.get(id) ?? 'unknown';
    ctx.record({ type: 'healthVerdict', batch, instanceId: id, healthy: false, health });
    ctx.emit({ type: 'instance', instanceId: id, state: 'failed', batch, detail: `not healthy within ${Math.round(ctx.policy.healthTimeoutMs / 1000)} s (${health})` });
  }
  ctx.record({ type: 'waited', kind: 'health', ms: ctx.clock.now() - started });
}
