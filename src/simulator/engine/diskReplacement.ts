// O3: replacing an instance's OS disk with one made from a given image version. The instance is busy
// (provisioningState Updating) for `instanceUpgradeMs`; then it runs the new disk and its health
// timeline restarts (H3 grace, then the scenario's behaviour). Data disks are kept (A2).
import type { ImageReference, Instance, ScaleSet } from '../state/model';
import type { World } from '../state/world';
import { modelImage } from '../state/modelView';

export interface ReplaceOptions {
  /** Also apply the set's current model (manualupgrade, Rolling/Automatic model updates). */
  readonly applyModel?: boolean;
  readonly onDone?: () => void;
}

/** Resolves `latest` to the newest published version in the set's region (A2); a gallery definition id likewise (A4). */
export function resolveVersion(world: World, set: ScaleSet, ref: ImageReference): ImageReference {
  if (ref.id) {
    // A gallery definition resolves to its newest usable version (A4); model validation made sure one exists.
    if (ref.version.toLowerCase() !== 'latest') return ref;
    const newest = world.customImages.newestFor(ref.id, set.location, world.now);
    return { ...ref, version: newest ?? ref.version };
  }
  if (ref.version.toLowerCase() !== 'latest') return ref;
  const newest = world.images.newest(ref, set.location, world.now);
  return { ...ref, version: newest ?? ref.version };
}

export function replaceOsDisk(world: World, set: ScaleSet, inst: Instance, target: ImageReference, options: ReplaceOptions = {}): void {
  const doneAt = world.now + world.timing.instanceUpgradeMs;
  const modelVersion = set.modelVersion;
  const model = modelImage(set);
  inst.busyUntil = doneAt;
  inst.creating = undefined;
  inst.etag++;
  world.scheduler.schedule(doneAt, `disk ${set.name}/${inst.instanceId} → ${target.version}`, () => {
    inst.previousOsImage = inst.osImage;
    inst.osImage = { ...target };
    inst.diskReplacedAt = world.now;
    inst.busyUntil = undefined;
    if (options.applyModel) {
      inst.appliedModel = modelVersion;
      inst.appliedImage = model;
    }
    inst.etag++;
    options.onDone?.();
  });
}

/** Applies a model change that needs no new OS disk (e.g. an extension setting): a short update. */
export function applyModelInPlace(world: World, set: ScaleSet, inst: Instance, onDone?: () => void): void {
  const doneAt = world.now + world.timing.modelUpdateMs;
  const modelVersion = set.modelVersion;
  const model = modelImage(set);
  inst.busyUntil = doneAt;
  inst.creating = undefined;
  inst.etag++;
  world.scheduler.schedule(doneAt, `model ${set.name}/${inst.instanceId}`, () => {
    inst.appliedModel = modelVersion;
    inst.appliedImage = model;
    inst.busyUntil = undefined;
    inst.etag++;
    onDone?.();
  });
}

export function isBusy(world: World, inst: Instance): boolean {
  return inst.deletingUntil !== undefined || (inst.busyUntil !== undefined && world.now < inst.busyUntil);
}
