// A Flexible set's instance as the standalone VM it is (VirtualMachines_Get / _List, definition
// VirtualMachine): type Microsoft.Compute/virtualMachines, `properties.virtualMachineScaleSet.id`,
// `platformFaultDomain`, `managedBy` (the Flexible set's id, as the spec describes it for a VM in a
// scale set), the model's profiles as applied, and with $expand=instanceView a
// VirtualMachineInstanceView (which has `vmHealth`, and no update domain: Flexible sets have none).
import { scaleSetId, standaloneVmId } from '../state/ids';
import type { Instance, ScaleSet } from '../state/model';
import { vmProfile } from '../state/modelView';
import type { World } from '../state/world';
import { instanceViewJson } from './instanceViewJson';
import { etagOf } from './scaleSetJson';
import { iso } from './time';
import { extensionResources, nicConfigurations, osProfile, pendingOsUpgradeTag, storageProfile } from './vmJson';

type Json = Record<string, unknown>;

function nicId(set: ScaleSet, inst: Instance, nicName: string): string {
  return `/subscriptions/${set.subscriptionId}/resourceGroups/${set.resourceGroup}/providers/Microsoft.Network/networkInterfaces/${inst.name}-${nicName}`;
}

export function standaloneVmJson(world: World, set: ScaleSet, inst: Instance, withInstanceView: boolean): Json {
  const profile = vmProfile(set);
  const id = standaloneVmId(set, inst);
  const busy = inst.busyUntil !== undefined && world.now < inst.busyUntil;
  const nics = nicConfigurations(profile);
  return {
    name: inst.name,
    id,
    type: 'Microsoft.Compute/virtualMachines',
    location: set.location,
    tags: { ...set.tags, ...pendingOsUpgradeTag(set, inst) },
    ...(inst.zone ? { zones: [inst.zone] } : {}),
    etag: etagOf(inst.etag),
    managedBy: scaleSetId(set),
    properties: {
      vmId: inst.vmId,
      hardwareProfile: { vmSize: set.sku.name },
      storageProfile: storageProfile(set, inst, profile),
      osProfile: osProfile(set, inst, profile),
      securityProfile: { securityType: 'Standard', ...(profile.securityProfile as Json | undefined) },
      networkProfile: { networkInterfaces: nics.map((nic) => ({ id: nicId(set, inst, String(nic.name)), properties: { primary: (nic.properties as Json).primary } })) },
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
      virtualMachineScaleSet: { id: scaleSetId(set) },
      platformFaultDomain: inst.faultDomain,
      provisioningState: inst.deletingUntil !== undefined ? 'Deleting' : busy ? 'Updating' : 'Succeeded',
      timeCreated: iso(inst.timeCreated),
      ...(withInstanceView ? { instanceView: instanceViewJson(world, set, inst) } : {}),
    },
    resources: extensionResources(set, inst, id, 'Microsoft.Compute/virtualMachines/extensions'),
  };
}
