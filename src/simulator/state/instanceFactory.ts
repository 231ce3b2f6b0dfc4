// New instances of a scale set (scenario load and scale-out): zones round-robin, then update and
// fault domains spread within each zone; Uniform ids are 0,1,2…, Flexible ids are VM names.
import type { Behaviour, HealthState, ImageReference, Instance, PowerState, ScaleSet } from './model';
import type { World } from './world';

export interface InstancePlacement {
  readonly zones?: readonly string[];
  readonly updateDomains: number;
  readonly faultDomains: number;
}

export interface InstanceOverrides {
  /** A snapshot's id (Uniform: a number, and later ids continue above it; Flexible: the VM name). */
  readonly instanceId?: string;
  readonly zone?: string;
  readonly updateDomain?: number;
  readonly faultDomain?: number;
  readonly powerState?: PowerState;
  readonly health?: HealthState;
  readonly extensionsFailed?: boolean;
  readonly behaviour?: Behaviour;
  readonly osVersion?: string;
}

export function createInstance(
  world: World,
  set: ScaleSet,
  placement: InstancePlacement,
  osImage: ImageReference,
  appliedImage: ImageReference,
  overrides: InstanceOverrides = {},
): Instance {
  const k = set.nextInstanceNumber++;
  const zoneCount = placement.zones?.length ?? 0;
  const slot = zoneCount > 0 ? Math.floor(k / zoneCount) : k;
  const flexible = set.properties.orchestrationMode === 'Flexible';
  const vmId = world.newGuid();
  // A kept Uniform id moves the counter past it: ids are never reused (scale-out continues above).
  const id = overrides.instanceId ?? String(k);
  if (!flexible && overrides.instanceId !== undefined) set.nextInstanceNumber = Math.max(set.nextInstanceNumber, Number(id) + 1);
  const name = flexible ? (overrides.instanceId ?? `${set.name}_${vmId.slice(0, 8)}`) : `${set.name}_${id}`;
  const version = overrides.osVersion ?? osImage.version;
  return {
    instanceId: flexible ? name : id,
    name,
    vmId,
    ...(overrides.zone ? { zone: overrides.zone } : zoneCount > 0 ? { zone: placement.zones![k % zoneCount] } : {}),
    updateDomain: overrides.updateDomain ?? slot % Math.max(1, placement.updateDomains),
    faultDomain: overrides.faultDomain ?? slot % Math.max(1, placement.faultDomains),
    timeCreated: world.now,
    powerState: overrides.powerState ?? 'running',
    osImage: { ...osImage, version },
    originalVersion: version,
    ...(osImage.id ? { originalImageId: osImage.id } : {}),
    appliedModel: set.modelVersion,
    appliedImage,
    baselineHealth: overrides.health ?? 'healthy',
    extensionsFailed: overrides.extensionsFailed ?? false,
    behaviour: overrides.behaviour ?? set.defaultBehaviour,
    etag: 1,
  };
}
