// Resource ids an `imageReference.id` can hold (O9): a gallery image definition (its latest version), a
// gallery image version, or a managed image. One grammar for the client side (targets, gateway, pickers)
// and the simulator, which serves those resources.
export type ImageIdParts =
  | { readonly kind: 'galleryImage'; readonly subscriptionId: string; readonly resourceGroup: string; readonly gallery: string; readonly image: string }
  | { readonly kind: 'galleryImageVersion'; readonly subscriptionId: string; readonly resourceGroup: string; readonly gallery: string; readonly image: string; readonly version: string }
  | { readonly kind: 'managedImage'; readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string };

const pattern = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/(?:galleries\/([^/]+)\/images\/([^/]+)(?:\/versions\/([^/]+))?|images\/([^/]+))$/i;

export function parseImageId(id: string): ImageIdParts | undefined {
  const m = pattern.exec(id);
  if (!m) return undefined;
  const [, subscriptionId, resourceGroup, gallery, image, version, name] = m;
  if (name) return { kind: 'managedImage', subscriptionId, resourceGroup, name };
  if (version) return { kind: 'galleryImageVersion', subscriptionId, resourceGroup, gallery, image, version };
  return { kind: 'galleryImage', subscriptionId, resourceGroup, gallery, image };
}

/** The definition a gallery image (version) id belongs to; undefined for other ids. */
export function galleryImageIdOf(id: string): string | undefined {
  const parts = parseImageId(id.trim());
  if (!parts || parts.kind === 'managedImage') return undefined;
  return `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroup}/providers/Microsoft.Compute/galleries/${parts.gallery}/images/${parts.image}`;
}

/** ARM names a region by display name ("West Europe") or by name ("westeurope"). */
export function sameRegion(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}
