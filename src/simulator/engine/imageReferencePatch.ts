// A PATCH that switches the image reference between a platform image and an image id (O9) replaces
// the reference instead of merging into it: `id` and publisher/offer/sku/version exclude each other
// (ImageReference.version: "gallery image should always use 'id' field"), so a merge would leave a
// reference Azure refuses.
type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function imageReferenceOf(properties: Json | undefined): Json | undefined {
  return obj(obj(obj(properties?.virtualMachineProfile)?.storageProfile)?.imageReference);
}

const hasId = (ref: Json) => typeof ref.id === 'string' && ref.id !== '';

/** `merged` with the patch's image reference in place of the merged one when the patch changes its kind. */
export function replaceSwitchedImageReference(base: Json, patch: Json, merged: Json): Json {
  const patched = imageReferenceOf(patch);
  const before = imageReferenceOf(base);
  if (!patched || !before) return merged;
  // An id names the whole image; publisher/offer/sku after an id start a new platform reference.
  const switches = hasId(patched) || (hasId(before) && typeof patched.publisher === 'string');
  if (!switches) return merged;
  const profile = obj(merged.virtualMachineProfile)!;
  const storage = obj(profile.storageProfile)!;
  return { ...merged, virtualMachineProfile: { ...profile, storageProfile: { ...storage, imageReference: { ...patched } } } };
}
