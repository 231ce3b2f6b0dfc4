// RF1 vmss-flexible-maxsurge-auto-os-upgrade: on a scale set with Flexible orchestration,
// automatic OS image upgrades and MaxSurge (rollingUpgradePolicy.maxSurge) enabled together are
// not supported yet. Source: Learn, "Rolling upgrades with MaxSurge on Virtual Machine Scale
// Sets", Considerations (read on docs.azure.cn's copy of the page; with Uniform orchestration
// automatic OS image upgrades use the MaxSurge method instead). "Not supported yet" may change,
// so the default severity is a warning. What Azure answers to such a model (rejected at
// deployment, or MaxSurge ignored) is not documented: unverified, the message does not claim it.
import { asBoolean, judge, type Verdict } from '../facts';
import type { Fact } from '../model';
import { isFlexible } from '../healthSignals';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';

function maxSurgeFact(properties: readonly { name: string; value: Fact }[], fallback: Fact): Fact {
  return properties.find((p) => p.name.toLowerCase() === 'maxsurge')?.value ?? { state: 'absent', origin: fallback.origin };
}

const isTrue = (fact: Fact): Verdict => judge(fact, (value) => asBoolean(value) === true);

export const rf1FlexibleMaxSurge: ReadinessRule = {
  id: 'RF1',
  shapes: ['full', 'partial', 'no-profile'],
  evaluate(model) {
    const maxSurge = maxSurgeFact(model.rollingUpgradePolicyProperties, model.rollingUpgradePolicy);
    const facts = [
      { label: 'orchestrationMode', fact: model.orchestrationMode },
      { label: 'enableAutomaticOSUpgrade', fact: model.enableAutomaticOSUpgrade },
      { label: 'rollingUpgradePolicy.maxSurge', fact: maxSurge },
    ];
    const checks = [isFlexible(model), isTrue(model.enableAutomaticOSUpgrade), isTrue(maxSurge)];
    if (checks.includes('no')) return notApplicable('RF1', 'not a Flexible set with both automatic OS image upgrades and MaxSurge', facts);
    if (checks.every((c) => c === 'yes')) {
      return fail('RF1', facts, {
        origin: maxSurge.origin,
        message:
          'RF1: this Flexible scale set enables automatic OS image upgrades together with MaxSurge (rollingUpgradePolicy.maxSurge), which Learn lists as not supported yet for Flexible orchestration (Rolling upgrades with MaxSurge — Considerations). Turn maxSurge off for automatic OS image upgrades, or run image upgrades yourself.',
      });
    }
    const open = [model.orchestrationMode, model.enableAutomaticOSUpgrade, maxSurge][checks.findIndex((c) => c === 'unknown')];
    if (open) return dependsOnDeployment('RF1', facts, open, 'whether a Flexible set enables automatic OS image upgrades and MaxSurge together');
    return pass('RF1', facts);
  },
};
