// RM1 vmss-manual-mode-existing-instances (O9): with upgradePolicy.mode Manual (the default), a
// model change — such as turning on automatic OS upgrade or moving to 'latest' — reaches only new
// instances; existing ones stay on the old model until `manualupgrade` is called for them.
import { asBoolean, asString, judge } from '../facts';
import { note, notApplicable, type ReadinessRule } from './rule';

export const rm1ManualMode: ReadinessRule = {
  id: 'RM1',
  evaluate(model) {
    const facts = [
      { label: 'upgradePolicy.mode', fact: model.upgradeMode },
      { label: 'enableAutomaticOSUpgrade', fact: model.enableAutomaticOSUpgrade },
    ];
    const manual = judge(model.upgradeMode, (value) => value === undefined || asString(value)?.toLowerCase() === 'manual');
    const on = judge(model.enableAutomaticOSUpgrade, (value) => asBoolean(value) === true);
    if (manual !== 'yes' || on !== 'yes') return notApplicable('RM1', 'not Manual mode with automatic OS upgrade on', facts);
    return note('RM1', facts, {
      origin: model.upgradeMode.state === 'absent' ? model.enableAutomaticOSUpgrade.origin : model.upgradeMode.origin,
      message:
        'RM1: upgradePolicy.mode is Manual, so existing instances keep their current model after this change; bring them to the latest model with a manual upgrade (manualupgrade) — automatic OS image upgrades then keep them current.',
    });
  },
};
