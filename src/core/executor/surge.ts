// O8 maxSurge: a batch creates new instances before it deletes old ones, so no old instance leaves
// service before its replacement is healthy. Steps, each journaled before it acts:
//   surgeIntent (capacity before, ids present) → scale out to capacity + B → surgeCreated (new ids,
//   paired with old ones) → health wait on the new ones (O4, H1–H3) → healthy: retire (delete) the old
//   ones; unhealthy: delete the new ones (the surge rollback; the old one never left service) unless
//   rollback is off, in which case the old ones are deleted anyway (the upgrade stands, as in place).
// A refused scale-out (quota) records surgeRefused and the batch moves in place.
// Resume is idempotent: the scale-out asks for an absolute capacity and is skipped when the new
// instances (ids not present before) are already there; deletions read first and wait for instances
// already Deleting, so nothing is created or deleted twice, and a healthy new instance is never deleted.
import type { InstanceSnapshot as Snapshot } from '../../azure/gateway';
import type { SurgeInstance } from '../contract';
import { describeAzureError } from '../../azure/azureError';
import type { BatchProgress, SurgeProgress } from '../journal/replay';
import { readFleet } from './readFleet';
import type { RunContext } from './runContext';
import { withRetries } from './transient';
import { waitForHealth } from './waitForHealth';
import { compareNumericText } from '../../shared/collation';

const settlePollMs = 15_000;

const byId = compareNumericText;

function isDeleting(s: Snapshot): boolean {
  return s.provisioningState.toLowerCase() === 'deleting';
}

/**
 * Azure's answer to a scale-out it will not do: beyond the regional (or family) cores quota, or beyond the
 * largest capacity a scale set may have (1,000; ARM answers InvalidParameter on sku.capacity). O8: the
 * batch falls back to in place.
 */
export function isQuotaRefusal(err: unknown): boolean {
  const info = describeAzureError(err);
  if ((info.code === 'OperationNotAllowed' || info.code === 'QuotaExceeded') && /quota/i.test(info.message)) return true;
  return info.code === 'InvalidParameter' && /sku\.capacity/i.test(info.message);
}

type ScaleOutResult = { readonly created: Snapshot[] } | { readonly refused: string };

/** Scales out to `capacity + count` once, and returns the `count` new instances (ids not known before). */
async function scaleOut(ctx: RunContext, surge: SurgeProgress, count: number): Promise<ScaleOutResult> {
  const known = new Set(surge.known);
  const wanted = surge.capacity + count;
  const started = ctx.clock.now();
  let asked = false;
  for (;;) {
    const fleet = await readFleet(ctx);
    const fresh = [...fleet.values()].filter((s) => !known.has(s.instanceId) && !isDeleting(s)).sort((a, b) => byId(a.instanceId, b.instanceId));
    if (fresh.length >= count) return { created: fresh.slice(0, count) };
    if (!asked) {
      asked = true;
      const set = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
      // After a crash the scale-out may already be under way: asking again for the same capacity is a no-op.
      if ((set.sku?.capacity ?? 0) < wanted) {
        try {
          await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.updateScaleSet(ctx.ref, { sku: { capacity: wanted } }, { signal: ctx.signal }), ctx.retry);
        } catch (err) {
          if (isQuotaRefusal(err)) return { refused: describeAzureError(err).message };
          throw err;
        }
        continue;
      }
    }
    if (ctx.clock.now() - started > ctx.moveTimeoutMs) throw new Error(`The scale-out to ${wanted} instances did not create ${count} new instance(s) in time.`);
    await ctx.clock.sleep(settlePollMs, ctx.signal);
  }
}

/** Deletes instances that still exist; instances already Deleting are waited for, never deleted again. */
export async function deleteUntilGone(ctx: RunContext, ids: readonly string[]): Promise<void> {
  const started = ctx.clock.now();
  for (;;) {
    const fleet = await readFleet(ctx);
    const present = ids.map((id) => fleet.get(id)).filter((s): s is Snapshot => s !== undefined);
    if (present.length === 0) return;
    const toDelete = present.filter((s) => !isDeleting(s)).map((s) => s.instanceId);
    if (toDelete.length > 0) {
      try {
        await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.deleteInstances(ctx.ref, toDelete, ctx.signal), ctx.retry);
      } catch (err) {
        // 400 "not an active instance": it went away meanwhile; the next read tells.
        if (describeAzureError(err).kind !== 'invalid') throw err;
      }
      continue;
    }
    if (ctx.clock.now() - started > ctx.moveTimeoutMs) throw new Error(`Instance(s) ${present.map((s) => s.instanceId).join(', ')} stayed in Deleting too long.`);
    await ctx.clock.sleep(settlePollMs, ctx.signal);
  }
}

function surgeInstance(s: Snapshot, replaces: string): SurgeInstance {
  return {
    instanceId: s.instanceId,
    name: s.name,
    replaces,
    ...(s.zone !== undefined ? { zone: s.zone } : {}),
    ...(s.updateDomain !== undefined ? { updateDomain: s.updateDomain } : {}),
    ...(s.faultDomain !== undefined ? { faultDomain: s.faultDomain } : {}),
  };
}

/**
 * Runs (or continues) the surge of one batch whose surgeIntent is recorded. Returns 'refused' when the
 * scale-out was refused for quota (recorded): the caller then moves the batch in place.
 */
export async function surgeBatch(ctx: RunContext, batch: BatchProgress): Promise<'refused' | 'done'> {
  const surge = batch.surge!;
  const p = ctx.progress;
  const instance = (id: string) => p.instances.get(id)!;
  if (!surge.created) {
    const olds = batch.instanceIds.filter((id) => instance(id).moveInFlight);
    ctx.emit({ type: 'surge', batch: batch.index, state: 'scalingOut', instanceIds: olds, message: `Creating ${olds.length} new instance(s) before deleting old ones (O8 maxSurge).` });
    for (const id of olds) ctx.emit({ type: 'instance', instanceId: id, state: 'moving', batch: batch.index, detail: 'a replacement is being created (maxSurge)' });
    const result = await scaleOut(ctx, surge, olds.length);
    if ('refused' in result) {
      ctx.record({ type: 'surgeRefused', batch: batch.index, reason: result.refused });
      ctx.emit({ type: 'surge', batch: batch.index, state: 'refused', instanceIds: olds, message: result.refused });
      ctx.emit({ type: 'warning', message: `Batch ${batch.index + 1}: the scale-out was refused; this batch moves in place instead (O8 maxSurge fallback): ${result.refused}` });
      return 'refused';
    }
    const pairs = olds.map((old, k) => ({ old, created: result.created[k].instanceId }));
    ctx.record({ type: 'surgeCreated', batch: batch.index, pairs });
    ctx.emit({ type: 'surge', batch: batch.index, state: 'created', instanceIds: pairs.map((x) => x.created), created: result.created.map((s, k) => surgeInstance(s, olds[k])) });
    for (const { old, created } of pairs) ctx.emit({ type: 'instance', instanceId: created, state: 'waitingHealth', batch: batch.index, detail: `replaces ${old}` });
  }
  const created = surge.created!;
  const waiting = created.filter((id) => instance(id).state === 'waitingHealth');
  if (waiting.length > 0) {
    ctx.emit({ type: 'batch', index: batch.index, state: 'waitingHealth', instanceIds: waiting });
    await waitForHealth(ctx, batch.index, waiting);
  }
  // The surge rollback: delete replacements that did not become healthy; their old instances stay.
  const failed = created.filter((id) => ['failed', 'rollingBack'].includes(instance(id).state) && !instance(id).deleted);
  if (ctx.policy.rollbackFailedInstances && failed.length > 0) {
    const fresh = failed.filter((id) => !instance(id).rollbackInFlight);
    if (fresh.length > 0) ctx.record({ type: 'rollbackIntent', batch: batch.index, instanceIds: fresh });
    ctx.emit({ type: 'batch', index: batch.index, state: 'rollingBack', instanceIds: failed });
    for (const id of failed) {
      ctx.emit({ type: 'instance', instanceId: id, state: 'rollingBack', batch: batch.index, detail: 'deleting the unhealthy replacement' });
      ctx.emit({ type: 'rollback', instanceId: instance(id).replaces!, state: 'started' });
    }
    await deleteUntilGone(ctx, failed);
    for (const id of failed) {
      ctx.record({ type: 'rolledBack', batch: batch.index, instanceId: id, ok: true });
      ctx.emit({ type: 'rollback', instanceId: instance(id).replaces!, state: 'done' });
      ctx.emit({ type: 'instance', instanceId: instance(id).replaces!, state: 'rolledBack', batch: batch.index, detail: `its replacement ${id} did not become healthy and was deleted; it stayed in service` });
    }
    ctx.emit({ type: 'surge', batch: batch.index, state: 'deleted', instanceIds: failed });
  }
  // Old instances go once their replacement is healthy (or, with rollback off, whatever it became).
  const retire = batch.instanceIds.filter((id) => {
    const old = instance(id);
    if (!old.replacement || old.deleted) return false;
    const next = instance(old.replacement).state;
    return next === 'succeeded' || (!ctx.policy.rollbackFailedInstances && next === 'failed');
  });
  if (retire.length > 0) {
    const fresh = retire.filter((id) => !instance(id).retireInFlight);
    if (fresh.length > 0) ctx.record({ type: 'retireIntent', batch: batch.index, instanceIds: fresh });
    await deleteUntilGone(ctx, retire);
    ctx.record({ type: 'retired', batch: batch.index, instanceIds: retire, ok: true });
    for (const id of retire) {
      const state = instance(id).state;
      ctx.emit({ type: 'instance', instanceId: id, state, batch: batch.index, detail: state === 'replaced' ? `replaced by ${instance(id).replacement} and deleted` : `deleted; its replacement ${instance(id).replacement} is not healthy (rollback is off)` });
    }
    ctx.emit({ type: 'surge', batch: batch.index, state: 'deleted', instanceIds: retire });
  }
  return 'done';
}
