// Builds the readiness ScaleSetModel of one Bicep scale set resource — the same model the ARM path
// builds (src/lint/modelFromTemplate.ts), so every rule (R1–R16, RA1, RM1, the rolling-policy
// checks) runs unchanged. The apiVersion is the `@…` of the resource's type string; extensions come
// from the profile, from nested `resource … 'extensions'` and from top-level ones with `parent:`.
import type { ExtensionModel, ScaleSetModel } from '../readiness/model';
import { extensionModel, loadBalancerSkuFact, sameName, scaleSetModel, scaleSetType, type CredentialReader } from '../lint/scaleSetModelReaders';
import { BicepCursor, bicepAnchorRange } from './bicepCursor';
import { bicepCredentialUses } from './bicepCredentials';
import type { SyntaxNode } from './bicepParser';
import { isDeployed, type BicepResource } from './bicepResources';
import { firstNamed } from './syntax';

export function isJudgedBicepScaleSet(resource: BicepResource): boolean {
  return resource.type.toLowerCase() === scaleSetType && isDeployed(resource);
}

function bicepCredentials(resource: BicepResource): CredentialReader<SyntaxNode> {
  return (properties, description) => bicepCredentialUses(properties, resource.file, description);
}

function loadBalancer(name: string, all: readonly BicepResource[]): BicepCursor | undefined {
  const found = all.find((r) => r.type.toLowerCase() === 'microsoft.network/loadbalancers' && !r.existing && sameName(r.name, name) && r.body);
  return found ? BicepCursor.at(found.body!, found.file, found.locals, `load balancer '${name}'`) : undefined;
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
    .map((r) => extensionModel(BicepCursor.at(r.body!, r.file, r.locals, `extension resource '${r.symbol}'`), bicepCredentials(r)));
}

export function scaleSetModelFromBicep(resource: BicepResource, all: readonly BicepResource[]): ScaleSetModel {
  const root = BicepCursor.at(resource.body!, resource.file, resource.locals, '');
  const nameNode = root.get('name');
  const label = typeof resource.name === 'string' ? resource.name : resource.symbol;
  const typeString = firstNamed(resource.declaration, 'string');
  const apiVersionOrigin = { description: `resource type '${typeString?.text ?? ''}'`, range: typeString ? bicepAnchorRange(typeString) : bicepAnchorRange(resource.declaration) };
  return scaleSetModel(root, {
    label,
    origin: { description: `scale set '${label}'`, range: nameNode.presence() === 'absent' ? bicepAnchorRange(resource.declaration) : bicepAnchorRange(nameNode.anchor) },
    apiVersion: resource.apiVersion ? { state: 'set', value: resource.apiVersion, origin: apiVersionOrigin } : { state: 'absent', origin: apiVersionOrigin },
    credentials: bicepCredentials(resource),
    childExtensions: childExtensions(resource, all),
    healthProbeLoadBalancerSku: (probeId) => loadBalancerSkuFact(probeId, (name) => loadBalancer(name, all), 'file'),
  });
}
