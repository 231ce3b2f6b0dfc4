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
  // The split is journaled before batchStarted: a run killed in between decides it again on resume,
  // from a fresh reading, instead of starting the whole batch (O2).
  splitIfUnhealthy(ctx, batch, fleet);
  ctx.record({ type: 'batchStarted', batch: batch.index });
  return { fleet };
}

/**
 * O2: instances already out of service (unhealthy anywhere in the set) count against the batch limit, so
 * the batch takes at most `batchLimit − unhealthy` healthy instances out of service, and at least one
 * instance when nothing else can move. Instances that cost nothing stay in the batch: unhealthy ones (out
 * of service already), ones no longer in the set, and settled ones already on the target (skipped).
 * The healthy tail beyond that moves in a new batch right after this one.
 */
export function deferredByHealth(ids: readonly string[], fleet: ReadonlyMap<string, InstanceSnapshot>, batchLimit: number, target: RunContext['target']): string[] {
  const unhealthy = [...fleet.values()].filter((s) => s.health !== 'healthy').length;
  const moves = (id: string) => {
    const s = fleet.get(id);
    return s !== undefined && !(isSettled(s) && isOnTarget(s, target));
  };
  const costs = (id: string) => moves(id) && fleet.get(id)!.health === 'healthy';
  let room = batchLimit - unhealthy;
  const kept = new Set<string>();
  for (const id of ids) {
    if (!costs(id)) kept.add(id);
    else if (room > 0) {
      kept.add(id);
      room--;
    }
  }
  // The minimum batch is one instance (O2): a set with many unhealthy instances still moves (O6 guards it).
  const first = ids.find((id) => !kept.has(id));
  if (first !== undefined && ![...kept].some(moves)) kept.add(first);
  return ids.filter((id) => !kept.has(id));
}

function splitIfUnhealthy(ctx: RunContext, batch: BatchProgress, fleet: Map<string, InstanceSnapshot>): void {
  const deferred = deferredByHealth(batch.instanceIds, fleet, ctx.progress.plan.batchLimit, ctx.target);
  if (deferred.length === 0) return;
  const unhealthy = [...fleet.values()].filter((s) => s.health !== 'healthy').length;
  ctx.record({ type: 'batchSplit', batch: batch.index, deferred });
  ctx.emit({ type: 'warning', message: `${unhealthy} instance(s) in the set are unhealthy: batch ${batch.index + 1} moves ${batch.instanceIds.length - deferred.length} now and ${deferred.length} in the next batch (O2).` });
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
