// Image id targets (O9): a gallery image definition (its latest version), a gallery image version or a
// managed image. Azure is asked first, so a target that does not exist, does not fit the set's OS or is
// not usable in its region (A4) is refused before anything moves. How instances move:
// - The model names a gallery definition ("latest") and the target is a version of that definition (or
//   the definition itself): reimage each instance with `exactVersion`; the model keeps the definition,
//   as with a platform image on `latest` (target.ts). Rollback: reimage to the previous exactVersion.
// - Anything else (from a platform image, another definition, a pinned version, a managed image): set
//   the model's `imageReference.id`, then `manualupgrade` each batch; rollback by model revert.
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import type { AzureGateway, GalleryImageVersionInfo, ImageRef } from '../azure/gateway';
import { galleryImageIdOf, parseImageId, sameRegion } from '../shared/imageId';
import type { ResolvedTarget, UpgradeTarget } from './contract';
import { compareImageVersions, sameText } from './imageVersion';

export type ImageTargetResult = { readonly ok: true; readonly target: ResolvedTarget } | { readonly ok: false; readonly error: string };

/** A4: a version an instance in `location` can be made from. */
export function usableIn(version: GalleryImageVersionInfo, location: string): boolean {
  return (version.provisioningState ?? 'Succeeded') === 'Succeeded' && version.regions.some((r) => sameRegion(r, location));
}

/** A4: what a definition id ("latest") resolves to in a region: the newest usable version not excluded. */
export function latestGalleryVersion(versions: readonly GalleryImageVersionInfo[], location: string): string | undefined {
  return versions
    .filter((v) => !v.excludeFromLatest && usableIn(v, location))
    .map((v) => v.name)
    .sort(compareImageVersions)
    .at(-1);
}

function osTypeOf(set: VirtualMachineScaleSet): string | undefined {
  return set.virtualMachineProfile?.storageProfile?.osDisk?.osType;
}

export async function resolveImageTarget(gateway: AzureGateway, set: VirtualMachineScaleSet, request: Extract<UpgradeTarget, { kind: 'image' }>, model: ImageRef, signal?: AbortSignal): Promise<ImageTargetResult> {
  const id = request.id.trim();
  const parts = parseImageId(id);
  if (!parts) return { ok: false, error: `'${request.id}' is not a gallery image, gallery image version or managed image id` };
  const found = await gateway.getImage(id, signal);
  if (!found) return { ok: false, error: `Azure has no image ${id} (O9)` };
  const os = osTypeOf(set);
  if (os && found.osType && !sameText(os, found.osType)) return { ok: false, error: `${id} is a ${found.osType} image; the scale set runs ${os}` };
  const location = set.location;
  let exactVersion: string | undefined;
  if (parts.kind === 'galleryImageVersion') {
    if (found.version && !usableIn(found.version, location)) return { ok: false, error: `Version ${parts.version} of ${galleryImageIdOf(id)} is not replicated to ${location} (A4)` };
    exactVersion = parts.version;
  } else if (parts.kind === 'galleryImage') {
    exactVersion = latestGalleryVersion(await gateway.listGalleryImageVersions(id, signal), location);
    if (!exactVersion) return { ok: false, error: `${id} has no version usable in ${location} (A4: published, replicated there, not excluded from latest)` };
  }
  const previousModelImage = model;
  const definition = galleryImageIdOf(id);
  const modelOnDefinition = !!model.id && parseImageId(model.id)?.kind === 'galleryImage';
  if (modelOnDefinition && definition && sameText(model.id, definition)) {
    // The model already says "latest of this definition": pin instances by reimage, as for a platform image.
    const image: ImageRef = { id: model.id, exactVersion };
    return { ok: true, target: { request, method: 'reimage', image, previousModelImage, description: `${model.id} ${exactVersion}`, rollbackMethod: 'reimageExactVersion' } };
  }
  const modelImage: ImageRef = { id };
  const image: ImageRef = { id, ...(exactVersion ? { exactVersion } : {}) };
  const description = parts.kind === 'galleryImage' ? `${id} (latest: ${exactVersion})` : id;
  return { ok: true, target: { request, method: 'model', image, modelImage, previousModelImage, description, rollbackMethod: 'modelRevert' } };
}
