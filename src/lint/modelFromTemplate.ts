// Builds the readiness ScaleSetModel of one scale set resource in a template: every value read
// through a TemplateCursor (so it carries its source and position), the apiVersion resolved
// through the top-level apiProfile when the resource has none, child extension resources and
// the Service Fabric cluster's node type looked up among the template's other resources. The
// properties every language reads alike are read in scaleSetModelReaders.ts.
import { asString, judge, possibleValues } from '../readiness/facts';
import type { ExtensionModel, Fact, OsImageMaintenanceWindow, ScaleSetModel, ServiceFabricNodeType } from '../readiness/model';
import { Unknown, fromAlternatives, isUnknown } from '../readiness/value';
import { computeApiVersionOfProfile } from './apiProfiles';
import { credentialUses } from './credentialUses';
import { childValue, stringOf, type JsonNode } from './jsonNodes';
import { TemplateCursor, anchorRange } from './templateCursor';
import { resourcesOfType } from './resourceIndex';
import { extensionModel, loadBalancerSkuFact, sameName, scaleSetModel, scaleSetType, type CredentialReader } from './scaleSetModelReaders';
import { isDeployed, type TemplateResource } from './templateResources';

export function isScaleSet(resource: TemplateResource): boolean {
  return resource.type.toLowerCase() === scaleSetType;
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

function templateCredentials(resource: TemplateResource): CredentialReader<JsonNode> {
  return (properties, description) => credentialUses(properties, resource.declarations, description);
}

function loadBalancer(name: string, all: readonly TemplateResource[]): TemplateCursor | undefined {
  const found = resourcesOfType(all, 'microsoft.network/loadbalancers').find((r) => sameName(r.name, name));
  return found ? TemplateCursor.at(found.node, found.scope, `load balancer '${name}'`) : undefined;
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
    .map((r) => extensionModel(TemplateCursor.at(r.node, r.scope, `extension resource '${typeof r.name === 'string' ? r.name : 'extension'}'`), templateCredentials(r)));
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
  const label = resourceLabel(resource);
  const nameNode = childValue(resource.node, 'name');
  const model = scaleSetModel(root, {
    label,
    origin: { description: `scale set '${label}'`, range: nameNode ? anchorRange(nameNode) : anchorRange(resource.node) },
    apiVersion: apiVersionFact(resource, root),
    credentials: templateCredentials(resource),
    childExtensions: childExtensions(resource, all),
    healthProbeLoadBalancerSku: (probeId) => loadBalancerSkuFact(probeId, (name) => loadBalancer(name, all), 'template'),
  });
  return { ...model, serviceFabricNodeType: serviceFabricNodeType(model.extensions, resource, all), osImageMaintenanceWindows: osImageMaintenanceWindows(all) };
}

/** Whether a deployed resource of the template is a scale set the rules should judge. */
export function isJudgedScaleSet(resource: TemplateResource): boolean {
  return isScaleSet(resource) && isDeployed(resource);
}
