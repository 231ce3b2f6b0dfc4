// Reads the set's instances through the gateway with the run's retries, as a map by instance id.
import type { InstanceSnapshot } from '../../azure/gateway';
import type { RunContext } from './runContext';
import { withRetries } from './transient';

export async function readFleet(ctx: RunContext): Promise<Map<string, InstanceSnapshot>> {
  const list = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.listInstances(ctx.ref, ctx.signal), ctx.retry);
  return new Map(list.map((s) => [s.instanceId, s]));
}
