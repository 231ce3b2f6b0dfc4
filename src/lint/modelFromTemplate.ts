// Builds the readiness ScaleSetModel of one scale set resource in a template: every value read
// through a TemplateCursor (so it carries its source and position), the apiVersion resolved
// through the top-level apiProfile when the resource has none, child extension resources and
// the Service Fabric cluster's node type looked up among the template's other resources.
import { asString, judge, possibleValues } from '../readiness/facts';
import type { ExtensionModel, Fact, ModelShape, OsImageMaintenanceWindow, RollingPolicyProperty, ScaleSetModel, ServiceFabricNodeType } from '../readiness/model';
import { Unknown, fromAlternatives, isUnknown, isValueObject, type Value } from '../readiness/value';
import { computeApiVersionOfProfile } from './apiProfiles';
import { credentialUses } from './credentialUses';
import { childValue, stringOf } from './jsonNodes';
import { TemplateCursor, anchorRange } from './templateCursor';
import { resourcesOfType } from './resourceIndex';
import { isDeployed, type TemplateResource } from './templateResources';

const scaleSetType = 'microsoft.compute/virtualmachinescalesets';

export function isScaleSet(resource: TemplateResource): boolean {
  return resource.type.toLowerCase() === scaleSetType;
}

function sameName(a: Value, b: Value): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

function resourceLabel(resource: TemplateResource): string {
  if (typeof resource.name === 'string') return resource.name;
  const raw = stringOf(childValue(resource.node, 'name'));
  return raw ?? 'scale set';
}

function apiVersionFact(resource: TemplateResource, root: TemplateCursor): Fact {
  const own = root.get('apiVersion').fact();
  if (own.state !== 'absent') return own;
  const profileNode = childValue(resource.template, 'apiProfile');
  const profile = stringOf(profileNode);
  if (!profileNode || profile === undefined) return own;
  const origin = { description: `apiProfile '${profile}'`, range: anchorRange(profileNode) };
  const version = computeApiVersionOfProfile(profile);
  if (version) return { state: 'set', value: version, origin: { ...origin, description: `apiProfile '${profile}' → Microsoft.Compute ${version}` } };
  return { state: 'unknown', reason: `the Compute API version of apiProfile '${profile}' is not known to the linter`, origin };
}

function shapeOf(profile: TemplateCursor): ModelShape {
  const presence = profile.presence();
  if (presence === 'absent') return 'no-profile';
  if (presence === 'unknown') return 'full';
  return profile.get('storageProfile').presence() === 'absent' ? 'partial' : 'full';
}

/** Windows or Linux from the OS disk, the OS configuration, or the image publisher. */
function osTypeFact(profile: TemplateCursor, publisher: Fact, offer: Fact): Fact {
  const osDiskType = profile.path('storageProfile.osDisk.osType').fact();
  if (osDiskType.state === 'set' || (osDiskType.state === 'unknown' && !osDiskType.mayBeAbsent)) return osDiskType;
  const windowsConfig = profile.path('osProfile.windowsConfiguration').fact();
  const linuxConfig = profile.path('osProfile.linuxConfiguration').fact();
  const isObject = (v: Value | undefined) => isValueObject(v);
  const windows = judge(windowsConfig, isObject);
  const linux = judge(linuxConfig, isObject);
  if (windows === 'yes') return { state: 'set', value: 'Windows', origin: windowsConfig.origin };
  if (linux === 'yes') return { state: 'set', value: 'Linux', origin: linuxConfig.origin };
  if (windows === 'unknown' || linux === 'unknown') {
    const basis = windows === 'unknown' ? windowsConfig : linuxConfig;
    const reason = basis.state === 'unknown' ? basis.reason : 'the OS configuration depends on deployment';
    return { state: 'unknown', reason, alternatives: ['Windows', 'Linux'], origin: basis.origin };
  }
  const imageOs = (p: Value | undefined, o: Value | undefined): string | undefined => {
    const text = `${asString(p) ?? ''}/${asString(o) ?? ''}`.toLowerCase();
    if (/windows/.test(text)) return 'Windows';
    if (/canonical|openlogic|redhat|suse|debian|coreos|oracle|cblmariner|ubuntu|centos|rhel|linux/.test(text)) return 'Linux';
    return undefined;
  };
  if (publisher.state === 'set' && !isUnknown(publisher.value)) {
    const os = imageOs(publisher.value, offer.state === 'set' ? offer.value : undefined);
    if (os) return { state: 'set', value: os, origin: { ...publisher.origin, description: `image ${publisher.origin.description}` } };
  }
  if (osDiskType.state === 'unknown') return osDiskType;
  if (publisher.state === 'unknown') return { state: 'unknown', reason: publisher.reason, origin: publisher.origin };
  return { state: 'absent', origin: windowsConfig.origin };
}

function rollingPolicyProperties(policy: TemplateCursor): RollingPolicyProperty[] {
  const node = policy.node;
  if (node?.type === 'object') {
    return (node.children ?? []).flatMap((property) => {
      const key = property.children?.[0];
      if (!key) return [];
      const name = String(key.value);
      return [{ name, nameOrigin: { description: `${policy.description}.${name}`, range: { offset: key.offset, length: key.length } }, value: policy.get(name).fact() }];
    });
  }
  const fact = policy.fact();
  if (fact.state === 'set' && isValueObject(fact.value)) {
    return Object.keys(fact.value).map((name) => ({ name, nameOrigin: fact.origin, value: policy.get(name).fact() }));
  }
  return [];
}

function extensionModel(item: TemplateCursor, resource: TemplateResource): ExtensionModel {
  const properties = item.get('properties');
  const propertiesNode = properties.node ?? (item.node ? undefined : item.anchor);
  return {
    origin: item.origin,
    name: item.get('name').fact(),
    publisher: properties.get('publisher').fact(),
    type: properties.get('type').fact(),
    typeHandlerVersion: properties.get('typeHandlerVersion').fact(),
    durabilityLevel: properties.path('settings.durabilityLevel').fact(),
    credentials: credentialUses(propertiesNode, resource.declarations, item.description),
  };
}

/** Extension resources declared separately (type …/virtualMachineScaleSets/extensions) for this set. */
function childExtensions(scaleSet: TemplateResource, all: readonly TemplateResource[]): ExtensionModel[] {
  const scaleSets = resourcesOfType(all, scaleSetType).filter(isDeployed);
  return resourcesOfType(all, `${scaleSetType}/extensions`)
    .filter(isDeployed)
    .filter((r) => {
      const parent = typeof r.name === 'string' ? r.name.split('/')[0] : undefined;
      if (parent !== undefined && typeof scaleSet.name === 'string') return sameName(parent, scaleSet.name);
      // Names only known at deployment: attach when there is a single scale set to attach to.
      return scaleSets.length === 1;
    })
    .map((r) => extensionModel(TemplateCursor.at(r.node, r.scope, `extension resource '${typeof r.name === 'string' ? r.name : 'extension'}'`), r));
}

function loadBalancerSkuFact(probeId: Fact, all: readonly TemplateResource[]): Fact {
  const origin = probeId.origin;
  if (probeId.state !== 'set' || typeof probeId.value !== 'string') {
    return { state: 'unknown', reason: probeId.state === 'unknown' ? probeId.reason : 'the probe id is not a string', origin };
  }
  const match = /\/loadBalancers\/([^/]+)\/probes\//i.exec(probeId.value);
  if (!match) return { state: 'unknown', reason: 'the probe id does not name a load balancer', origin };
  const loadBalancer = resourcesOfType(all, 'microsoft.network/loadbalancers').find((r) => sameName(r.name, match[1]));
  if (!loadBalancer) return { state: 'unknown', reason: `load balancer '${match[1]}' is not in this template`, origin };
  return TemplateCursor.at(loadBalancer.node, loadBalancer.scope, `load balancer '${match[1]}'`).path('sku.name').fact();
}

/** The node type of the Service Fabric cluster that this set's extension refers to (nodeTypeRef). */
function serviceFabricNodeType(extensions: readonly ExtensionModel[], scaleSet: TemplateResource, all: readonly TemplateResource[]): ServiceFabricNodeType | undefined {
  const clusters = resourcesOfType(all, 'microsoft.servicefabric/clusters').filter(isDeployed);
  if (clusters.length === 0) return undefined;
  const sfExtension = extensions.find((e) => judge(e.type, (v) => /^servicefabric(linux)?node$/i.test(asString(v) ?? '')) === 'yes');
  if (!sfExtension) return undefined;
  // Re-read nodeTypeRef from the extension's settings.
  const refFact = findNodeTypeRef(scaleSet);
  const possible = possibleValues(refFact);
  const refs = possible && possible.every((v) => typeof v === 'string') ? (possible as string[]) : undefined;
  for (const cluster of clusters) {
    const nodeTypes = TemplateCursor.at(cluster.node, cluster.scope, `cluster '${typeof cluster.name === 'string' ? cluster.name : 'cluster'}'`).path('properties.nodeTypes').items();
    if (isUnknown(nodeTypes) || nodeTypes.length === 0) continue;
    const named = nodeTypes.map((cursor) => ({ cursor, name: cursor.get('name').fact() }));
    let candidates = refs ? named.filter((n) => n.name.state === 'set' && refs.some((ref) => sameName(n.name.state === 'set' ? n.name.value : null, ref))) : named;
    if (refs && candidates.length === 0) {
      if (clusters.length > 1) continue;
      candidates = named;
    }
    if (candidates.length === 1) {
      const only = candidates[0].cursor;
      return { name: candidates[0].name, durabilityLevel: only.get('durabilityLevel').fact(), isStateless: only.get('isStateless').fact() };
    }
    const combine = (key: string): Fact => {
      const facts = candidates.map((c) => c.cursor.get(key).fact());
      const values = facts.map((f) => (f.state === 'set' ? f.value : f.state === 'absent' ? undefined : new Unknown(f.reason)));
      const value = fromAlternatives('the node type depends on the copy index', values);
      const origin = { ...facts[0].origin, description: `${facts[0].origin.description} (node types of the cluster)` };
      if (value === undefined) return { state: 'absent', origin };
      if (isUnknown(value)) return { state: 'unknown', reason: value.reason, alternatives: value.alternatives, origin };
      return { state: 'set', value, origin };
    };
    return { name: candidates[0].name, durabilityLevel: combine('durabilityLevel'), isStateless: combine('isStateless') };
  }
  return undefined;
}

function findNodeTypeRef(scaleSet: TemplateResource): Fact {
  const root = TemplateCursor.at(scaleSet.node, scaleSet.scope, '');
  const items = root.path('properties.virtualMachineProfile.extensionProfile.extensions').items();
  if (isUnknown(items)) return { state: 'unknown', reason: items.reason, origin: root.origin };
  for (const item of items) {
    const type = item.path('properties.type').fact();
    if (judge(type, (v) => /^servicefabric(linux)?node$/i.test(asString(v) ?? '')) === 'yes') return item.path('properties.settings.nodeTypeRef').fact();
  }
  return { state: 'absent', origin: root.origin };
}

/**
 * RW1: the OS-image maintenance configurations declared in the template (maintenanceScope
 * OSImage, or only known at deployment). They are attached to every scale set of the template:
 * a configuration is declared next to the sets it is assigned to.
 */
function osImageMaintenanceWindows(all: readonly TemplateResource[]): OsImageMaintenanceWindow[] {
  return resourcesOfType(all, 'microsoft.maintenance/maintenanceconfigurations')
    .filter(isDeployed)
    .map((r) => TemplateCursor.at(r.node, r.scope, `maintenance configuration '${typeof r.name === 'string' ? r.name : 'configuration'}'`).get('properties'))
    .filter((properties) => judge(properties.get('maintenanceScope').fact(), (v) => asString(v)?.toLowerCase() === 'osimage') !== 'no')
    .map((properties) => {
      const window = properties.get('maintenanceWindow');
      return { origin: properties.get('maintenanceScope').origin, duration: window.get('duration').fact(), recurEvery: window.get('recurEvery').fact() };
    });
}

export function scaleSetModelFromTemplate(resource: TemplateResource, all: readonly TemplateResource[]): ScaleSetModel {
  const root = TemplateCursor.at(resource.node, resource.scope, '');
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

  const extensionItems = profile.path('extensionProfile.extensions').items();
  const extensions: ExtensionModel[] = isUnknown(extensionItems) ? [] : extensionItems.map((item) => extensionModel(item, resource));
  const extensionList = profile.path('extensionProfile.extensions');
  if (!extensionList.node && extensions.length > 0) {
    // The list is computed by an expression: read its credentials once, from that expression.
    const listCredentials = credentialUses(extensionList.anchor, resource.declarations, extensionList.description);
    extensions[0] = { ...extensions[0], credentials: [...extensions[0].credentials, ...listCredentials] };
  }
  extensions.push(...childExtensions(resource, all));

  const label = resourceLabel(resource);
  const nameNode = childValue(resource.node, 'name');
  return {
    label,
    origin: { description: `scale set '${label}'`, range: nameNode ? anchorRange(nameNode) : anchorRange(resource.node) },
    shape: shapeOf(profile),
    apiVersion: apiVersionFact(resource, root),
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
    serviceFabricNodeType: serviceFabricNodeType(extensions, resource, all),
    osImageMaintenanceWindows: osImageMaintenanceWindows(all),
  };
}

/** Whether a deployed resource of the template is a scale set the rules should judge. */
export function isJudgedScaleSet(resource: TemplateResource): boolean {
  return isScaleSet(resource) && isDeployed(resource);
}
