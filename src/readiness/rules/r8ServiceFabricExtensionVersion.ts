// R8 vmss-sf-extension-version: the Service Fabric node extension must be typeHandlerVersion 1.1
// or later for the platform to coordinate OS image upgrades with the cluster.
import { extensionVersionAtLeast } from '../apiVersions';
import { asString, judge } from '../facts';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';
import { serviceFabricView } from './serviceFabric';

export const r8ServiceFabricExtensionVersion: ReadinessRule = {
  id: 'R8',
  evaluate(model) {
    const sf = serviceFabricView(model);
    if (!sf.extension) return notApplicable('R8', 'not a Service Fabric node type');
    const version = sf.extension.typeHandlerVersion;
    const facts = [{ label: 'typeHandlerVersion', fact: version }];
    const recent = judge(version, (value) => {
      const text = asString(value);
      return text === undefined ? 'unknown' : (extensionVersionAtLeast(text, '1.1') ?? 'unknown');
    });
    if (recent === 'yes') return pass('R8', facts);
    if (recent === 'unknown') return dependsOnDeployment('R8', facts, version, 'the Service Fabric extension version');
    return fail('R8', facts, {
      origin: version.origin,
      message: `R8: the Service Fabric extension has typeHandlerVersion ${version.state === 'set' ? asString(version.value) : 'not set'}; automatic OS image upgrades need 1.1 or later so that the platform coordinates node reimages with the cluster. Set typeHandlerVersion to 1.1 (or newer).`,
    });
  },
};
