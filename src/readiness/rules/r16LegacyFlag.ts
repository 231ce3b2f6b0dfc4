// R16 vmss-legacy-auto-upgrade-flag: `upgradePolicy.automaticOSUpgrade` was a preview property
// before 2018-10-01; newer API versions replaced it with automaticOSUpgradePolicy. Set to true it
// is a warning (the template believes upgrades are on); set to false it is only a note.
import { asBoolean, judge } from '../facts';
import { fixes } from '../fixIntents';
import { dependsOnDeployment, fail, note, pass, type ReadinessRule } from './rule';

export const r16LegacyFlag: ReadinessRule = {
  id: 'R16',
  evaluate(model) {
    const facts = [{ label: 'upgradePolicy.automaticOSUpgrade', fact: model.legacyAutomaticOSUpgrade }];
    if (model.legacyAutomaticOSUpgrade.state === 'absent') return pass('R16', facts);
    const on = judge(model.legacyAutomaticOSUpgrade, (value) => asBoolean(value) === true);
    if (on === 'unknown') return dependsOnDeployment('R16', facts, model.legacyAutomaticOSUpgrade, 'whether the legacy automaticOSUpgrade flag is on');
    if (on === 'no') {
      return note('R16', facts, {
        origin: model.legacyAutomaticOSUpgrade.origin,
        severity: 'information',
        message:
          'R16: upgradePolicy.automaticOSUpgrade is the pre-2018-10-01 preview property; it is set to false here and newer API versions ignore it. Remove it and use upgradePolicy.automaticOSUpgradePolicy.',
      });
    }
    return fail('R16', facts, {
      origin: model.legacyAutomaticOSUpgrade.origin,
      message:
        'R16: upgradePolicy.automaticOSUpgrade is the pre-2018-10-01 preview property; current API versions do not honour it, so automatic OS upgrades stay off. Use upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade with apiVersion 2018-10-01 or later.',
      fixes: [fixes.enableAutomaticOsUpgrade()],
    });
  },
};
