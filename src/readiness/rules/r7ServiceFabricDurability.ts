// R7 vmss-sf-durability: Service Fabric lets the platform reimage nodes only with durability
// Silver or Gold (the cluster then gets to move services first). Bronze is allowed only for
// stateless node types (which need a health source, R3).
import { asString } from '../facts';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';
import { isBronze, isStateless, serviceFabricView } from './serviceFabric';

export const r7ServiceFabricDurability: ReadinessRule = {
  id: 'R7',
  evaluate(model) {
    const sf = serviceFabricView(model);
    if (!sf.extension || !sf.durability) return notApplicable('R7', 'not a Service Fabric node type');
    const facts = [{ label: 'durabilityLevel', fact: sf.durability }];
    if (sf.isStateless) facts.push({ label: 'isStateless', fact: sf.isStateless });
    const bronze = isBronze(sf.durability);
    if (bronze === 'no') return pass('R7', facts);
    if (bronze === 'unknown') return dependsOnDeployment('R7', facts, sf.durability, 'the Service Fabric durability level');
    const stateless = isStateless(sf.isStateless);
    if (stateless === 'yes') return pass('R7', facts, 'Bronze is allowed for a stateless node type');
    if (stateless === 'unknown') return dependsOnDeployment('R7', facts, sf.isStateless!, 'whether the Bronze node type is stateless');
    const durability = sf.durability.state === 'set' ? asString(sf.durability.value) : undefined;
    return fail('R7', facts, {
      origin: sf.durability.origin,
      message: `R7: the Service Fabric node type has durability ${durability ?? 'Bronze (not set)'}; automatic OS image upgrades need Silver or Gold so that the cluster can move services before Azure reimages a node (Bronze is only allowed for stateless node types). Raise durabilityLevel to Silver in the cluster's node type and the extension.`,
    });
  },
};
