// The live adapter: builds the readiness ScaleSetModel from a scale set as @azure/arm-compute
// 24.x returns it (flattened models: vmss.upgradePolicy, vmss.virtualMachineProfile, …), plus
// facts the caller looked up elsewhere (the probe's load balancer SKU, the Service Fabric node
// type, the scale set's instance view). Origins are the SDK property paths; there are no ranges.
import type {
  VirtualMachineScaleSet,
  VirtualMachineScaleSetExtension,
  VirtualMachineScaleSetInstanceView,
} from '@azure/arm-compute';
import type { CredentialUse, ExtensionModel, Fact, RollingPolicyProperty, ScaleSetModel } from './model';
import type { Value } from './value';

/** The api-version @azure/arm-compute 24.1.0 reads scale sets with. */
export const sdkComputeApiVersion = '2026-03-01';

export interface LiveFacts {
  /** The Compute api-version the scale set was read with (default: the SDK's). */
  readonly apiVersion?: string;
  /** SKU name of the load balancer that holds the health probe; null when it has none (Basic). */
  readonly healthProbeLoadBalancerSku?: string | null;
  /** The Service Fabric cluster's node type this set backs, when the caller read the cluster. */
  readonly serviceFabricNodeType?: { readonly name: string; readonly durabilityLevel?: string; readonly isStateless?: boolean };
  /** The scale set's instance view (orchestration services: is AutomaticRepairs running?). */
  readonly instanceView?: VirtualMachineScaleSetInstanceView;
}

function fact(value: unknown, description: string): Fact {
  if (value === undefined || value === null) return { state: 'absent', origin: { description } };
  return { state: 'set', value: toValue(value), origin: { description } };
}

function toValue(value: unknown): Value {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toValue);
  if (typeof value === 'object') {
    const out: Record<string, Value> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) if (item !== undefined) out[key] = toValue(item);
    return out;
  }
  return String(value);
}

const sasPattern = /[?&]sig=[^&]+/i;
const keyName = /(storage)?account_?key|storagekey/i;

/** Credentials visible in an extension's (public) settings; protectedSettings never come back from Azure. */
function settingsCredentials(settings: unknown, description: string): CredentialUse[] {
  const uses: CredentialUse[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (sasPattern.test(value)) uses.push({ kind: 'sas-token', detail: `a SAS URL in ${path}`, origin: { description: path } });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (keyName.test(key) && typeof item === 'string' && item.length > 0) uses.push({ kind: 'storage-key', detail: `${path}.${key}`, origin: { description: `${path}.${key}` } });
        else visit(item, `${path}.${key}`);
      }
    }
  };
  visit(settings, description);
  return uses;
}

function extensionModel(extension: VirtualMachineScaleSetExtension, index: number): ExtensionModel {
  const base = `virtualMachineProfile.extensionProfile.extensions[${index}]`;
  const settings = extension.settings as Record<string, unknown> | undefined;
  return {
    origin: { description: `${base} (${extension.name ?? 'extension'})` },
    name: fact(extension.name, `${base}.name`),
    publisher: fact(extension.publisher, `${base}.publisher`),
    // The SDK flattens the extension's own `type` to typePropertiesType (`type` is the resource type).
    type: fact(extension.typePropertiesType, `${base}.typePropertiesType`),
    typeHandlerVersion: fact(extension.typeHandlerVersion, `${base}.typeHandlerVersion`),
    durabilityLevel: fact(settings?.durabilityLevel, `${base}.settings.durabilityLevel`),
    credentials: settingsCredentials(settings, `${base}.settings`),
  };
}

function automaticRepairsFact(vmss: VirtualMachineScaleSet, instanceView: VirtualMachineScaleSetInstanceView | undefined): Fact {
  const policy = fact(vmss.automaticRepairsPolicy?.enabled, 'automaticRepairsPolicy.enabled');
  const service = instanceView?.orchestrationServices?.find((s) => s.serviceName === 'AutomaticRepairs');
  if (policy.state === 'absent' && service?.serviceState) {
    return fact(service.serviceState === 'Running', `instanceView.orchestrationServices[AutomaticRepairs].serviceState (${service.serviceState})`);
  }
  return policy;
}

export function scaleSetModelFromLive(vmss: VirtualMachineScaleSet, facts: LiveFacts = {}): ScaleSetModel {
  const profile = vmss.virtualMachineProfile;
  const image = profile?.storageProfile?.imageReference;
  const policy = vmss.upgradePolicy;
  const rolling = policy?.rollingUpgradePolicy;
  const windows = profile?.osProfile?.windowsConfiguration;
  const linux = profile?.osProfile?.linuxConfiguration;
  const imagePath = 'virtualMachineProfile.storageProfile.imageReference';
  const osType =
    profile?.storageProfile?.osDisk?.osType !== undefined
      ? fact(profile.storageProfile.osDisk.osType, 'virtualMachineProfile.storageProfile.osDisk.osType')
      : windows
        ? fact('Windows', 'virtualMachineProfile.osProfile.windowsConfiguration')
        : linux
          ? fact('Linux', 'virtualMachineProfile.osProfile.linuxConfiguration')
          : fact(undefined, 'virtualMachineProfile.storageProfile.osDisk.osType');
  const rollingProperties: RollingPolicyProperty[] = Object.entries(rolling ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ({ name, nameOrigin: { description: `upgradePolicy.rollingUpgradePolicy.${name}` }, value: fact(value, `upgradePolicy.rollingUpgradePolicy.${name}`) }));
  const sku = facts.healthProbeLoadBalancerSku;
  const label = vmss.name ?? vmss.id ?? 'scale set';
  return {
    label,
    origin: { description: vmss.id ?? `scale set '${label}'` },
    shape: profile ? (profile.storageProfile ? 'full' : 'partial') : 'no-profile',
    apiVersion: facts.apiVersion ? fact(facts.apiVersion, 'api-version of the read') : fact(sdkComputeApiVersion, 'api-version of @azure/arm-compute 24.1.0'),
    orchestrationMode: fact(vmss.orchestrationMode, 'orchestrationMode'),
    osType,
    imageReference: fact(image, imagePath),
    imagePublisher: fact(image?.publisher, `${imagePath}.publisher`),
    imageOffer: fact(image?.offer, `${imagePath}.offer`),
    imageSku: fact(image?.sku, `${imagePath}.sku`),
    imageVersion: fact(image?.version, `${imagePath}.version`),
    imageId: fact(image?.id, `${imagePath}.id`),
    sharedGalleryImageId: fact(image?.sharedGalleryImageId, `${imagePath}.sharedGalleryImageId`),
    communityGalleryImageId: fact(image?.communityGalleryImageId, `${imagePath}.communityGalleryImageId`),
    plan: fact(vmss.plan, 'plan'),
    osDiskImageUri: fact(profile?.storageProfile?.osDisk?.image?.uri, 'virtualMachineProfile.storageProfile.osDisk.image.uri'),
    upgradeMode: fact(policy?.mode, 'upgradePolicy.mode'),
    enableAutomaticOSUpgrade: fact(policy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade, 'upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade'),
    useRollingUpgradePolicy: fact(policy?.automaticOSUpgradePolicy?.useRollingUpgradePolicy, 'upgradePolicy.automaticOSUpgradePolicy.useRollingUpgradePolicy'),
    osRollingUpgradeDeferral: fact(policy?.automaticOSUpgradePolicy?.osRollingUpgradeDeferral, 'upgradePolicy.automaticOSUpgradePolicy.osRollingUpgradeDeferral'),
    // The pre-2018-10-01 preview property does not exist in current API versions.
    legacyAutomaticOSUpgrade: fact(undefined, 'upgradePolicy.automaticOSUpgrade'),
    rollingUpgradePolicy: fact(rolling, 'upgradePolicy.rollingUpgradePolicy'),
    rollingUpgradePolicyProperties: rollingProperties,
    automaticRepairsEnabled: automaticRepairsFact(vmss, facts.instanceView),
    enableAutomaticUpdates: fact(windows?.enableAutomaticUpdates, 'virtualMachineProfile.osProfile.windowsConfiguration.enableAutomaticUpdates'),
    windowsPatchMode: fact(windows?.patchSettings?.patchMode, 'virtualMachineProfile.osProfile.windowsConfiguration.patchSettings.patchMode'),
    linuxPatchMode: fact(linux?.patchSettings?.patchMode, 'virtualMachineProfile.osProfile.linuxConfiguration.patchSettings.patchMode'),
    healthProbeId: fact(profile?.networkProfile?.healthProbe?.id, 'virtualMachineProfile.networkProfile.healthProbe.id'),
    healthProbeLoadBalancerSku:
      sku === undefined
        ? { state: 'unknown', reason: "the health probe's load balancer was not read", origin: { description: 'load balancer of the health probe' } }
        : fact(sku, 'load balancer sku.name'),
    singlePlacementGroup: fact(vmss.singlePlacementGroup, 'singlePlacementGroup'),
    extensions: (profile?.extensionProfile?.extensions ?? []).map(extensionModel),
    serviceFabricNodeType: facts.serviceFabricNodeType
      ? {
          name: fact(facts.serviceFabricNodeType.name, 'cluster nodeTypes[].name'),
          durabilityLevel: fact(facts.serviceFabricNodeType.durabilityLevel, `cluster nodeType '${facts.serviceFabricNodeType.name}'.durabilityLevel`),
          isStateless: fact(facts.serviceFabricNodeType.isStateless, `cluster nodeType '${facts.serviceFabricNodeType.name}'.isStateless`),
        }
      : undefined,
  };
}
