// Batch-start state: O6 re-check of the whole set, the batchStarted record, the O2 split when health
// changed since planning, then the move intent (what moves, from which image) — each journaled before
// anything moves.
import type { InstanceSnapshot } from '../../../azure/gateway';
import { withRetries } from '../transient';
import type { BatchProgress } from '../../journal/replay';
import { isOnTarget } from '../../target';
import { isSettled } from '../health';
import { readFleet } from '../readFleet';
import type { RunContext } from '../runContext';
import type { RunHost, Stop } from './host';
import { healthCheck } from './precheck';

/** O6 (or the precheck's reading for the first batch), batchStarted, O2 split. Returns the fleet read. */
export async function startBatch(host: RunHost, batch: BatchProgress): Promise<{ stop?: Stop; fleet?: Map<string, InstanceSnapshot> }> {
  const { ctx } = host;
  ctx.emit({ type: 'batch', index: batch.index, state: 'rechecking', instanceIds: batch.instanceIds });
  let fleet: Map<string, InstanceSnapshot>;
  if (batch.index === 0 && host.prechecked) {
    fleet = await readFleet(ctx);
  } else {
    // O6: other maintenance may have taken instances down since the last batch.
    const check = await healthCheck(ctx, 'O6', batch.index);
    if (!check.ok) return { stop: { outcome: 'aborted', reason: check.reason } };
    fleet = check.fleet;
  }
  ctx.record({ type: 'batchStarted', batch: batch.index });
  splitIfUnhealthy(ctx, batch, fleet);
  return { fleet };
}

/** O2: unhealthy instances outside the batch are out of service already; the batch shrinks by them. */
function splitIfUnhealthy(ctx: RunContext, batch: BatchProgress, fleet: Map<string, InstanceSnapshot>): void {
  const inBatch = new Set(batch.instanceIds);
  const unhealthyOutside = [...fleet.values()].filter((s) => !inBatch.has(s.instanceId) && s.health !== 'healthy').length;
  const allowed = Math.max(1, ctx.progress.plan.batchLimit - unhealthyOutside);
  if (batch.instanceIds.length <= allowed) return;
  const deferred = batch.instanceIds.slice(allowed);
  ctx.record({ type: 'batchSplit', batch: batch.index, deferred });
  ctx.emit({ type: 'warning', message: `${unhealthyOutside} instance(s) outside batch ${batch.index + 1} are unhealthy: it moves ${allowed} now and ${deferred.length} in the next batch (O2).` });
}

/** Records what moves (in place or by surge) and skips what is gone or already on the target. */
export async function recordIntents(ctx: RunContext, batch: BatchProgress, pending: readonly string[], fleet: Map<string, InstanceSnapshot>): Promise<void> {
  const toMove: string[] = [];
  for (const id of pending) {
    const s = fleet.get(id);
    if (!s) skip(ctx, batch.index, id, 'gone');
    else if (isSettled(s) && isOnTarget(s, ctx.target)) skip(ctx, batch.index, id, 'onTarget');
    else toMove.push(id);
  }
  if (toMove.length > 0 && surges(ctx, batch)) {
    const set = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
    const capacity = set.sku?.capacity ?? fleet.size;
    ctx.record({ type: 'surgeIntent', batch: batch.index, instances: toMove.map((id) => ({ id, from: fleet.get(id)!.image })), capacity, known: [...fleet.keys()] });
  } else if (toMove.length > 0) ctx.record({ type: 'moveIntent', batch: batch.index, instances: toMove.map((id) => ({ id, from: fleet.get(id)!.image })) });
}

/** O8 maxSurge applies to this batch unless its scale-out was refused for quota. */
function surges(ctx: RunContext, batch: BatchProgress): boolean {
  return ctx.policy.maxSurge && !batch.surge?.refused;
}

function skip(ctx: RunContext, batch: number, id: string, reason: 'onTarget' | 'gone'): void {
  ctx.record({ type: 'instanceSkipped', batch, instanceId: id, reason });
  ctx.emit({ type: 'instance', instanceId: id, state: 'skipped', batch, detail: reason === 'gone' ? 'no longer in the set' : 'already on the target' });
}
