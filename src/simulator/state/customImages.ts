// What an `imageReference.id` can name (O9): Azure Compute Gallery image definitions with their
// versions, and managed images. A definition id stands for the gallery's "latest": its newest version
// that is provisioned, published, replicated to the region and not excluded from latest (A4); a version
// id names that version; a managed image has no versions.
import { ArmError, invalidParameter } from '../armError';
import { compareVersions } from './imageCatalog';
import { type ImageIdParts, parseImageId as parseSharedImageId, sameRegion } from '../../shared/imageId';
import type { OsType } from './model';

export interface GalleryImageVersion {
  readonly name: string;
  /** Simulated epoch ms from which the version is listed (publishingProfile.publishedDate). */
  readonly publishedAt: number;
  readonly excludeFromLatest: boolean;
  /** Regions the version is replicated to; usable only there (A4). */
  readonly regions: readonly string[];
  readonly provisioningState: 'Succeeded' | 'Failed';
}

export interface GalleryImageDefinition {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly gallery: string;
  readonly name: string;
  readonly location: string;
  readonly osType: OsType;
  readonly hyperVGeneration: 'V1' | 'V2';
  readonly identifier: { readonly publisher: string; readonly offer: string; readonly sku: string };
  readonly versions: GalleryImageVersion[];
}

export interface ManagedImage {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly osType: OsType;
}

interface Scope {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

export type ParsedImageId = ImageIdParts;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
export { sameRegion };

/** The shared id grammar; ARM ignores one trailing slash on a resource id. */
export function parseImageId(id: string): ParsedImageId | undefined {
  return parseSharedImageId(id.replace(/\/$/, ''));
}

export function definitionId(d: Pick<GalleryImageDefinition, 'subscriptionId' | 'resourceGroup' | 'gallery' | 'name'>): string {
  return `/subscriptions/${d.subscriptionId}/resourceGroups/${d.resourceGroup}/providers/Microsoft.Compute/galleries/${d.gallery}/images/${d.name}`;
}

export function managedImageId(m: ManagedImage): string {
  return `/subscriptions/${m.subscriptionId}/resourceGroups/${m.resourceGroup}/providers/Microsoft.Compute/images/${m.name}`;
}

/** Azure's answer when a gallery image (version) cannot be used in a region. */
function galleryImageNotFound(id: string, location: string): ArmError {
  return new ArmError(404, 'GalleryImageNotFound', `The gallery image ${id} is not available in ${location} region. Please contact image owner to replicate to this region, or change your requested region.`, 'imageReference.id');
}

/** An image id resolved for a region: the version an OS disk made from it runs ('' for a managed image). */
export interface ResolvedImage {
  readonly parsed: ParsedImageId;
  readonly version: string;
  readonly osType: OsType;
}

export class CustomImageCatalog {
  readonly definitions: GalleryImageDefinition[] = [];
  readonly managedImages: ManagedImage[] = [];

  hasGallery(scope: Scope, gallery: string): boolean {
    return this.definitions.some((d) => same(d.subscriptionId, scope.subscriptionId) && same(d.resourceGroup, scope.resourceGroup) && same(d.gallery, gallery));
  }

  definition(scope: Scope, gallery: string, image: string): GalleryImageDefinition | undefined {
    return this.definitions.find((d) => same(d.subscriptionId, scope.subscriptionId) && same(d.resourceGroup, scope.resourceGroup) && same(d.gallery, gallery) && same(d.name, image));
  }

  managedImage(scope: Scope, name: string): ManagedImage | undefined {
    return this.managedImages.find((m) => same(m.subscriptionId, scope.subscriptionId) && same(m.resourceGroup, scope.resourceGroup) && same(m.name, name));
  }

  inResourceGroup(subscriptionId: string, resourceGroup: string): boolean {
    const scope = { subscriptionId, resourceGroup };
    const inScope = (r: Scope) => same(r.subscriptionId, scope.subscriptionId) && same(r.resourceGroup, scope.resourceGroup);
    return this.definitions.some(inScope) || this.managedImages.some(inScope);
  }

  /** Versions GET/list shows by now (published), oldest first. */
  listed(def: GalleryImageDefinition, now: number): GalleryImageVersion[] {
    return def.versions.filter((v) => v.publishedAt <= now).sort((a, b) => compareVersions(a.name, b.name));
  }

  /** Whether a VM in `location` can be made from this version. */
  usable(version: GalleryImageVersion, location: string, now: number): boolean {
    return version.publishedAt <= now && version.provisioningState === 'Succeeded' && version.regions.some((r) => sameRegion(r, location));
  }

  /** A4: what a definition id ("latest") resolves to in a region. */
  newestForLatest(def: GalleryImageDefinition, location: string, now: number): GalleryImageVersion | undefined {
    return this.listed(def, now)
      .filter((v) => !v.excludeFromLatest && this.usable(v, location, now))
      .at(-1);
  }

  /** The version a definition id resolves to now, if any (undefined for other ids). */
  newestFor(id: string, location: string, now: number): string | undefined {
    const parsed = parseImageId(id);
    const def = parsed?.kind === 'galleryImage' ? this.definition(parsed, parsed.gallery, parsed.image) : undefined;
    return def ? this.newestForLatest(def, location, now)?.name : undefined;
  }

  /** Resolves an id for a region, or throws the ArmError a model update naming it would get. */
  resolve(id: string, location: string, now: number): ResolvedImage {
    const parsed = parseImageId(id);
    if (!parsed) throw invalidParameter('imageReference.id', `The value '${id}' of parameter 'imageReference.id' is not a valid id of an image, a gallery image or a gallery image version.`);
    if (parsed.kind === 'managedImage') {
      const image = this.managedImage(parsed, parsed.name);
      if (!image || !sameRegion(image.location, location)) throw invalidParameter('imageReference.id', `The Image '${id}' cannot be found in '${location}' region.`);
      return { parsed, version: '', osType: image.osType };
    }
    const def = this.definition(parsed, parsed.gallery, parsed.image);
    if (!def) throw galleryImageNotFound(id, location);
    if (parsed.kind === 'galleryImage') {
      const newest = this.newestForLatest(def, location, now);
      if (!newest) throw galleryImageNotFound(id, location);
      return { parsed, version: newest.name, osType: def.osType };
    }
    const version = def.versions.find((v) => v.name === parsed.version);
    if (!version || !this.usable(version, location, now)) throw galleryImageNotFound(id, location);
    return { parsed, version: version.name, osType: def.osType };
  }
}
