// What kind of image a scale set boots from (R1, R2): a platform image (publisher/offer/sku), an
// Azure Compute Gallery image (…/galleries/…/images/…[/versions/x] or a shared/community gallery
// id), a managed image (…/Microsoft.Compute/images/…), or an unmanaged VHD (osDisk.image.uri).
import { asString, isPresent, judge } from '../facts';
import type { Fact, ScaleSetModel } from '../model';

export type ImageKind = 'platform' | 'gallery' | 'managed-image' | 'vhd' | 'empty' | 'none' | 'unknown';

export interface ImageIdentity {
  readonly kind: ImageKind;
  /** The fact that decided the kind (for messages and hovers). */
  readonly fact: Fact;
}

const galleryPattern = /\/galleries\/[^/]+\/images\/[^/]+/i;
const managedImagePattern = /\/providers\/Microsoft\.Compute\/images\/[^/]+/i;

export function classifyImageId(id: string): 'gallery' | 'managed-image' | 'other' {
  if (galleryPattern.test(id)) return 'gallery';
  if (managedImagePattern.test(id)) return 'managed-image';
  return 'other';
}

/** An id that names a specific image version (…/versions/1.0.0) instead of the image definition. */
export function pinsGalleryVersion(id: string): boolean {
  return /\/versions\/[^/]+\/?$/i.test(id);
}


export function imageIdentity(model: ScaleSetModel): ImageIdentity {
  for (const galleryId of [model.sharedGalleryImageId, model.communityGalleryImageId]) {
    if (isPresent(galleryId) === 'yes') return { kind: 'gallery', fact: galleryId };
  }
  const idPresent = isPresent(model.imageId);
  if (idPresent === 'yes') {
    const kinds = new Set<string>();
    const verdict = judge(model.imageId, (value) => {
      const id = asString(value);
      if (id !== undefined) kinds.add(classifyImageId(id));
      return id !== undefined;
    });
    if (verdict === 'yes' && kinds.size === 1) {
      const [kind] = kinds;
      return { kind: kind === 'other' ? 'managed-image' : (kind as ImageKind), fact: model.imageId };
    }
    return { kind: 'unknown', fact: model.imageId };
  }
  if (idPresent === 'unknown') return { kind: 'unknown', fact: model.imageId };
  if (isPresent(model.osDiskImageUri) === 'yes') return { kind: 'vhd', fact: model.osDiskImageUri };
  const platformFacts = [model.imagePublisher, model.imageOffer, model.imageSku];
  const platform = platformFacts.map(isPresent);
  if (platform.every((p) => p === 'yes')) return { kind: 'platform', fact: model.imageSku };
  // Issue 14 hole 4: publisher/offer/sku written but empty ('') names no image: never silently "none".
  const written = platformFacts.find((fact, i) => platform[i] === 'no' && fact.state !== 'absent');
  if (written && !platform.includes('unknown')) return { kind: 'empty', fact: written };
  if (platform.some((p) => p === 'unknown') || model.imageReference.state === 'unknown') return { kind: 'unknown', fact: model.imageReference };
  return { kind: 'none', fact: model.imageReference };
}
