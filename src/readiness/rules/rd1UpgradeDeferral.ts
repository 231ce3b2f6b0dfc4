// RD1 vmss-os-upgrade-deferral (A1): with `automaticOSUpgradePolicy.osRollingUpgradeDeferral` on, every
// automatic OS image upgrade waits, VM by VM, until someone approves it. Source: the property's description in
// the Compute REST spec (ComputeRP.json 2023-09-01 and later, AutomaticOSUpgradePolicy) and on Learn
// ("AutomaticOSUpgradePolicy interface", @azure/arm-compute): "Deferred OS upgrades will send advanced
// notifications on a per-VM basis that an OS upgrade from rolling upgrades is incoming, via the IMDS tag
// 'Platform.PendingOSUpgrade'. The upgrade then defers until the upgrade is approved via an
// ApproveRollingUpgrade call." Neither documents a timeout (unverified that there is none), so an upgrade
// nobody approves never lands: the warning asks who approves. With automatic upgrades off the flag has
// nothing to defer.
import { asBoolean, judge } from '../facts';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';

export const rd1UpgradeDeferral: ReadinessRule = {
  id: 'RD1',
  shapes: ['full', 'partial', 'no-profile'],
  evaluate(model) {
    const deferral = model.osRollingUpgradeDeferral ?? { state: 'absent' as const, origin: model.origin };
    const facts = [
      { label: 'osRollingUpgradeDeferral', fact: deferral },
      { label: 'enableAutomaticOSUpgrade', fact: model.enableAutomaticOSUpgrade },
    ];
    const on = judge(deferral, (value) => asBoolean(value) === true);
    if (on === 'no') return pass('RD1', facts, 'automatic OS upgrades are not deferred');
    if (on === 'unknown') return dependsOnDeployment('RD1', facts, deferral, 'whether automatic OS upgrades wait for an approval');
    const automatic = judge(model.enableAutomaticOSUpgrade, (value) => asBoolean(value) === true);
    if (automatic === 'no') return notApplicable('RD1', 'osRollingUpgradeDeferral is on, but automatic OS image upgrades are off: nothing is deferred', facts);
    return fail('RD1', facts, {
      origin: deferral.origin,
      message:
        "RD1: osRollingUpgradeDeferral is on: each automatic OS image upgrade waits, VM by VM, until it is approved (ApproveRollingUpgrade on the set or on the instance; the VM sees the IMDS tag 'Platform.PendingOSUpgrade'). Azure documents no timeout, so an upgrade nobody approves never lands. Decide who approves — a person with this extension's Approve OS Upgrade commands, or automation that watches the tag — or turn deferral off.",
    });
  },
};
