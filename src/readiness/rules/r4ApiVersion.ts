// R4 vmss-api-version: automaticOSUpgradePolicy exists from Compute API 2018-10-01; with an older
// apiVersion Azure ignores or rejects the policy.
import { apiVersionAtLeast, minimumAutomaticUpgradeApiVersion } from '../apiVersions';
import { asString, judge } from '../facts';
import { fixes } from '../fixIntents';
import { dependsOnDeployment, fail, pass, type ReadinessRule } from './rule';

export const r4ApiVersion: ReadinessRule = {
  id: 'R4',
  evaluate(model) {
    const facts = [{ label: 'apiVersion', fact: model.apiVersion }];
    const recent = judge(model.apiVersion, (value) => {
      const version = asString(value);
      return version === undefined ? 'unknown' : (apiVersionAtLeast(version, minimumAutomaticUpgradeApiVersion) ?? 'unknown');
    });
    if (recent === 'yes') return pass('R4', facts);
    if (recent === 'unknown') return dependsOnDeployment('R4', facts, model.apiVersion, `whether the Compute apiVersion is ${minimumAutomaticUpgradeApiVersion} or later`);
    const version = model.apiVersion.state === 'set' ? asString(model.apiVersion.value) : undefined;
    return fail('R4', facts, {
      origin: model.apiVersion.origin,
      message: `R4: Compute apiVersion ${version ?? ''} is older than ${minimumAutomaticUpgradeApiVersion}, which introduced upgradePolicy.automaticOSUpgradePolicy; with it Azure cannot turn on automatic OS image upgrades. Raise the apiVersion.`,
      fixes: [fixes.raiseApiVersion()],
    });
  },
};
