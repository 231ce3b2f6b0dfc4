// One batch, from its start to batchFinished: batch start (batchStart.ts), then the move (moveInstances.ts
// or surge.ts), the health wait (waitForHealth.ts) and the rollback (rollback.ts). Each step picks up the
// instances in its state, so a resumed batch continues where the journal says it stopped.
import type { InstanceSnapshot } from '../../../azure/gateway';
import type { BatchProgress } from '../../journal/replay';
import { moveInstances } from '../moveInstances';
import { readFleet } from '../readFleet';
import { rollBack } from '../rollback';
import { surgeBatch } from '../surge';
import { waitForHealth } from '../waitForHealth';
import { recordIntents, startBatch } from './batchStart';
import { bakeAfterBatch } from './bake';
import type { RunHost, Stop } from './host';

export async function runBatch(host: RunHost, planned: BatchProgress): Promise<Stop | undefined> {
  const { ctx } = host;
  const p = ctx.progress;
  let batch = planned;
  let fleet: Map<string, InstanceSnapshot> | undefined;
  if (batch.state === 'pending') {
    const started = await startBatch(host, batch);
    if (started.stop) return started.stop;
    fleet = started.fleet;
    // O2: an O2 split replaced the batch in the journal's progress; move the batch as recorded.
    batch = p.batches[batch.index];
  }
  const stateOf = (id: string) => p.instances.get(id)!.state;
  const pending = batch.instanceIds.filter((id) => stateOf(id) === 'pending');
  if (pending.length > 0) {
    fleet ??= await readFleet(ctx);
    await recordIntents(ctx, batch, pending, fleet);
  }
  if (batch.surge && !batch.surge.refused) {
    const result = await surgeBatch(ctx, batch);
    // Quota: the old instances are pending again and move in place (O8 fallback).
    if (result === 'refused') return runBatch(host, batch);
    return endBatch(host, batch, await bakeAfterBatch(host, batch));
  }
  const resumedInFlight = new Set(batch.instanceIds.filter((id) => stateOf(id) === 'moving' && !pending.includes(id)));
  const moving = batch.instanceIds.filter((id) => stateOf(id) === 'moving');
  if (moving.length > 0) {
    ctx.emit({ type: 'batch', index: batch.index, state: 'moving', instanceIds: moving });
    await moveInstances(ctx, batch.index, moving, fleet, resumedInFlight);
  }
  const waiting = batch.instanceIds.filter((id) => stateOf(id) === 'waitingHealth');
  if (waiting.length > 0) {
    ctx.emit({ type: 'batch', index: batch.index, state: 'waitingHealth', instanceIds: waiting });
    await waitForHealth(ctx, batch.index, waiting);
  }
  const toRollBack = batch.instanceIds.filter((id) => stateOf(id) === 'rollingBack' || (ctx.policy.rollbackFailedInstances && stateOf(id) === 'failed'));
  if (toRollBack.length > 0) {
    ctx.emit({ type: 'batch', index: batch.index, state: 'rollingBack', instanceIds: toRollBack });
    await rollBack(ctx, batch.index, toRollBack);
  }
  return endBatch(host, batch, await bakeAfterBatch(host, batch));
}

/** Records batchFinished; `stop` (a bake gate's breach, issue 16) then ends the run. */
function endBatch(host: RunHost, batch: BatchProgress, stop?: Stop): Stop | undefined {
  const { ctx } = host;
  const stateOf = (id: string) => ctx.progress.instances.get(id)!.state;
  host.recordTraffic();
  ctx.record({ type: 'batchFinished', batch: batch.index });
  const failed = batch.instanceIds.some((id) => !['succeeded', 'skipped', 'replaced'].includes(stateOf(id)));
  ctx.emit({ type: 'batch', index: batch.index, state: failed ? 'failed' : 'succeeded', instanceIds: batch.instanceIds });
  return stop;
}
