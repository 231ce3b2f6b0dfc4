// Model state (O9): before the first batch, set the model's image when the target moves by model, or,
// with maxSurge, pin the model to the target version so that new instances come up on it.
import { newestImageVersion } from '../../imageVersion';
import { ensureModelImage } from '../modelImage';
import type { RunContext } from '../runContext';
import { withRetries } from '../transient';

/** Brings the model to what the run's moves need; journaled (intent, done) and idempotent on resume. */
export async function prepareModel(ctx: RunContext): Promise<void> {
  const p = ctx.progress;
  if (ctx.target.method === 'model' && p.model !== 'updated') {
    const image = ctx.target.modelImage ?? ctx.target.image;
    ctx.record({ type: 'modelUpdate', phase: 'intent', image });
    await ensureModelImage(ctx, image);
    ctx.record({ type: 'modelUpdate', phase: 'done', image });
  } else if (ctx.policy.maxSurge && p.model !== 'updated') {
    await surgeModel(ctx);
  }
}

/**
 * O8 maxSurge with the reimage method: new VMs get what the model's `latest` resolves to. When that is
 * not the target (a pin or a downgrade), the model is set to the target version first (O9), as the
 * 'model' method does — otherwise the replacements would come up on the wrong image.
 */
async function surgeModel(ctx: RunContext): Promise<void> {
  const image = ctx.target.image;
  if (image.id || !image.exactVersion) return;
  const set = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
  const versions = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.listImageVersions(ctx.ref.subscriptionId, set.location, image.publisher!, image.offer!, image.sku!, ctx.signal), ctx.retry);
  if (newestImageVersion(versions) === image.exactVersion) return;
  const pinned = { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.exactVersion };
  ctx.record({ type: 'modelUpdate', phase: 'intent', image: pinned });
  ctx.emit({ type: 'warning', message: `maxSurge: the model is set to ${image.exactVersion} so that new instances come up on the target (O9).` });
  await ensureModelImage(ctx, pinned);
  ctx.record({ type: 'modelUpdate', phase: 'done', image: pinned });
}
