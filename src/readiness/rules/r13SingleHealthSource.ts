// R13 vmss-single-health-source (H3): a scale set may use a health probe or the Application
// Health extension, not both — Azure rejects the model.
import { healthSignals } from '../healthSignals';
import { fail, pass, type ReadinessRule } from './rule';

export const r13SingleHealthSource: ReadinessRule = {
  id: 'R13',
  evaluate(model) {
    const signals = healthSignals(model);
    const facts = [{ label: 'networkProfile.healthProbe.id', fact: model.healthProbeId }];
    if (signals.probe === 'yes' && signals.extension === 'yes') {
      return fail('R13', facts, {
        origin: signals.healthExtension?.origin ?? model.healthProbeId.origin,
        message:
          'R13: the scale set has both a health probe (networkProfile.healthProbe) and the Application Health extension; Azure allows only one health source and rejects the model. Keep one of them.',
      });
    }
    return pass('R13', facts);
  },
};
