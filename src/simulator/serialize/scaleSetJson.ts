// The scale set resource as ARM returns it (VirtualMachineScaleSets_Get/List): the stored model plus
// the server-computed fields (provisioningState, uniqueId, timeCreated, etag).
import { scaleSetId } from '../state/ids';
import type { ScaleSet } from '../state/model';
import type { World } from '../state/world';
import { iso } from './time';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function scaleSetJson(world: World, set: ScaleSet): Record<string, unknown> {
  const updating = set.updatingUntil !== undefined && world.now < set.updatingUntil;
  return {
    name: set.name,
    id: scaleSetId(set),
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    location: set.location,
    tags: { ...set.tags },
    sku: { ...set.sku },
    ...(set.zones ? { zones: [...set.zones] } : {}),
    etag: etagOf(set.etag),
    properties: {
      singlePlacementGroup: true,
      overprovision: false,
      doNotRunExtensionsOnOverprovisionedVMs: false,
      platformFaultDomainCount: set.zones ? 1 : 5,
      orchestrationMode: 'Uniform',
      ...set.properties,
      provisioningState: updating ? (set.creating ? 'Creating' : 'Updating') : 'Succeeded',
      uniqueId: set.uniqueId,
      timeCreated: iso(set.timeCreated),
    },
  };
}
