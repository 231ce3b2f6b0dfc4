// O9: the manual rollout primitives. `manualupgrade` moves chosen instances to the latest model (a new
// OS disk only if the model's image reference changed); `reimage` replaces one OS disk with the same
// version, or with `exactVersion` (per-instance pin or rollback). Both validate everything first, so a
// refused request changes nothing.
import { ArmError, invalidParameter } from '../armError';
import type { ImageReference, Instance, ScaleSet } from '../state/model';
import { parseImageId } from '../state/customImages';
import { modelImage } from '../state/modelView';
import type { World } from '../state/world';
import { applyModelInPlace, isBusy, replaceOsDisk, resolveVersion } from './diskReplacement';

function sameReference(a: ImageReference, b: ImageReference): boolean {
  return [a.publisher, a.offer, a.sku, a.version, a.id ?? ''].join('|').toLowerCase() === [b.publisher, b.offer, b.sku, b.version, b.id ?? ''].join('|').toLowerCase();
}

function notBusy(world: World, set: ScaleSet, inst: Instance, operation: string): void {
  if (isBusy(world, inst)) {
    throw new ArmError(409, 'OperationNotAllowed', `Operation '${operation}' is not allowed on VM '${set.name}_${inst.instanceId}' since another operation is in progress on it.`);
  }
}

export function instancesFor(world: World, set: ScaleSet, instanceIds: unknown, operation: string): Instance[] {
  if (!Array.isArray(instanceIds) || instanceIds.length === 0 || !instanceIds.every((id) => typeof id === 'string')) {
    throw invalidParameter('instanceIds', "Required parameter 'instanceIds' is missing or is not a non-empty list of instance ids.");
  }
  const found = (instanceIds as string[]).map((id) => {
    const inst = set.instances.find((i) => i.instanceId.toLowerCase() === id.toLowerCase());
    if (!inst) throw invalidParameter('instanceIds', `The provided instanceId ${id} is not an active Virtual Machine Scale Set VM instanceId.`);
    return inst;
  });
  for (const inst of found) notBusy(world, set, inst, operation);
  return [...new Set(found)];
}

/** Runs `onDone` when every instance has the current model. */
export function manualUpgrade(world: World, set: ScaleSet, instances: readonly Instance[], onDone: () => void): void {
  const model = modelImage(set);
  const work = instances.filter((i) => i.appliedModel !== set.modelVersion);
  if (work.length === 0) return onDone();
  let remaining = work.length;
  const done = () => {
    if (--remaining === 0) onDone();
  };
  for (const inst of work) {
    if (sameReference(inst.appliedImage, model)) applyModelInPlace(world, set, inst, done);
    else replaceOsDisk(world, set, inst, resolveVersion(world, set, model), { applyModel: true, onDone: done });
  }
}

/** Validates a reimage; returns the version the OS disk will get. */
export function reimageTarget(world: World, set: ScaleSet, inst: Instance, exactVersion: unknown): ImageReference {
  notBusy(world, set, inst, 'reimage');
  if (exactVersion === undefined || exactVersion === null) return inst.osImage;
  if (inst.osImage.id) return galleryReimageTarget(world, set, inst.osImage, exactVersion);
  if (typeof exactVersion !== 'string' || !world.images.has(inst.osImage, set.location, exactVersion, world.now)) {
    const { publisher, offer, sku } = inst.osImage;
    throw new ArmError(404, 'PlatformImageNotFound', `The platform image '${publisher}:${offer}:${sku}:${String(exactVersion)}' is not available. Verify that all fields in the storage profile are correct.`, 'exactVersion');
  }
  return { ...inst.osImage, version: exactVersion };
}

/** `exactVersion` on a gallery image: a usable version of the same definition (none for managed images). */
function galleryReimageTarget(world: World, set: ScaleSet, disk: ImageReference, exactVersion: unknown): ImageReference {
  const parsed = parseImageId(disk.id!);
  if (parsed?.kind !== 'galleryImage') throw invalidParameter('exactVersion', `Parameter 'exactVersion' applies to platform images and gallery image definitions only; the OS disk of this VM comes from ${disk.id}.`);
  if (typeof exactVersion !== 'string') throw invalidParameter('exactVersion', "The value of parameter 'exactVersion' must be a string.");
  const versionId = `${disk.id}/versions/${exactVersion}`;
  world.customImages.resolve(versionId, set.location, world.now);
  return { ...disk, version: exactVersion };
}

export function reimage(world: World, set: ScaleSet, inst: Instance, target: ImageReference, onDone: () => void): void {
  replaceOsDisk(world, set, inst, target, { onDone });
}
