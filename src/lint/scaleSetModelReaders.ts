// The readers that turn one scale set resource into the readiness ScaleSetModel, shared by the ARM
// adapter (modelFromTemplate.ts, through a TemplateCursor) and the Bicep adapter
// (src/bicep/modelFromBicep.ts, through a BicepCursor): the rules (R1–R16, RA1, RM1, the rolling-policy
// checks) read the same properties in both languages. What differs per language stays in the
// adapters: the label and origin, the apiVersion, the credential reader, and finding other resources.
import { asString, judge } from '../readiness/facts';
import type { CredentialUse, ExtensionModel, Fact, ModelShape, Origin, RollingPolicyProperty, ScaleSetModel, SourceRange } from '../readiness/model';
import { isUnknown, isValueObject, type Unknown, type Value } from '../readiness/value';

export const scaleSetType = 'microsoft.compute/virtualmachinescalesets';

/**
 * What the readers need of a cursor on a resource body. `N` is the language's syntax node: the
 * written-out node under the cursor (`node`), or the nearest one (`anchor`).
 */
export interface ModelCursor<N> {
  readonly description: string;
  readonly origin: Origin;
  readonly node: N | undefined;
  readonly anchor: N;
  get(key: string): ModelCursor<N>;
  path(dotted: string): ModelCursor<N>;
  items(): ModelCursor<N>[] | Unknown;
  /** The property names written in an object, with their key positions. */
  keys(): { name: string; range: SourceRange }[];
  presence(): 'present' | 'absent' | 'unknown';
  fact(): Fact;
}

/** Reads the credentials an extension's properties use (written out, or the expression that computes them). */
export type CredentialReader<N> = (properties: N | undefined, description: string) => CredentialUse[];

/** Resource names compare without case, as Azure does. */
export function sameName(a: Value, b: Value): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

function shapeOf<N>(profile: ModelCursor<N>): ModelShape {
  const presence = profile.presence();
  if (presence === 'absent') return 'no-profile';
  if (presence === 'unknown') return 'full';
  return profile.get('storageProfile').presence() === 'absent' ? 'partial' : 'full';
}

function osOfImage(publisher: Value | undefined, offer: Value | undefined): string | undefined {
  const text = `${asString(publisher) ?? ''}/${asString(offer) ?? ''}`.toLowerCase();
  if (/windows/.test(text)) return 'Windows';
  if (/canonical|openlogic|redhat|suse|debian|coreos|oracle|cblmariner|ubuntu|centos|rhel|linux/.test(text)) return 'Linux';
  return undefined;
}

/** Windows or Linux from the OS disk, the OS configuration, or the image publisher. */
function osTypeFact<N>(profile: ModelCursor<N>, publisher: Fact, offer: Fact): Fact {
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
    const os = osOfImage(publisher.value, offer.state === 'set' ? offer.value : undefined);
    if (os) return { state: 'set', value: os, origin: { ...publisher.origin, description: `image ${publisher.origin.description}` } };
  }
  if (osDiskType.state === 'unknown') return osDiskType;
  if (publisher.state === 'unknown') return { state: 'unknown', reason: publisher.reason, origin: publisher.origin };
  return { state: 'absent', origin: windowsConfig.origin };
}

function rollingPolicyProperties<N>(policy: ModelCursor<N>): RollingPolicyProperty[] {
  const keys = policy.keys();
  if (keys.length > 0) return keys.map(({ name, range }) => ({ name, nameOrigin: { description: `${policy.description}.${name}`, range }, value: policy.get(name).fact() }));
  const fact = policy.fact();
  if (fact.state === 'set' && isValueObject(fact.value)) return Object.keys(fact.value).map((name) => ({ name, nameOrigin: fact.origin, value: policy.get(name).fact() }));
  return [];
}

/** One extension: an item of the profile's list, or an extension resource's body. */
export function extensionModel<N>(item: ModelCursor<N>, credentials: CredentialReader<N>): ExtensionModel {
  const properties = item.get('properties');
  const propertiesNode = properties.node ?? (item.node ? undefined : item.anchor);
  return {
    origin: item.origin,
    name: item.get('name').fact(),
    publisher: properties.get('publisher').fact(),
    type: properties.get('type').fact(),
    typeHandlerVersion: properties.get('typeHandlerVersion').fact(),
    durabilityLevel: properties.path('settings.durabilityLevel').fact(),
    credentials: credentials(propertiesNode, item.description),
  };
}

function profileExtensions<N>(profile: ModelCursor<N>, credentials: CredentialReader<N>): Pick<ScaleSetModel, 'extensions' | 'extensionsUnknown'> {
  const extensionList = profile.path('extensionProfile.extensions');
  const extensionItems = extensionList.items();
  const extensions: ExtensionModel[] = isUnknown(extensionItems) ? [] : extensionItems.map((item) => extensionModel(item, credentials));
  if (!extensionList.node && extensions.length > 0) {
    // The list is computed by an expression: read its credentials once, from that expression.
    const listCredentials = credentials(extensionList.anchor, extensionList.description);
    extensions[0] = { ...extensions[0], credentials: [...extensions[0].credentials, ...listCredentials] };
  }
  return { extensions, extensionsUnknown: isUnknown(extensionItems) ? { reason: extensionItems.reason, origin: extensionList.origin } : undefined };
}

/**
 * The SKU of the load balancer that holds the health probe, found by the name in the probe's id;
 * `where` names what was searched ("file", "template") when it is not there.
 */
export function loadBalancerSkuFact<N>(probeId: Fact, findLoadBalancer: (name: string) => ModelCursor<N> | undefined, where: string): Fact {
  const origin = probeId.origin;
  if (probeId.state !== 'set' || typeof probeId.value !== 'string') {
    return { state: 'unknown', reason: probeId.state === 'unknown' ? probeId.reason : 'the probe id is not a string', origin };
  }
  const match = /\/loadBalancers\/([^/]+)\/probes\//i.exec(probeId.value);
  if (!match) return { state: 'unknown', reason: 'the probe id does not name a load balancer', origin };
  const loadBalancer = findLoadBalancer(match[1]);
  if (!loadBalancer) return { state: 'unknown', reason: `load balancer '${match[1]}' is not in this ${where}`, origin };
  return loadBalancer.path('sku.name').fact();
}

/** What each language reads its own way. */
export interface ScaleSetModelParts<N> {
  readonly label: string;
  readonly origin: Origin;
  readonly apiVersion: Fact;
  readonly credentials: CredentialReader<N>;
  /** Extension resources declared outside the set's own profile, that belong to it. */
  readonly childExtensions: readonly ExtensionModel[];
  readonly healthProbeLoadBalancerSku: (probeId: Fact) => Fact;
}

/** The ScaleSetModel of the resource under `root` (the cursor on its body). */
export function scaleSetModel<N>(root: ModelCursor<N>, parts: ScaleSetModelParts<N>): ScaleSetModel {
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
  const { extensions, extensionsUnknown } = profileExtensions(profile, parts.credentials);
  return {
    label: parts.label,
    origin: parts.origin,
    shape: shapeOf(profile),
    apiVersion: parts.apiVersion,
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
    healthProbeLoadBalancerSku: parts.healthProbeLoadBalancerSku(healthProbeId),
    singlePlacementGroup: properties.get('singlePlacementGroup').fact(),
    extensions: [...extensions, ...parts.childExtensions],
    extensionsUnknown,
  };
}
