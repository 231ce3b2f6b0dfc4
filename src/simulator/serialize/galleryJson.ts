// Gallery image definitions and versions (GalleryRP 2025-03-03) and managed images (Images_Get), in
// the shapes of the REST spec's examples. Versions are replicated with one replica per target region.
import { regionDisplayName } from './regionName';
import { definitionId, managedImageId, type GalleryImageDefinition, type GalleryImageVersion, type ManagedImage } from '../state/customImages';
import { iso } from './time';

type Json = Record<string, unknown>;

export function galleryImageJson(def: GalleryImageDefinition): Json {
  return {
    id: definitionId(def),
    name: def.name,
    type: 'Microsoft.Compute/galleries/images',
    location: def.location,
    properties: {
      osType: def.osType,
      osState: 'Generalized',
      hyperVGeneration: def.hyperVGeneration,
      identifier: { ...def.identifier },
      provisioningState: 'Succeeded',
    },
  };
}

export function galleryImageVersionJson(def: GalleryImageDefinition, v: GalleryImageVersion): Json {
  const scope = `/subscriptions/${def.subscriptionId}/resourceGroups/${def.resourceGroup}`;
  return {
    id: `${definitionId(def)}/versions/${v.name}`,
    name: v.name,
    type: 'Microsoft.Compute/galleries/images/versions',
    location: def.location,
    properties: {
      publishingProfile: {
        targetRegions: v.regions.map((name) => ({ name: regionDisplayName(name), regionalReplicaCount: 1, storageAccountType: 'Standard_LRS', excludeFromLatest: v.excludeFromLatest })),
        replicaCount: 1,
        excludeFromLatest: v.excludeFromLatest,
        publishedDate: iso(v.publishedAt),
        storageAccountType: 'Standard_LRS',
      },
      storageProfile: {
        source: { id: `${scope}/providers/Microsoft.Compute/virtualMachines/${def.name}-build-${v.name}` },
        osDiskImage: { sizeInGB: def.osType === 'Windows' ? 127 : 30, hostCaching: 'ReadWrite' },
        dataDiskImages: [],
      },
      safetyProfile: { allowDeletionOfReplicatedLocations: true, reportedForPolicyViolation: false, policyViolations: [], blockDeletionBeforeEndOfLife: false },
      provisioningState: v.provisioningState,
    },
  };
}

export function managedImageJson(image: ManagedImage): Json {
  const scope = `/subscriptions/${image.subscriptionId}/resourceGroups/${image.resourceGroup}`;
  return {
    id: managedImageId(image),
    name: image.name,
    type: 'Microsoft.Compute/images',
    location: image.location,
    properties: {
      storageProfile: {
        osDisk: {
          osType: image.osType,
          snapshot: { id: `${scope}/providers/Microsoft.Compute/snapshots/${image.name}-os` },
          managedDisk: { id: `${scope}/providers/Microsoft.Compute/disks/${image.name}-os` },
          osState: 'Generalized',
          storageAccountType: 'Standard_LRS',
          diskSizeGB: image.osType === 'Windows' ? 127 : 30,
        },
        dataDisks: [],
        zoneResilient: true,
      },
      provisioningState: 'Succeeded',
    },
  };
}
