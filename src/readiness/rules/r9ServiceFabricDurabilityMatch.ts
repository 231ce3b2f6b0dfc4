// R9 vmss-sf-durability-match: the durability in the cluster's node type and in the scale set's
// Service Fabric extension must be the same; a mismatch blocks upgrades and scale operations.
import { asString, possibleValues } from '../facts';
import { isUnknown, type Value } from '../value';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';
import { serviceFabricView } from './serviceFabric';

/** Distinct durability levels a fact can take, capitalized (not set means Bronze). */
function levels(values: readonly (Value | undefined)[] | undefined): string[] | undefined {
  if (!values || values.some(isUnknown)) return undefined;
  const names = values.map((v) => (v === undefined ? 'bronze' : (asString(v) ?? '').toLowerCase()));
  return [...new Set(names)].map((name) => name.charAt(0).toUpperCase() + name.slice(1));
}

export const r9ServiceFabricDurabilityMatch: ReadinessRule = {
  id: 'R9',
  evaluate(model) {
    const sf = serviceFabricView(model);
    const nodeType = model.serviceFabricNodeType;
    if (!sf.extension) return notApplicable('R9', 'not a Service Fabric node type');
    if (!nodeType) return notApplicable('R9', "the cluster's node type is not in this template");
    const facts = [
      { label: 'cluster nodeType durabilityLevel', fact: nodeType.durabilityLevel },
      { label: 'extension durabilityLevel', fact: sf.extension.durabilityLevel },
    ];
    const cluster = levels(possibleValues(nodeType.durabilityLevel));
    const extension = levels(possibleValues(sf.extension.durabilityLevel));
    if (!cluster) return dependsOnDeployment('R9', facts, nodeType.durabilityLevel, 'whether the durability levels match');
    if (!extension) return dependsOnDeployment('R9', facts, sf.extension.durabilityLevel, 'whether the durability levels match');
    if (cluster.length === 1 && extension.length === 1 && cluster[0] === extension[0]) return pass('R9', facts);
    if (cluster.length > 1 || extension.length > 1) return dependsOnDeployment('R9', facts, nodeType.durabilityLevel, 'whether the durability levels match');
    return fail('R9', facts, {
      origin: sf.extension.durabilityLevel.origin,
      message: `R9: the Service Fabric extension says durabilityLevel ${extension[0]} but the cluster's node type says ${cluster[0]}; the platform refuses upgrades and scale operations on a mismatch. Use the same durability in both places.`,
    });
  },
};
