// Scenario galleries and managed images into the world (O9, A4), and the start version of a set whose
// model names an image id.
import { onGalleryVersionPublished } from '../engine/automaticUpgrades';
import { definitionId } from '../state/customImages';
import type { ScaleSet } from '../state/model';
import { modelImage } from '../state/modelView';
import type { World } from '../state/world';
import { ScenarioError } from './loadScenario';
import type { Scenario } from './scenarioTypes';

export function addCustomImages(world: World, scenario: Scenario, start: number): void {
  for (const g of scenario.galleries ?? []) {
    for (const image of g.images) {
      world.customImages.definitions.push({
        subscriptionId: g.subscriptionId,
        resourceGroup: g.resourceGroup,
        gallery: g.name,
        name: image.name,
        location: g.location,
        osType: image.osType ?? 'Linux',
        hyperVGeneration: image.hyperVGeneration ?? 'V2',
        identifier: image.identifier ?? { publisher: g.name, offer: image.name, sku: 'default' },
        versions: image.versions.map((v) => {
          const spec = typeof v === 'string' ? { version: v } : v;
          return {
            name: spec.version,
            publishedAt: start + (spec.publishedAtSeconds ?? 0) * 1000,
            excludeFromLatest: spec.excludeFromLatest ?? false,
            regions: spec.regions ?? [g.location],
            provisioningState: spec.provisioningState ?? 'Succeeded',
          };
        }),
      });
    }
  }
  // A4: a release of a gallery version starts automatic OS upgrades on the sets that follow its definition.
  for (const def of world.customImages.definitions) {
    for (const v of def.versions) {
      if (v.publishedAt > start) world.scheduler.schedule(v.publishedAt, `publish ${def.name} ${v.name}`, () => onGalleryVersionPublished(world, definitionId(def), v.regions));
    }
  }
  for (const m of scenario.managedImages ?? []) world.customImages.managedImages.push({ ...m, osType: m.osType ?? 'Linux' });
}

/** Whether instances of `set` can start on `version` (a platform version, or a version of its gallery image). */
export function isStartVersion(world: World, set: ScaleSet, version: string): boolean {
  const image = modelImage(set);
  if (!image.id) return world.images.has(image, set.location, version, world.now);
  if (image.version === 'latest') {
    try {
      world.customImages.resolve(`${image.id}/versions/${version}`, set.location, world.now);
      return true;
    } catch {
      return false;
    }
  }
  // A version id or a managed image: the instances run exactly that.
  return version === image.version;
}

export function assertStartVersion(world: World, set: ScaleSet, version: string, where: string): void {
  if (!isStartVersion(world, set, version)) throw new ScenarioError(`${where}: OS version ${version} is not a version the set's image ${modelImage(set).id ?? ''} can run in ${set.location}.`);
}
