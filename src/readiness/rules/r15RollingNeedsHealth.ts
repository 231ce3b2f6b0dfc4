// R15 vmss-rolling-needs-health: upgradePolicy.mode Rolling is refused by Azure without a health
// probe or the Application Health extension; a Flexible set needs the extension (a probe does not
// count there, Learn: Configure rolling upgrades on Virtual Machine Scale Sets — Requirements).
import { asString, judge } from '../facts';
import { healthSignals, isFlexible, usableHealthSignal } from '../healthSignals';
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
    const usable = usableHealthSignal(model);
    if (usable === 'yes') return pass('R15', facts);
    if (rolling === 'unknown') return dependsOnDeployment('R15', facts, model.upgradeMode, 'whether the upgrade mode is Rolling (which needs a health signal)');
    if (usable === 'unknown') return dependsOnDeployment('R15', facts, model.healthProbeId, 'whether the Rolling scale set has a health signal');
    if (isFlexible(model) === 'yes' && healthSignals(model).probe === 'yes') {
      return fail('R15', facts, {
        origin: model.healthProbeId.origin,
        message:
          'R15: upgradePolicy.mode is Rolling on a Flexible scale set, which needs the Application Health extension; a load balancer health probe does not count with Flexible orchestration. Add the Application Health extension (and remove networkProfile.healthProbe: one health source per set), or use another upgrade mode.',
        fixes: healthExtensionFixes(model),
      });
    }
    return fail('R15', facts, {
      origin: model.upgradeMode.origin,
      message:
        'R15: upgradePolicy.mode is Rolling but the scale set has no health probe or Application Health extension; Azure rejects the deployment. Add the Application Health extension (or a networkProfile.healthProbe), or use another upgrade mode.',
      fixes: healthExtensionFixes(model),
    });
  },
};
