// Builds the readiness ScaleSetModel of one Bicep scale set resource — the same model the ARM path
// builds (src/lint/modelFromTemplate.ts), so every rule (R1–R16, RA1, RM1, the rolling-policy
// checks) runs unchanged. The apiVersion is the `@…` of the resource's type string; extensions come
// from the profile, from nested `resource … 'extensions'` and from top-level ones with `parent:`.
import { asString, judge } from '../readiness/facts';
import type { ExtensionModel, Fact, ModelShape, RollingPolicyProperty, ScaleSetModel } from '../readiness/model';
import { isUnknown, isValueObject, type Value } from '../readiness/value';
import { BicepCursor, bicepAnchorRange } from './bicepCursor';
import { bicepCredentialUses } from './bicepCredentials';
import { isDeployed, type BicepResource } from './bicepResources';
import { firstNamed } from './syntax';

export const scaleSetType = 'microsoft.compute/virtualmachinescalesets';

export function isJudgedBicepScaleSet(resource: BicepResource): boolean {
  return resource.type.toLowerCase() === scaleSetType && isDeployed(resource);
}

function sameName(a: Value, b: Value): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

function shapeOf(profile: BicepCursor): ModelShape {
  const presence = profile.presence();
  if (presence === 'absent') return 'no-profile';
  if (presence === 'unknown') return 'full';
  return profile.get('storageProfile').presence() === 'absent' ? 'partial' : 'full';
}

/** Windows or Linux from the OS disk, the OS configuration, or the image publisher (as the ARM path). */
function osTypeFact(profile: BicepCursor, publisher: Fact, offer: Fact): Fact {
  const osDiskType = profile.path('storageProfile.osDisk.osType').fact();
  if (osDiskType.state === 'set' || (osDiskType.state === 'unknown' && !osDiskType.mayBeAbsent)) return osDiskType;
  const windowsConfig = profile.path('osProfile.windowsConfiguration').fact();
  const linuxConfig = profile.path('osProfile.linuxConfiguration').fact();
  const windows = judge(windowsConfig, (v) => isValueObject(v));
  const linux = judge(linuxConfig, (v) => isValueObject(v));
  if (windows === 'yes') return { state: 'set', value: 'Windows', origin: windowsConfig.origin };
  if (linux === 'yes') return { state: 'set', value: 'Linux', origin: linuxConfig.origin };
  if (windows === 'unknown' || linux === 'unknown') {
    const basis = windows === 'unknown' ? windowsConfig : linuxConfig;
    const reason = basis.state === 'unknown' ? basis.reason : 'the OS configuration depends on deployment';
    return { state: 'unknown', reason, alternatives: ['Windows', 'Linux'], origin: basis.origin };
  }
  if (publisher.state === 'set' && !isUnknown(publisher.value)) {
    const text = `${asString(publisher.value) ?? ''}/${offer.state === 'set' ? (asString(offer.value) ?? '') : ''}`.toLowerCase();
    const os = /windows/.test(text) ? 'Windows' : /canonical|openlogic|redhat|suse|debian|coreos|oracle|cblmariner|ubuntu|centos|rhel|linux/.test(text) ? 'Linux' : undefined;
    if (os) return { state: 'set', value: os, origin: { ...publisher.origin, description: `image ${publisher.origin.description}` } };
  }
  if (osDiskType.state === 'unknown') return osDiskType;
  if (publisher.state === 'unknown') return { state: 'unknown', reason: publisher.reason, origin: publisher.origin };
  return { state: 'absent', origin: windowsConfig.origin };
}

function rollingPolicyProperties(policy: BicepCursor): RollingPolicyProperty[] {
  const keys = policy.keys();
  if (keys.length > 0) return keys.map(({ name, range }) => ({ name, nameOrigin: { description: `${policy.description}.${name}`, range }, value: policy.get(name).fact() }));
  const fact = policy.fact();
  if (fact.state === 'set' && isValueObject(fact.value)) return Object.keys(fact.value).map((name) => ({ name, nameOrigin: fact.origin, value: policy.get(name).fact() }));
  return [];
}

function extensionModel(item: BicepCursor, resource: BicepResource): ExtensionModel {
  const properties = item.get('properties');
  const propertiesNode = properties.node ?? (item.node ? undefined : item.anchor);
  return {
    origin: item.origin,
    name: item.get('name').fact(),
    publisher: properties.get('publisher').fact(),
    type: properties.get('type').fact(),
    typeHandlerVersion: properties.get('typeHandlerVersion').fact(),
    durabilityLevel: properties.path('settings.durabilityLevel').fact(),
    credentials: bicepCredentialUses(propertiesNode, resource.file, item.description),
  };
}

/** Extension resources (nested, or top-level with `parent:` or a `set/ext` name) of this scale set. */
function childExtensions(scaleSet: BicepResource, all: readonly BicepResource[]): ExtensionModel[] {
  return all
    .filter((r) => r.type.toLowerCase() === `${scaleSetType}/extensions` && isDeployed(r) && r.body && r.file === scaleSet.file)
    .filter((r) => {
      if (r.parent) return r.parent === scaleSet;
      const parentName = typeof r.name === 'string' && r.name.includes('/') ? r.name.split('/')[0] : undefined;
      if (parentName !== undefined && typeof scaleSet.name === 'string') return sameName(parentName, scaleSet.name);
      return all.filter((s) => isJudgedBicepScaleSet(s) && s.file === scaleSet.file).length === 1;
    })
    .map((r) => extensionModel(BicepCursor.at(r.body!, r.file, r.locals, `extension resource '${r.symbol}'`), r));
}

function loadBalancerSkuFact(probeId: Fact, all: readonly BicepResource[]): Fact {
  const origin = probeId.origin;
  if (probeId.state !== 'set' || typeof probeId.value !== 'string') {
    return { state: 'unknown', reason: probeId.state === 'unknown' ? probeId.reason : 'the probe id is not a string', origin };
  }
  const match = /\/loadBalancers\/([^/]+)\/probes\//i.exec(probeId.value);
  if (!match) return { state: 'unknown', reason: 'the probe id does not name a load balancer', origin };
  const loadBalancer = all.find((r) => r.type.toLowerCase() === 'microsoft.network/loadbalancers' && !r.existing && sameName(r.name, match[1]) && r.body);
  if (!loadBalancer) return { state: 'unknown', reason: `load balancer '${match[1]}' is not in this file`, origin };
  return BicepCursor.at(loadBalancer.body!, loadBalancer.file, loadBalancer.locals, `load balancer '${match[1]}'`).path('sku.name').fact();
}

export function scaleSetModelFromBicep(resource: BicepResource, all: readonly BicepResource[]): ScaleSetModel {
  const body = resource.body!;
  const root = BicepCursor.at(body, resource.file, resource.locals, '');
  const properties = root.get('properties');
  const profile = properties.get('virtualMachineProfile');
  const storage = profile.get('storageProfile');
  const image = storage.get('imageReference');
  const upgradePolicy = properties.get('upgradePolicy');
  const automatic = upgradePolicy.get('automaticOSUpgradePolicy');
  const rolling = upgradePolicy.get('rollingUpgradePolicy');
  const windowsConfig = profile.path('osProfile.windowsConfiguration');
  const linuxConfig = profile.path('osProfile.linuxConfiguration');
  const healthProbeId = profile.path('networkProfile.healthProbe.id').fact();
  const publisher = image.get('publisher').fact();
  const offer = image.get('offer').fact();

  const extensionList = profile.path('extensionProfile.extensions');
  const extensionItems = extensionList.items();
  const extensions: ExtensionModel[] = isUnknown(extensionItems) ? [] : extensionItems.map((item) => extensionModel(item, resource));
  if (!extensionList.node && extensions.length > 0) {
    const listCredentials = bicepCredentialUses(extensionList.anchor, resource.file, extensionList.description);
    extensions[0] = { ...extensions[0], credentials: [...extensions[0].credentials, ...listCredentials] };
  }
  extensions.push(...childExtensions(resource, all));

  const nameNode = root.get('name');
  const label = typeof resource.name === 'string' ? resource.name : resource.symbol;
  const typeString = firstNamed(resource.declaration, 'string');
  const apiVersionOrigin = { description: `resource type '${typeString?.text ?? ''}'`, range: typeString ? bicepAnchorRange(typeString) : bicepAnchorRange(resource.declaration) };
  const apiVersion: Fact = resource.apiVersion ? { state: 'set', value: resource.apiVersion, origin: apiVersionOrigin } : { state: 'absent', origin: apiVersionOrigin };
  return {
    label,
    origin: { description: `scale set '${label}'`, range: nameNode.presence() === 'absent' ? bicepAnchorRange(resource.declaration) : bicepAnchorRange(nameNode.anchor) },
    shape: shapeOf(profile),
    apiVersion,
    orchestrationMode: properties.get('orchestrationMode').fact(),
    osType: osTypeFact(profile, publisher, offer),
    imageReference: image.fact(),
    imagePublisher: publisher,
    imageOffer: offer,
    imageSku: image.get('sku').fact(),
    imageVersion: image.get('version').fact(),
    imageId: image.get('id').fact(),
    sharedGalleryImageId: image.get('sharedGalleryImageId').fact(),
    communityGalleryImageId: image.get('communityGalleryImageId').fact(),
    plan: root.get('plan').fact(),
    osDiskImageUri: storage.path('osDisk.image.uri').fact(),
    upgradeMode: upgradePolicy.get('mode').fact(),
    enableAutomaticOSUpgrade: automatic.get('enableAutomaticOSUpgrade').fact(),
    useRollingUpgradePolicy: automatic.get('useRollingUpgradePolicy').fact(),
    osRollingUpgradeDeferral: automatic.get('osRollingUpgradeDeferral').fact(),
    legacyAutomaticOSUpgrade: upgradePolicy.get('automaticOSUpgrade').fact(),
    rollingUpgradePolicy: rolling.fact(),
    rollingUpgradePolicyProperties: rollingPolicyProperties(rolling),
    automaticRepairsEnabled: properties.path('automaticRepairsPolicy.enabled').fact(),
    enableAutomaticUpdates: windowsConfig.get('enableAutomaticUpdates').fact(),
    windowsPatchMode: windowsConfig.path('patchSettings.patchMode').fact(),
    linuxPatchMode: linuxConfig.path('patchSettings.patchMode').fact(),
    healthProbeId,
    healthProbeLoadBalancerSku: loadBalancerSkuFact(healthProbeId, all),
    singlePlacementGroup: properties.get('singlePlacementGroup').fact(),
    extensions,
    extensionsUnknown: isUnknown(extensionItems) ? { reason: extensionItems.reason, origin: extensionList.origin } : undefined,
  };
}
