// R5 vmss-windows-automatic-updates: on Windows, Windows Update inside the VM competes with the
// platform's OS image upgrades. From Compute API 2019-03-01 (and always for Service Fabric)
// enableAutomaticUpdates must be false; omitted means true — unless automatic OS upgrade is on,
// in which case Azure forces it to false.
import { apiVersionAtLeast, windowsUpdateApiVersion } from '../apiVersions';
import { asBoolean, asString, judge } from '../facts';
import { fixes } from '../fixIntents';
import { dependsOnDeployment, fail, note, notApplicable, pass, type ReadinessRule } from './rule';
import { serviceFabricView } from './serviceFabric';

export const r5WindowsAutomaticUpdates: ReadinessRule = {
  id: 'R5',
  evaluate(model) {
    const facts = [
      { label: 'osType', fact: model.osType },
      { label: 'enableAutomaticUpdates', fact: model.enableAutomaticUpdates },
    ];
    const windows = judge(model.osType, (value) => asString(value)?.toLowerCase() === 'windows');
    if (windows === 'no') return notApplicable('R5', 'not a Windows scale set', facts);
    const serviceFabric = serviceFabricView(model).isServiceFabric === 'yes';
    const recentApi = judge(model.apiVersion, (value) => {
      const version = asString(value);
      return version === undefined ? 'unknown' : (apiVersionAtLeast(version, windowsUpdateApiVersion) ?? 'unknown');
    });
    if (!serviceFabric && recentApi === 'no') return notApplicable('R5', `apiVersion before ${windowsUpdateApiVersion} (not required)`, facts);

    const updates = judge(model.enableAutomaticUpdates, (value) => (value === undefined ? true : asBoolean(value) ?? 'unknown'));
    if (updates === 'no') return pass('R5', facts);
    if (updates === 'unknown') return dependsOnDeployment('R5', facts, model.enableAutomaticUpdates, 'whether Windows automatic updates are off');
    const aosu = judge(model.enableAutomaticOSUpgrade, (value) => asBoolean(value) === true);
    if (model.enableAutomaticUpdates.state === 'absent' && aosu === 'yes') {
      return note('R5', facts, {
        origin: model.enableAutomaticUpdates.origin,
        message:
          'R5: enableAutomaticUpdates is not set; because automatic OS image upgrade is on, Azure forces it to false. Setting it to false explicitly keeps the template honest.',
      });
    }
    if (windows === 'unknown') return dependsOnDeployment('R5', facts, model.osType, 'whether this is a Windows scale set (then enableAutomaticUpdates must be false)');
    return fail('R5', facts, {
      origin: model.enableAutomaticUpdates.origin,
      message: `R5: Windows automatic updates are ${model.enableAutomaticUpdates.state === 'absent' ? 'on (enableAutomaticUpdates is not set, which means true)' : 'on (enableAutomaticUpdates is true)'}${serviceFabric ? ' on a Service Fabric node type' : ''}; Azure refuses to enable automatic OS image upgrade while Windows Update patches the VMs itself. Set osProfile.windowsConfiguration.enableAutomaticUpdates to false.`,
      fixes: [fixes.disableWindowsAutomaticUpdates()],
    });
  },
};
