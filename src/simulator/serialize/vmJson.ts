// A scale set VM (VirtualMachineScaleSetVMs_Get/List): its view of the model it runs (storage profile
// with the exact OS image version, network, OS profile), latestModelApplied, extensions as child
// resources and, with $expand=instanceView, the instance view.
import { awaitingApproval } from '../engine/rollingUpgrade';
import { computerNameOf } from '../state/computerName';
import { diskId, instanceResourceId, osDiskName, standaloneVmId } from '../state/ids';
import type { Instance, ScaleSet } from '../state/model';
import { modelExtensions, orchestrationMode, vmProfile } from '../state/modelView';
import type { World } from '../state/world';
import { instanceViewJson } from './instanceViewJson';
import { etagOf } from './scaleSetJson';
import { iso } from './time';

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

export function nicConfigurations(profile: Json): Json[] {
  return arr(obj(profile.networkProfile).networkInterfaceConfigurations).map((nic) => {
    const props = obj(nic.properties);
    return {
      name: nic.name,
      properties: {
        primary: props.primary ?? true,
        enableAcceleratedNetworking: props.enableAcceleratedNetworking ?? false,
        dnsSettings: { dnsServers: [], ...obj(props.dnsSettings) },
        enableIPForwarding: props.enableIPForwarding ?? false,
        ipConfigurations: arr(props.ipConfigurations).map((ip) => ({
          name: ip.name,
          properties: { privateIPAddressVersion: 'IPv4', ...obj(ip.properties) },
        })),
        ...(props.networkSecurityGroup ? { networkSecurityGroup: props.networkSecurityGroup } : {}),
      },
    };
  });
}

export function osProfile(set: ScaleSet, inst: Instance, profile: Json): Json {
  const os = obj(profile.osProfile);
  const platform =
    set.osType === 'Windows'
      ? { windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true, ...obj(os.windowsConfiguration) } }
      : { linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true, ...obj(os.linuxConfiguration) } };
  return {
    computerName: computerNameOf(set, inst),
    adminUsername: os.adminUsername ?? 'azureuser',
    ...platform,
    secrets: [],
    allowExtensionOperations: true,
    requireGuestProvisionSignal: true,
  };
}

/**
 * The instance's image reference: the model's as applied, with `exactVersion` — for a platform image
 * and for a gallery image (its version; for a definition id that is what "latest" resolved to, as
 * ImageReference.version describes). A managed image has no versions, so no exactVersion.
 */
function imageReferenceJson(inst: Instance): Json {
  const applied = inst.appliedImage;
  if (applied.id) return { id: applied.id, ...(inst.osImage.id && inst.osImage.version ? { exactVersion: inst.osImage.version } : {}) };
  return { publisher: applied.publisher, offer: applied.offer, sku: applied.sku, version: applied.version, exactVersion: inst.osImage.version };
}

export function storageProfile(set: ScaleSet, inst: Instance, profile: Json): Json {
  const osDisk = obj(obj(profile.storageProfile).osDisk);
  const accountType = String(obj(osDisk.managedDisk).storageAccountType ?? 'Premium_LRS');
  const name = osDiskName(set, inst);
  return {
    imageReference: imageReferenceJson(inst),
    osDisk: {
      osType: set.osType,
      name,
      createOption: 'FromImage',
      caching: osDisk.caching ?? 'ReadWrite',
      managedDisk: { storageAccountType: accountType, id: diskId(set, name) },
      diskSizeGB: typeof osDisk.diskSizeGB === 'number' ? osDisk.diskSizeGB : 30,
    },
    // A2: data disks survive OS upgrades; their names do not change.
    dataDisks: set.dataDisks.map((d) => {
      const diskName = `${set.name}_${inst.name}_disk${d.lun + 2}_${inst.vmId.replace(/-/g, '').slice(0, 16)}`;
      return { lun: d.lun, name: diskName, createOption: 'Empty', caching: 'None', managedDisk: { storageAccountType: accountType, id: diskId(set, diskName) }, diskSizeGB: d.diskSizeGB, toBeDetached: false };
    }),
  };
}

/**
 * osRollingUpgradeDeferral: Learn (AutomaticOSUpgradePolicy) says the VM is told of the waiting upgrade "via the
 * IMDS tag 'Platform.PendingOSUpgrade'". IMDS shows the VM resource's tags, so the simulator shows the tag
 * on the VM resource. UNVERIFIED: whether ARM's GET of the VM carries it, and its value (here the target version).
 */
export const pendingOsUpgradeTag = (set: ScaleSet, inst: Instance): Record<string, string> => {
  const run = set.upgradeRuns.find((r) => r.code === 'RollingForward');
  return run && awaitingApproval(set).has(inst.instanceId) ? { 'Platform.PendingOSUpgrade': run.target.version } : {};
};

export function vmJson(world: World, set: ScaleSet, inst: Instance, withInstanceView: boolean): Json {
  const profile = vmProfile(set);
  const id = instanceResourceId(set, inst);
  const busy = inst.busyUntil !== undefined && world.now < inst.busyUntil;
  const flexible = orchestrationMode(set) === 'Flexible';
  const nics = nicConfigurations(profile);
  return {
    name: inst.name,
    id,
    type: 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines',
    location: set.location,
    tags: { ...set.tags, ...pendingOsUpgradeTag(set, inst) },
    instanceId: inst.instanceId,
    ...(flexible ? {} : { sku: { name: set.sku.name, tier: set.sku.tier } }),
    ...(inst.zone ? { zones: [inst.zone] } : {}),
    etag: etagOf(inst.etag),
    properties: {
      latestModelApplied: inst.appliedModel === set.modelVersion,
      modelDefinitionApplied: 'VirtualMachineScaleSet',
      vmId: inst.vmId,
      ...(flexible ? { virtualMachineResourceId: standaloneVmId(set, inst) } : {}),
      networkProfileConfiguration: { networkInterfaceConfigurations: nics },
      storageProfile: storageProfile(set, inst, profile),
      osProfile: osProfile(set, inst, profile),
      networkProfile: { networkInterfaces: nics.map((nic) => ({ id: `${id}/networkInterfaces/${String(nic.name)}` })) },
      securityProfile: { securityType: 'Standard', ...obj(profile.securityProfile) },
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
      provisioningState: inst.deletingUntil !== undefined ? 'Deleting' : busy ? (inst.creating ? 'Creating' : 'Updating') : 'Succeeded',
      timeCreated: iso(inst.timeCreated),
      ...(withInstanceView ? { instanceView: instanceViewJson(world, set, inst) } : {}),
    },
    resources: extensionResources(set, inst, id, 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/extensions'),
  };
}

/** The model's extensions as child resources of one VM (`type` differs for a VMSS VM and a standalone VM). */
export function extensionResources(set: ScaleSet, inst: Instance, vmId: string, type: string): Json[] {
  return modelExtensions(set).map((e) => ({
    name: e.name,
    id: `${vmId}/extensions/${e.name}`,
    type,
    location: set.location,
    properties: {
      autoUpgradeMinorVersion: true,
      provisioningState: inst.extensionsFailed ? 'Failed' : 'Succeeded',
      publisher: e.publisher,
      type: e.type,
      typeHandlerVersion: e.typeHandlerVersion,
      settings: e.settings,
    },
  }));
}
