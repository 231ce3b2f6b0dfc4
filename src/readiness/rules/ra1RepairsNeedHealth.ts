// RA1 vmss-repairs-need-health: automatic instance repairs act on the health signal; without a
// probe or the Application Health extension Azure refuses to enable them.
import { asBoolean, judge } from '../facts';
import { healthSignals } from '../healthSignals';
import { healthExtensionFixes } from './r3HealthSignal';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';

export const ra1RepairsNeedHealth: ReadinessRule = {
  id: 'RA1',
  evaluate(model) {
    const facts = [{ label: 'automaticRepairsPolicy.enabled', fact: model.automaticRepairsEnabled }];
    const enabled = judge(model.automaticRepairsEnabled, (value) => asBoolean(value) === true);
    if (enabled === 'no') return notApplicable('RA1', 'automatic repairs are off', facts);
    const signals = healthSignals(model);
    if (signals.any === 'yes') return pass('RA1', facts);
    if (enabled === 'unknown') return dependsOnDeployment('RA1', facts, model.automaticRepairsEnabled, 'whether automatic repairs are on (they need a health signal)');
    if (signals.any === 'unknown') return dependsOnDeployment('RA1', facts, model.healthProbeId, 'whether the scale set with automatic repairs has a health signal');
    return fail('RA1', facts, {
      origin: model.automaticRepairsEnabled.origin,
      message:
        'RA1: automatic repairs are enabled without a health probe or the Application Health extension; Azure cannot tell which instance to repair and rejects the setting. Add a health source or turn automatic repairs off.',
      fixes: healthExtensionFixes(model),
    });
  },
};
