// O9: sets the scale set model's image reference, once: it reads the model first, so a resume after a
// crash between the update and its record does not update again.
import type { ImageRef } from '../../azure/gateway';
import { sameText } from '../imageVersion';
import { modelImageOf } from '../target';
import type { RunContext } from './runContext';
import { withRetries } from './transient';

function matches(model: ImageRef, wanted: ImageRef): boolean {
  if (wanted.id) return sameText(model.id, wanted.id);
  return !model.id && sameText(model.publisher, wanted.publisher) && sameText(model.offer, wanted.offer) && sameText(model.sku, wanted.sku) && sameText(model.version ?? 'latest', wanted.version ?? 'latest');
}

/** The model's imageReference as a PATCH body: an image id replaces a platform reference and back. */
function imageReferenceUpdate(image: ImageRef) {
  return image.id ? { id: image.id } : { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.version ?? 'latest' };
}

export async function ensureModelImage(ctx: RunContext, image: ImageRef): Promise<void> {
  const current = modelImageOf(await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry));
  if (matches(current, image)) return;
  await withRetries(
    ctx.clock,
    ctx.signal,
    () => ctx.gateway.updateScaleSet(ctx.ref, { virtualMachineProfile: { storageProfile: { imageReference: imageReferenceUpdate(image) } } }, { signal: ctx.signal }),
    ctx.retry,
  );
}
