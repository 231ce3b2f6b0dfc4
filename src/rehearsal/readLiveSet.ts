// Everything a rehearsal needs to know about a live scale set, read once through the gateway (the same
// reads the tree and the planner make): the model, the instances with their instance views, the image
// versions the set can move to, and its OS upgrade history (A5) for the timings. Changes nothing.
import type { AzureGateway, GalleryImageVersionInfo, ImageInfo, InstanceSnapshot, ScaleSetRef, UpgradeOperationHistoricalStatusInfo, VirtualMachineScaleSet } from '../azure/gateway';

export interface LiveSet {
  readonly ref: ScaleSetRef;
  readonly scaleSet: VirtualMachineScaleSet;
  readonly instances: readonly InstanceSnapshot[];
  /** Platform image versions of the set's publisher/offer/sku in its region (absent for gallery/managed images). */
  readonly platformVersions?: readonly string[];
  /** The gallery image definition the set follows or names a version of, with its versions. */
  readonly gallery?: { readonly definitionId: string; readonly versions: readonly GalleryImageVersionInfo[] };
  readonly managedImage?: ImageInfo;
  readonly history: readonly UpgradeOperationHistoricalStatusInfo[];
}

/** `…/galleries/{g}/images/{i}` of a definition or version id, or undefined for anything else. */
export function galleryDefinitionOf(imageId: string): string | undefined {
  const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+)(\/versions\/[^/]+)?$/i.exec(imageId);
  return m?.[1];
}

export async function readLiveSet(gateway: AzureGateway, ref: ScaleSetRef, signal?: AbortSignal): Promise<LiveSet> {
  const scaleSet = await gateway.getScaleSet(ref, signal);
  const instances = await gateway.listInstances(ref, signal);
  // The history only sharpens the timings (as for the plan): a set whose history cannot be read is rehearsed on defaults.
  const history = await gateway.listOsUpgradeHistory(ref, signal).catch(() => []);
  const image = scaleSet.virtualMachineProfile?.storageProfile?.imageReference ?? {};
  const base = { ref, scaleSet, instances, history };
  if (image.id) {
    const definitionId = galleryDefinitionOf(image.id);
    if (definitionId) return { ...base, gallery: { definitionId, versions: await gateway.listGalleryImageVersions(definitionId, signal) } };
    const managedImage = await gateway.getImage(image.id, signal);
    return { ...base, ...(managedImage ? { managedImage } : {}) };
  }
  if (!image.publisher || !image.offer || !image.sku) throw new Error(`The scale set ${ref.name} has no image reference the simulator can reproduce (no publisher/offer/sku and no id).`);
  const platformVersions = await gateway.listImageVersions(ref.subscriptionId, scaleSet.location, image.publisher, image.offer, image.sku, signal);
  return { ...base, platformVersions };
}
