// Creating scale sets (from a scenario or a PUT) and bringing their instance count to sku.capacity.
import { resolveVersion } from '../engine/diskReplacement';
import { createInstance, type InstanceOverrides } from './instanceFactory';
import type { Behaviour, OsType, ScaleSet } from './model';
import { modelImage } from './modelView';
import type { World } from './world';

export interface ScaleSetInit {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly tags?: Record<string, string>;
  readonly sku: { name: string; tier?: string; capacity: number };
  readonly zones?: string[];
  readonly properties: Record<string, unknown>;
  readonly osType: OsType;
  readonly dataDisks?: readonly { lun: number; diskSizeGB: number }[];
  readonly updateDomains?: number;
  readonly faultDomains?: number;
  readonly defaultBehaviour?: Behaviour;
}

/** Server-computed fields a client may echo back; never stored from a request. */
export const readOnlyProperties = ['provisioningState', 'uniqueId', 'timeCreated'];

export function stripReadOnly(properties: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...properties };
  for (const key of readOnlyProperties) delete copy[key];
  return copy;
}

/** A3: the publisher and offer a set is created with are kept, even across a move to a gallery image. */
function platformOrigin(properties: Record<string, unknown>): Pick<ScaleSet, 'platformOrigin'> {
  const ref = (properties.virtualMachineProfile as { storageProfile?: { imageReference?: Record<string, unknown> } } | undefined)?.storageProfile?.imageReference ?? {};
  return typeof ref.publisher === 'string' && typeof ref.offer === 'string' && !ref.id ? { platformOrigin: { publisher: ref.publisher, offer: ref.offer } } : {};
}

export function newScaleSet(world: World, init: ScaleSetInit): ScaleSet {
  const faultDomainCount = typeof init.properties.platformFaultDomainCount === 'number' ? init.properties.platformFaultDomainCount : undefined;
  return {
    subscriptionId: init.subscriptionId,
    resourceGroup: init.resourceGroup,
    name: init.name,
    location: init.location,
    uniqueId: world.newGuid(),
    timeCreated: world.now,
    tags: { ...(init.tags ?? {}) },
    sku: { name: init.sku.name, tier: init.sku.tier ?? 'Standard', capacity: init.sku.capacity },
    ...(init.zones && init.zones.length > 0 ? { zones: [...init.zones] } : {}),
    properties: stripReadOnly(init.properties),
    modelVersion: 1,
    etag: 1,
    instances: [],
    nextInstanceNumber: 0,
    defaultBehaviour: init.defaultBehaviour ?? { kind: 'healthy' },
    ...platformOrigin(init.properties),
    osType: init.osType,
    dataDisks: init.dataDisks ?? [],
    placement: {
      ...(init.zones && init.zones.length > 0 ? { zones: [...init.zones] } : {}),
      updateDomains: init.updateDomains ?? 5,
      faultDomains: init.faultDomains ?? faultDomainCount ?? 5,
    },
    upgradeRuns: [],
  };
}

/** Adds instances until the set has `count`, on the model's image (new VMs get the newest `latest`). */
export function addInstances(world: World, set: ScaleSet, count: number, overrides: (index: number) => InstanceOverrides = () => ({})): void {
  const image = modelImage(set);
  const resolved = resolveVersion(world, set, image);
  for (let i = set.instances.length; i < count; i++) set.instances.push(createInstance(world, set, set.placement, resolved, image, overrides(i)));
}

/**
 * A scale-out (sku.capacity raised): new VMs get fresh instance ids (never reused), the placement rules
 * above and the image the model resolves to now; each boots for `instanceUpgradeMs` (provisioning,
 * Initializing) and then follows its behaviour from the grace period on, like a new OS disk.
 */
export function scaleOut(world: World, set: ScaleSet, liveCount: number, capacity: number): void {
  const image = modelImage(set);
  const resolved = resolveVersion(world, set, image);
  for (let n = liveCount; n < capacity; n++) {
    const k = set.scaledOut ?? 0;
    set.scaledOut = k + 1;
    const scenario = set.scaleOutBehaviours?.[String(k)];
    // A new VM has no earlier version to heal on: neverHealthy means unhealthy on the version it starts with.
    const behaviour: Behaviour | undefined = scenario?.kind === 'neverHealthy' ? { kind: 'unhealthyOnVersion', version: resolved.version } : scenario;
    const inst = createInstance(world, set, set.placement, resolved, image, behaviour ? { behaviour } : {});
    inst.busyUntil = world.now + world.timing.instanceUpgradeMs;
    inst.diskReplacedAt = inst.busyUntil;
    inst.creating = true;
    set.instances.push(inst);
  }
}

/** Scale-in removes the highest instances first (instances already being deleted do not count). */
export function removeInstances(set: ScaleSet, count: number): void {
  let live = 0;
  const keep = set.instances.filter((i) => i.deletingUntil !== undefined || ++live <= count);
  set.instances.splice(0, set.instances.length, ...keep);
}
