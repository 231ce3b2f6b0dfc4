// Platform image versions per publisher/offer/sku/location (A7), each listed from the simulated time
// it was published. `latest` resolves to the newest published version (A2).
import type { ImageKey, ImageVersion } from './model';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Orders platform image versions (`Major.Minor.Patch`, numerically per part). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

/** Whether two OS disks come from the same image version (gallery/managed images by id, O9). */
export function sameOsDisk(a: { readonly version: string; readonly id?: string }, b: { readonly version: string; readonly id?: string }): boolean {
  return a.version === b.version && same(a.id ?? '', b.id ?? '');
}

export function sameImage(a: ImageKey, b: ImageKey): boolean {
  return same(a.publisher, b.publisher) && same(a.offer, b.offer) && same(a.sku, b.sku);
}

export class ImageCatalog {
  private readonly versions: ImageVersion[] = [];

  add(version: ImageVersion): void {
    const existing = this.versions.findIndex((v) => sameImage(v, version) && same(v.location, version.location) && v.version === version.version);
    if (existing >= 0) this.versions.splice(existing, 1);
    this.versions.push(version);
  }

  /** Published versions of one image in one location, oldest first. */
  published(key: ImageKey, location: string, now: number): ImageVersion[] {
    return this.versions
      .filter((v) => sameImage(v, key) && same(v.location, location) && v.publishedAt <= now)
      .sort((a, b) => compareVersions(a.version, b.version));
  }

  /** Whether this publisher/offer/sku exists in the location at all (published or not yet). */
  knows(key: ImageKey, location: string): boolean {
    return this.versions.some((v) => sameImage(v, key) && same(v.location, location));
  }

  newest(key: ImageKey, location: string, now: number): string | undefined {
    return this.published(key, location, now).at(-1)?.version;
  }

  has(key: ImageKey, location: string, version: string, now: number): boolean {
    return this.published(key, location, now).some((v) => v.version === version);
  }

  all(): readonly ImageVersion[] {
    return this.versions;
  }
}
