// R15 vmss-rolling-needs-health: upgradePolicy.mode Rolling is refused by Azure without a health
// probe or the Application Health extension.
import { asString, judge } from '../facts';
import { healthSignals } from '../healthSignals';
import { healthExtensionFixes } from './r3HealthSignal';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';

export const r15RollingNeedsHealth: ReadinessRule = {
  id: 'R15',
  evaluate(model) {
    const facts = [
      { label: 'upgradePolicy.mode', fact: model.upgradeMode },
      { label: 'networkProfile.healthProbe.id', fact: model.healthProbeId },
    ];
    const rolling = judge(model.upgradeMode, (value) => asString(value)?.toLowerCase() === 'rolling');
    if (rolling === 'no') return notApplicable('R15', 'upgrade mode is not Rolling', facts);
    const signals = healthSignals(model);
    if (signals.any === 'yes') return pass('R15', facts);
    if (rolling === 'unknown') return dependsOnDeployment('R15', facts, model.upgradeMode, 'whether the upgrade mode is Rolling (which needs a health signal)');
    if (signals.any === 'unknown') return dependsOnDeployment('R15', facts, model.healthProbeId, 'whether the Rolling scale set has a health signal');
    return fail('R15', facts, {
      origin: model.upgradeMode.origin,
      message:
        'R15: upgradePolicy.mode is Rolling but the scale set has no health probe or Application Health extension; Azure rejects the deployment. Add the Application Health extension (or a networkProfile.healthProbe), or use another upgrade mode.',
      fixes: healthExtensionFixes(model),
    });
  },
};
