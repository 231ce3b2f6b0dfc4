// Resolves what the user asked for into a concrete target, and decides how each instance moves.
//
// How an instance moves — decided from the REST spec's description of the reimage input:
//   VirtualMachineReimageParameters.exactVersion: "Specifies in decimal number, the version the OS disk
//   should be reimaged to. If exact version is not provided, the OS disk is reimaged to the existing
//   version of OS Disk."
// - Platform-image version targets (`latest`, an explicit version, a pin or a downgrade of the set's own
//   SKU) while the model says `latest`: reimage each instance with `exactVersion`. The model keeps
//   `latest`, so nothing else changes and a scale-out still gets the newest image.
// - The same targets while the model pins a version: update the model's version, then `manualupgrade`
//   the batch (O9) — otherwise the next reimage or scale-out would bring the old pinned version back.
// - A new SKU, a gallery image or a managed custom image (O9, A3): update the model, then
//   `manualupgrade` each batch — except a newer version of the gallery definition the model already
//   names, which is a reimage with `exactVersion` (imageTarget.ts).
// - Rollback: with the SKU unchanged, reimage the instance with its previous `exactVersion` (recorded in
//   the journal before the move). Across a SKU or image change `exactVersion` cannot express the old
//   image, so the model is set back to the previous image reference, the failed instances are
//   `manualupgrade`d to it, and the model is set forward again (see executor/rollback.ts).
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import type { AzureGateway, ImageRef, InstanceSnapshot, ScaleSetRef } from '../azure/gateway';
import type { ResolvedTarget, UpgradeTarget } from './contract';
import { resolveImageTarget } from './imageTarget';
import { newestImageVersion, sameText } from './imageVersion';

export type TargetResult = { readonly ok: true; readonly target: ResolvedTarget } | { readonly ok: false; readonly error: string };

export function modelImageOf(scaleSet: VirtualMachineScaleSet): ImageRef {
  const ref = scaleSet.virtualMachineProfile?.storageProfile?.imageReference ?? {};
  return { publisher: ref.publisher, offer: ref.offer, sku: ref.sku, version: ref.version, id: ref.id };
}

function describe(image: ImageRef): string {
  return image.id ?? `${image.publisher}/${image.offer}/${image.sku} ${image.exactVersion ?? image.version ?? ''}`.trim();
}

function isLatest(version: string | undefined): boolean {
  return version === undefined || sameText(version, 'latest');
}

async function platformVersion(gateway: AzureGateway, ref: ScaleSetRef, location: string, model: ImageRef, sku: string, wanted: string | undefined, signal?: AbortSignal): Promise<{ version?: string; error?: string }> {
  const versions = await gateway.listImageVersions(ref.subscriptionId, location, model.publisher!, model.offer!, sku, signal);
  if (wanted === undefined || isLatest(wanted)) {
    const newest = newestImageVersion(versions);
    return newest ? { version: newest } : { error: `Azure lists no versions of ${model.publisher}/${model.offer}/${sku} in ${location}` };
  }
  const found = versions.find((v) => sameText(v, wanted));
  return found ? { version: found } : { error: `Version ${wanted} of ${model.publisher}/${model.offer}/${sku} does not exist in ${location} (A7)` };
}

/** Reads the image versions Azure offers (A7) and turns the request into a concrete target. */
export async function resolveTarget(gateway: AzureGateway, ref: ScaleSetRef, scaleSet: VirtualMachineScaleSet, request: UpgradeTarget, signal?: AbortSignal): Promise<TargetResult> {
  const model = modelImageOf(scaleSet);
  const location = scaleSet.location;
  if (request.kind === 'image') return resolveImageTarget(gateway, scaleSet, request, model, signal);
  if (model.id || !model.publisher || !model.offer || !model.sku) {
    return { ok: false, error: 'The scale set runs a gallery or custom image: a platform version target does not apply; give an image id target instead' };
  }
  if (request.kind === 'sku') {
    if (sameText(request.sku, model.sku)) return { ok: false, error: `The set already uses SKU ${model.sku}: use a version target` };
    const found = await platformVersion(gateway, ref, location, model, request.sku, request.version, signal);
    if (!found.version) return { ok: false, error: found.error! };
    const image: ImageRef = { publisher: model.publisher, offer: model.offer, sku: request.sku, exactVersion: found.version };
    // A3: publisher and offer never change; the model keeps `latest` unless a version was asked for.
    const modelImage: ImageRef = { publisher: model.publisher, offer: model.offer, sku: request.sku, version: request.version ? found.version : 'latest' };
    return { ok: true, target: { request, method: 'model', image, modelImage, previousModelImage: model, description: describe(image), rollbackMethod: 'modelRevert' } };
  }
  const found = await platformVersion(gateway, ref, location, model, model.sku, request.kind === 'version' ? request.version : undefined, signal);
  if (!found.version) return { ok: false, error: found.error! };
  const image: ImageRef = { publisher: model.publisher, offer: model.offer, sku: model.sku, exactVersion: found.version };
  if (isLatest(model.version)) {
    return { ok: true, target: { request, method: 'reimage', image, previousModelImage: model, description: describe(image), rollbackMethod: 'reimageExactVersion' } };
  }
  const modelImage: ImageRef = { publisher: model.publisher, offer: model.offer, sku: model.sku, version: found.version };
  return { ok: true, target: { request, method: 'model', image, modelImage, previousModelImage: model, description: describe(image), rollbackMethod: 'reimageExactVersion' } };
}

/** True when the instance already runs the target image (and, for model moves, the latest model). */
export function isOnTarget(instance: Pick<InstanceSnapshot, 'image' | 'latestModelApplied'>, target: ResolvedTarget): boolean {
  const modelCurrent = target.method === 'reimage' || instance.latestModelApplied !== false;
  // A gallery target also names the version (a definition's latest resolves to one, image target.ts).
  if (target.image.id) return modelCurrent && sameText(instance.image.id, target.image.id) && (!target.image.exactVersion || sameText(instance.image.exactVersion, target.image.exactVersion));
  return modelCurrent && !instance.image.id && sameText(instance.image.sku, target.image.sku) && sameText(instance.image.exactVersion, target.image.exactVersion);
}

/** True when the instance runs the image it ran before the move (rollback reached). */
export function isOnImage(instance: Pick<InstanceSnapshot, 'image'>, previous: ImageRef): boolean {
  if (previous.id) return sameText(instance.image.id, previous.id);
  return sameText(instance.image.sku, previous.sku) && sameText(instance.image.exactVersion, previous.exactVersion);
}
