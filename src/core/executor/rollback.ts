// O4: instances that failed are rolled back to what they ran before the move (recorded in the journal
// before the move), unless rollback is off. Same SKU: reimage with the previous `exactVersion`. Across a
// SKU or image change: model back, manualupgrade the failed instances, model forward again (target.ts).
import type { ImageRef, InstanceSnapshot } from '../../azure/gateway';
import { sameText } from '../imageVersion';
import { ensureModelImage } from './modelImage';
import { manualUpgradeUntil, reimageUntil } from './moveInstances';
import { readFleet } from './readFleet';
import type { RunContext } from './runContext';

function isBack(snapshot: InstanceSnapshot, from: ImageRef | undefined, byModel: boolean): boolean {
  if (!from) return false;
  // On a gallery definition a reimage rollback also restores the version; a model revert lands on its latest.
  if (from.id) return sameText(snapshot.image.id, from.id) && (byModel || !from.exactVersion || sameText(snapshot.image.exactVersion, from.exactVersion));
  const sameSku = !snapshot.image.id && sameText(snapshot.image.sku, from.sku);
  // A model revert to `latest` lands on the newest version of the old SKU, not necessarily the old one.
  return byModel ? sameSku : sameSku && sameText(snapshot.image.exactVersion, from.exactVersion);
}

/** A rollback is what keeps the set whole: a failed rollback operation is tried again (a few times). */
const rollbackOperationAttempts = 3;

/**
 * Same SKU: `reimage {instanceIds, exactVersion}` back to what each instance ran, one request per previous
 * version (usually one for the whole batch). Reads first: after a retry or a resume the rollback may
 * already have happened; instances still busy are waited for, never sent again.
 */
async function reimageBack(ctx: RunContext, ids: readonly string[]): Promise<Map<string, { ok: boolean; error?: string }>> {
  const results = new Map<string, { ok: boolean; error?: string }>();
  const byVersion = new Map<string, string[]>();
  for (const id of ids) {
    const from = ctx.progress.instances.get(id)?.from;
    if (!from?.exactVersion) results.set(id, { ok: false, error: 'the previous exact version is not known' });
    else byVersion.set(from.exactVersion, [...(byVersion.get(from.exactVersion) ?? []), id]);
  }
  const back = (s: InstanceSnapshot) => isBack(s, ctx.progress.instances.get(s.instanceId)?.from, false);
  for (const [version, group] of byVersion) {
    const moved = await reimageUntil(ctx, group, version, back, undefined, new Set(), rollbackOperationAttempts);
    for (const [id, result] of moved) results.set(id, result);
  }
  return results;
}

async function modelRevert(ctx: RunContext, ids: readonly string[]): Promise<Map<string, { ok: boolean; error?: string }>> {
  await ensureModelImage(ctx, ctx.target.previousModelImage);
  // Idempotent after a resume: instances still busy from the first attempt are waited for, not sent again.
  const inFlight = new Set(ids.filter((id) => ctx.progress.instances.get(id)?.rollbackInFlight));
  const back = (id: string) => (s: InstanceSnapshot) => isBack(s, ctx.progress.instances.get(id)?.from, true);
  const results = new Map<string, { ok: boolean; error?: string }>();
  const moved = await manualUpgradeUntil(ctx, ids, (s) => back(s.instanceId)(s), undefined, inFlight);
  const fleet = await readFleet(ctx);
  for (const id of ids) {
    const s = fleet.get(id);
    const ok = moved.get(id)?.ok === true && s !== undefined && isBack(s, ctx.progress.instances.get(id)?.from, true);
    results.set(id, ok ? { ok: true } : { ok: false, error: moved.get(id)?.error ?? (s ? 'the instance did not return to the previous image' : 'the instance no longer exists') });
  }
  await ensureModelImage(ctx, ctx.target.modelImage ?? ctx.target.image);
  return results;
}

export async function rollBack(ctx: RunContext, batch: number, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const fresh = ids.filter((id) => !ctx.progress.instances.get(id)?.rollbackInFlight);
  if (fresh.length > 0) ctx.record({ type: 'rollbackIntent', batch, instanceIds: fresh });
  for (const id of ids) {
    ctx.emit({ type: 'instance', instanceId: id, state: 'rollingBack', batch });
    ctx.emit({ type: 'rollback', instanceId: id, state: 'started', ...(ctx.progress.instances.get(id)?.from?.exactVersion ? { toVersion: ctx.progress.instances.get(id)!.from!.exactVersion } : {}) });
  }
  const report = (id: string, result: { ok: boolean; error?: string }) => {
    ctx.record({ type: 'rolledBack', batch, instanceId: id, ok: result.ok, ...(result.error ? { error: result.error } : {}) });
    ctx.emit({ type: 'rollback', instanceId: id, state: result.ok ? 'done' : 'failed' });
    ctx.emit({ type: 'instance', instanceId: id, state: result.ok ? 'rolledBack' : 'rollbackFailed', batch, ...(result.error ? { detail: result.error } : {}) });
  };
  if (ctx.target.rollbackMethod === 'reimageExactVersion') {
    const results = await reimageBack(ctx, ids);
    for (const id of ids) report(id, results.get(id) ?? { ok: false, error: 'no result' });
    return;
  }
  const results = await modelRevert(ctx, ids);
  for (const id of ids) report(id, results.get(id)!);
}
