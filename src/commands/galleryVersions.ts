// The target step's gallery choices (O9, A4, like A7 for platform images): the versions of the set's
// gallery image definition that are newer than what its oldest instance runs and usable in its region,
// newest first; and the check of a typed image id. No `vscode` here, so it is tested in plain Node.
import type { AzureGateway, ScaleSetRef, VirtualMachineScaleSet } from '../azure/gateway';
import { galleryImageIdOf, parseImageId } from '../shared/imageId';
import { latestGalleryVersion, usableIn } from '../core/imageTarget';
import { compareImageVersions } from '../core/imageVersion';

export interface GalleryVersionChoice {
  /** The version id: the target a user picks. */
  readonly id: string;
  readonly version: string;
  /** What the definition's "latest" resolves to (A4). */
  readonly latest: boolean;
  readonly excludeFromLatest: boolean;
  readonly publishedDate?: Date;
}

export interface GalleryVersions {
  /** The definition the set's model names (directly or through one of its versions). */
  readonly definition: string;
  /** What the instances run now, oldest first. */
  readonly running: readonly string[];
  readonly choices: readonly GalleryVersionChoice[];
}

/** Undefined when the set does not run a gallery image (platform or managed image). */
export async function newerGalleryVersions(gateway: AzureGateway, ref: ScaleSetRef, set: VirtualMachineScaleSet, signal?: AbortSignal): Promise<GalleryVersions | undefined> {
  const id = set.virtualMachineProfile?.storageProfile?.imageReference?.id;
  const definition = id ? galleryImageIdOf(id) : undefined;
  if (!definition) return undefined;
  const [instances, versions] = await Promise.all([gateway.listInstances(ref, signal), gateway.listGalleryImageVersions(definition, signal)]);
  const running = [...new Set(instances.map((i) => i.image.exactVersion).filter((v): v is string => !!v))].sort(compareImageVersions);
  const oldest = running[0];
  const latest = latestGalleryVersion(versions, set.location);
  const choices = versions
    .filter((v) => usableIn(v, set.location) && (!oldest || compareImageVersions(v.name, oldest) > 0))
    .sort((a, b) => compareImageVersions(b.name, a.name))
    .map((v) => ({ id: `${definition}/versions/${v.name}`, version: v.name, latest: v.name === latest, excludeFromLatest: v.excludeFromLatest, ...(v.publishedDate ? { publishedDate: v.publishedDate } : {}) }));
  return { definition, running, choices };
}

/** Why a typed image id cannot be a target, or undefined when it has the shape of one. */
export function imageIdProblem(text: string): string | undefined {
  if (!text.trim()) return 'empty';
  return parseImageId(text.trim()) ? undefined : 'shape';
}
