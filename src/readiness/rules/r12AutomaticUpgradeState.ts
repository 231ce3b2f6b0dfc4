// R12 vmss-auto-os-upgrade-state (A1): reports whether automatic OS image upgrade is on, and
// offers to turn it on.
import { asBoolean, judge } from '../facts';
import { fixes } from '../fixIntents';
import { dependsOnDeployment, note, type ReadinessRule } from './rule';

export const r12AutomaticUpgradeState: ReadinessRule = {
  id: 'R12',
  evaluate(model) {
    const facts = [
      { label: 'enableAutomaticOSUpgrade', fact: model.enableAutomaticOSUpgrade },
      { label: 'useRollingUpgradePolicy', fact: model.useRollingUpgradePolicy },
    ];
    const on = judge(model.enableAutomaticOSUpgrade, (value) => asBoolean(value) === true);
    if (on === 'unknown') return dependsOnDeployment('R12', facts, model.enableAutomaticOSUpgrade, 'whether automatic OS image upgrade is on');
    if (on === 'yes') {
      return note('R12', facts, {
        origin: model.enableAutomaticOSUpgrade.origin,
        message: 'R12: automatic OS image upgrade is on: Azure replaces the OS disks batch by batch when the publisher releases a new image version.',
      });
    }
    return note('R12', facts, {
      origin: model.enableAutomaticOSUpgrade.state === 'absent' ? model.origin : model.enableAutomaticOSUpgrade.origin,
      message:
        'R12: automatic OS image upgrade is off: instances keep their OS image until someone upgrades them. Turn it on with upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade = true (and useRollingUpgradePolicy to apply your rolling policy).',
      fixes: [fixes.enableAutomaticOsUpgrade()],
    });
  },
};
