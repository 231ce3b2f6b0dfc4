// A6/A7: does Azure offer an image newer than what the instances run? "Start" reports success even
// when nothing is newer, so the command asks first and says so plainly. A set on a gallery image
// definition is compared with the definition's latest version (A4).
import type { AzureGateway, InstanceSnapshot, ScaleSetRef, VirtualMachineScaleSet } from '../azure/gateway';
import { parseImageId } from '../shared/imageId';
import { latestGalleryVersion } from '../core/imageTarget';
import { compareImageVersions, newestImageVersion } from '../core/imageVersion';

export type NewerImage =
  | { readonly kind: 'newer'; readonly newest: string; readonly behind: number }
  | { readonly kind: 'none'; readonly newest: string }
  /** A gallery or custom image, or no versions listed: A7 cannot say. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** Compares each instance's exact version with the newest version Azure lists for the set's image. */
export function compareWithNewest(instances: readonly Pick<InstanceSnapshot, 'image'>[], versions: readonly string[]): NewerImage {
  const newest = newestImageVersion(versions);
  if (!newest) return { kind: 'unknown', reason: 'Azure lists no versions of this image' };
  const behind = instances.filter((i) => !i.image.exactVersion || compareImageVersions(i.image.exactVersion, newest) < 0).length;
  return behind > 0 ? { kind: 'newer', newest, behind } : { kind: 'none', newest };
}

/** A4: a set on a gallery definition follows its latest version; a pinned version or a managed image has no newer one to start. */
async function newerGalleryImage(gateway: AzureGateway, ref: ScaleSetRef, set: VirtualMachineScaleSet, id: string, signal?: AbortSignal): Promise<NewerImage> {
  if (parseImageId(id)?.kind !== 'galleryImage') return { kind: 'unknown', reason: 'the set runs a pinned gallery image version or a managed image' };
  const [instances, versions] = await Promise.all([gateway.listInstances(ref, signal), gateway.listGalleryImageVersions(id, signal)]);
  const latest = latestGalleryVersion(versions, set.location);
  return latest ? compareWithNewest(instances, [latest]) : { kind: 'unknown', reason: `Azure lists no version of the gallery image usable in ${set.location}` };
}

export async function findNewerImage(gateway: AzureGateway, ref: ScaleSetRef, set: VirtualMachineScaleSet, signal?: AbortSignal): Promise<NewerImage> {
  const image = set.virtualMachineProfile?.storageProfile?.imageReference;
  if (image?.id) return newerGalleryImage(gateway, ref, set, image.id, signal);
  if (!image?.publisher || !image.offer || !image.sku) return { kind: 'unknown', reason: 'the set runs a gallery or custom image' };
  const [instances, versions] = await Promise.all([
    gateway.listInstances(ref, signal),
    gateway.listImageVersions(ref.subscriptionId, set.location, image.publisher, image.offer, image.sku, signal),
  ]);
  return compareWithNewest(instances, versions);
}
