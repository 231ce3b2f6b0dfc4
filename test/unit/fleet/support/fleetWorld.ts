// A small fleet for the fleet tests: two subscriptions, three regions (West Europe and North Europe are
// an Azure region pair; Sweden Central is paired with neither), sets tagged by ring, two node types of
// one Service Fabric cluster, a set already on the target and one without a health signal.
import type { ScaleSetSpec, Scenario } from '../../../../src/simulator/scenario/scenarioTypes';

export const tenantId = '00000000-0000-4000-8000-00000000f1ee';
export const subA = 'aaaaaaaa-0000-4000-8000-000000000001';
export const subB = 'bbbbbbbb-0000-4000-8000-000000000002';
export const image = { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
export const oldVersion = '24.04.202410020';
export const newVersion = '24.04.202411050';
export const clusterEndpoint = 'https://westeurope.servicefabric.azure.com/runtime/clusters/00000000-0000-0000-0000-0000000000cf';

export function setId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`;
}

export function fleetSet(name: string, subscriptionId: string, location: string, extra: Partial<ScaleSetSpec> = {}): ScaleSetSpec {
  return {
    subscriptionId,
    resourceGroup: 'rg-fleet',
    name,
    location,
    image: { ...image, version: 'latest' },
    osVersion: oldVersion,
    healthSignal: { kind: 'extension' },
    upgradePolicy: { mode: 'Manual' },
    updateDomains: 2,
    faultDomains: 2,
    instances: { count: 3 },
    ...extra,
  };
}

export function serviceFabricNodeType(name: string, extra: Partial<ScaleSetSpec> = {}): ScaleSetSpec {
  return fleetSet(name, subA, 'westeurope', {
    healthSignal: { kind: 'none' },
    extensions: [{ name: 'ServiceFabricNode', publisher: 'Microsoft.Azure.ServiceFabric', type: 'ServiceFabricLinuxNode', typeHandlerVersion: '1.1', settings: { clusterEndpoint, nodeTypeRef: name, durabilityLevel: 'Silver' } }],
    ...extra,
  });
}

export function fleetWorld(scaleSets: ScaleSetSpec[], extra: Partial<Scenario> = {}): Scenario {
  return {
    seed: 17,
    startTime: '2026-11-01T00:00:00Z',
    timing: { modelUpdateSeconds: 5, instanceUpgradeSeconds: 60, healthGraceSeconds: 30, healthWaitSeconds: 300, healthCheckIntervalSeconds: 5 },
    tenants: [{ tenantId, displayName: 'Fleet tests' }],
    subscriptions: [
      { subscriptionId: subA, displayName: 'Fleet A', tenantId },
      { subscriptionId: subB, displayName: 'Fleet B', tenantId },
    ],
    images: [{ ...image, locations: ['westeurope', 'northeurope', 'swedencentral'], versions: [oldVersion, newVersion] }],
    scaleSets,
    ...extra,
  };
}

/** The standard test fleet: ring 0 (canary) in A/westeurope, ring 1 in A/westeurope and B/swedencentral, ring 2 in B/northeurope. */
export function standardFleet(): Scenario {
  return fleetWorld([
    fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }),
    fleetSet('web-we-1', subA, 'westeurope', { tags: { ring: '1' } }),
    fleetSet('web-sc-1', subB, 'swedencentral', { tags: { ring: '1' } }),
    fleetSet('web-ne-2', subB, 'northeurope', { tags: { ring: '2' } }),
    fleetSet('web-done', subA, 'westeurope', { tags: { ring: '1' }, osVersion: newVersion }),
  ]);
}
