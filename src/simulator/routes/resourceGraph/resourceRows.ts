// The `Resources` table of the simulated world: scale sets and load balancers, with Resource
// Graph's conventions (lower-case type and resource group, full `properties`).
import { loadBalancerId, probeId } from '../../state/ids';
import type { World } from '../../state/world';
import { scaleSetJson } from '../../serialize/scaleSetJson';
import type { Row } from './kqlSubset';

export function resourceRows(world: World): Row[] {
  const tenantOf = (subscriptionId: string) => world.subscription(subscriptionId)?.tenantId ?? '';
  const sets = world.scaleSets.map((set) => {
    const arm = scaleSetJson(world, set);
    return {
      id: arm.id,
      name: set.name,
      type: 'microsoft.compute/virtualmachinescalesets',
      tenantId: tenantOf(set.subscriptionId),
      kind: '',
      location: set.location.toLowerCase(),
      resourceGroup: set.resourceGroup.toLowerCase(),
      subscriptionId: set.subscriptionId,
      managedBy: '',
      sku: arm.sku,
      plan: null,
      properties: arm.properties,
      tags: arm.tags,
      identity: null,
      zones: set.zones ?? null,
      extendedLocation: null,
    };
  });
  const balancers = world.loadBalancers.map((lb) => ({
    id: loadBalancerId(lb),
    name: lb.name,
    type: 'microsoft.network/loadbalancers',
    tenantId: tenantOf(lb.subscriptionId),
    kind: '',
    location: lb.location.toLowerCase(),
    resourceGroup: lb.resourceGroup.toLowerCase(),
    subscriptionId: lb.subscriptionId,
    managedBy: '',
    sku: { name: lb.sku, tier: 'Regional' },
    plan: null,
    properties: { provisioningState: 'Succeeded', probes: lb.probes.map((p) => ({ name: p, id: probeId(lb, p), properties: { protocol: 'Http', port: 80, requestPath: '/health', intervalInSeconds: 5, numberOfProbes: 2 } })) },
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
  }));
  return [...sets, ...balancers];
}
