// R10 vmss-probe-standard-lb (H2): with multiple placement groups (singlePlacementGroup false)
// the health probe must belong to a Standard load balancer.
import { asBoolean, asString, judge } from '../facts';
import { healthSignals } from '../healthSignals';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';

export const r10ProbeStandardLb: ReadinessRule = {
  id: 'R10',
  evaluate(model) {
    const facts = [
      { label: 'singlePlacementGroup', fact: model.singlePlacementGroup },
      { label: 'load balancer sku', fact: model.healthProbeLoadBalancerSku },
    ];
    const multiple = judge(model.singlePlacementGroup, (value) => asBoolean(value) === false);
    const probe = healthSignals(model).probe;
    if (multiple === 'no' || probe === 'no') return notApplicable('R10', 'single placement group or no load balancer probe', facts);
    if (multiple === 'unknown') return dependsOnDeployment('R10', facts, model.singlePlacementGroup, 'whether the scale set spans multiple placement groups');
    if (probe === 'unknown') return dependsOnDeployment('R10', facts, model.healthProbeId, 'whether a load balancer probe is the health source');
    // Without a sku the load balancer is Basic.
    const standard = judge(model.healthProbeLoadBalancerSku, (value) => (value === undefined ? false : asString(value)?.toLowerCase() === 'standard'));
    if (standard === 'yes') return pass('R10', facts);
    if (standard === 'unknown') return dependsOnDeployment('R10', facts, model.healthProbeLoadBalancerSku, 'whether the probe belongs to a Standard load balancer');
    return fail('R10', facts, {
      origin: model.healthProbeId.origin,
      message:
        'R10: singlePlacementGroup is false, so the health probe must be on a Standard load balancer, but its load balancer is Basic (no sku means Basic); Azure rejects the model. Use a Standard SKU load balancer or the Application Health extension.',
    });
  },
};
