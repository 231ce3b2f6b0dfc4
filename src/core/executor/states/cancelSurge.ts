// Cancel-now in the middle of a surge batch (O8 maxSurge): the batch had scaled the set out beyond its
// capacity. Stopping there would leave it above the original, so the batch is undone: once the
// scale-out has settled, the new instances are deleted (their old instances never left service), except
// where an old instance's retirement had already begun — that swap is finished instead (its replacement
// was healthy). The work reads Azure first, so a resume after a crash here does the same, never twice.
import { readFleet } from '../readFleet';
import type { RunContext } from '../runContext';
import { deleteUntilGone } from '../surge';
import { withRetries } from '../transient';

const settlePollMs = 15_000;

/** The set's instance count once a scale-out in flight has created what it will create. */
async function settledFleet(ctx: RunContext) {
  const started = ctx.clock.now();
  for (;;) {
    const set = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
    const fleet = await readFleet(ctx);
    const live = [...fleet.values()].filter((s) => s.provisioningState.toLowerCase() !== 'deleting');
    const creating = live.some((s) => s.provisioningState.toLowerCase() === 'creating');
    if (((set.sku?.capacity ?? live.length) <= live.length && !creating) || ctx.clock.now() - started > ctx.moveTimeoutMs) return fleet;
    await ctx.clock.sleep(settlePollMs, ctx.signal);
  }
}

/** Undoes every started, unfinished surge batch; returns a sentence for the run's reason, or undefined. */
export async function undoSurges(ctx: RunContext): Promise<string | undefined> {
  const p = ctx.progress;
  const open = p.batches.filter((b) => b.state === 'started' && b.surge && !b.surge.refused);
  if (open.length === 0) return undefined;
  const notes: string[] = [];
  for (const batch of open) {
    const known = new Set(batch.surge!.known);
    const fleet = await settledFleet(ctx);
    const olds = batch.instanceIds.map((id) => p.instances.get(id)!).filter((i) => !i.replaces);
    // A retirement that had begun is finished: its replacement was judged healthy.
    const retired = olds.filter((o) => o.retireInFlight).map((o) => o.instanceId);
    const keep = new Set(olds.filter((o) => o.retireInFlight || o.deleted).map((o) => o.replacement).filter((id): id is string => id !== undefined));
    const deleted = [...fleet.keys()].filter((id) => !known.has(id) && !keep.has(id));
    await deleteUntilGone(ctx, [...deleted, ...retired]);
    ctx.record({ type: 'surgeUndone', batch: batch.index, deleted, retired });
    for (const id of deleted) ctx.emit({ type: 'instance', instanceId: id, state: 'rolledBack', batch: batch.index, detail: 'new instance deleted: the surge batch was undone on cancel' });
    if (deleted.length > 0) ctx.emit({ type: 'surge', batch: batch.index, state: 'deleted', instanceIds: deleted });
    notes.push(`Surge batch ${batch.index + 1} was undone: ${deleted.length} new instance(s) deleted, the old ones stayed in service${retired.length > 0 ? `; ${retired.length} already replaced by healthy new ones were retired` : ''}; the set is back at its capacity.`);
  }
  return notes.join(' ');
}
