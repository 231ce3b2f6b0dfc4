// Reads the set's instances through the gateway with the run's retries, as a map by instance id; or
// only some of them, whichever costs fewer requests: the list is paged, so a read of the whole set costs
// one request per page, a read of k instances costs k single GETs.
import type { InstanceSnapshot } from '../../azure/gateway';
import { describeAzureError } from '../../azure/azureError';
import type { RunContext } from './runContext';
import { withRetries } from './transient';

/** Requests the last full list of each run cost (its page count), measured on the gateway's counter. */
const listCost = new WeakMap<RunContext, number>();

export async function readFleet(ctx: RunContext): Promise<Map<string, InstanceSnapshot>> {
  // Always a fresh read: other maintenance can change the set between two reads however close (O2, O6).
  // (A reuse "at the same instant" only ever fired on the simulated clock: it flattered the benchmark.)
  const before = ctx.gateway.stats.calls;
  const list = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.listInstances(ctx.ref, ctx.signal), ctx.retry);
  listCost.set(ctx, Math.max(1, ctx.gateway.stats.calls - before));
  return new Map(list.map((s) => [s.instanceId, s]));
}

/** Snapshots of `ids` (absent: gone), by single GETs when that costs fewer requests than the list. */
export async function readInstances(ctx: RunContext, ids: readonly string[]): Promise<Map<string, InstanceSnapshot>> {
  const cost = listCost.get(ctx);
  if (cost === undefined || ids.length >= cost) return readFleet(ctx);
  const read = async (id: string): Promise<InstanceSnapshot | undefined> => {
    try {
      return await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getInstance(ctx.ref, id, ctx.signal), ctx.retry);
    } catch (err) {
      if (describeAzureError(err).kind === 'notFound') return undefined;
      throw err;
    }
  };
  const snapshots = await Promise.all(ids.map(read));
  return new Map(snapshots.filter((s): s is InstanceSnapshot => s !== undefined).map((s) => [s.instanceId, s]));
}
