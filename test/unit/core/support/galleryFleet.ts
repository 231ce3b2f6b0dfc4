// The property-test fleet (fleetScenario) with an Azure Compute Gallery and a managed image (O9, A4):
// definition `web` with 1.0.0, 1.1.0, 1.2.0 (excluded from latest) and 1.3.0 (replicated to eastus
// only), a Windows definition `win`, and the managed image `golden`.
import type { Scenario } from '../../../../src/simulator/simulator-entry';
import { fleetScenario, subscriptionId, type FleetInstance } from './fleetScenario';

export const group = `/subscriptions/${subscriptionId}/resourceGroups/rg-images/providers/Microsoft.Compute`;
export const web = `${group}/galleries/contoso/images/web`;
export const golden = `${group}/images/golden`;
export const version = (v: string) => `${web}/versions/${v}`;

/** The property-test fleet plus a gallery (1.0.0, 1.1.0, 1.2.0 excluded from latest, 1.3.0 elsewhere) and a managed image. */
export function galleryFleet(instances: FleetInstance[], setImage?: { id: string }, osVersion?: string): Scenario {
  const scenario = fleetScenario({ seed: 3, instances, zones: 0, updateDomains: 5, faultDomains: 3, faults: [] });
  const set = scenario.scaleSets[0] as { image: unknown; osVersion?: string };
  if (setImage) {
    set.image = setImage;
    set.osVersion = osVersion;
  }
  return {
    ...scenario,
    galleries: [
      {
        subscriptionId,
        resourceGroup: 'rg-images',
        name: 'contoso',
        location: 'westeurope',
        images: [
          { name: 'web', versions: ['1.0.0', '1.1.0', { version: '1.2.0', excludeFromLatest: true }, { version: '1.3.0', regions: ['eastus'] }] },
          { name: 'win', osType: 'Windows', versions: ['1.0.0'] },
        ],
      },
    ],
    managedImages: [{ subscriptionId, resourceGroup: 'rg-images', name: 'golden', location: 'westeurope' }],
  };
}

