// RD1 (A1 osRollingUpgradeDeferral; spec/Learn: "The upgrade then defers until the upgrade is approved via an
// ApproveRollingUpgrade call"): a set whose automatic OS upgrades are deferred is warned — who approves? — in
// templates (at the property), in Bicep's model builder alike, and live.
import assert from 'node:assert/strict';
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { evaluateReadiness } from '../../../src/readiness/evaluateReadiness';
import { scaleSetModelFromLive } from '../../../src/readiness/fromLive';
import { ruleInfo } from '../../../src/readiness/ruleCatalog';
import { scaleSet, template } from './templateBuilder';

function rd1(automaticOSUpgradePolicy: Record<string, unknown>, parameters: Record<string, unknown> = {}) {
  const resource = scaleSet({ upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy, rollingUpgradePolicy: { maxBatchInstancePercent: 20 } } });
  return lintTemplateText(template([resource], { parameters })).findings.filter((f) => f.rule === 'RD1');
}

describe('RD1: deferred automatic OS upgrades wait for an approval', () => {
  it('is in the catalogue as a warning with a stable code', () => {
    assert.deepEqual([ruleInfo('RD1').code, ruleInfo('RD1').defaultSeverity], ['vmss-os-upgrade-deferral', 'warning']);
  });

  it('warns when deferral and automatic OS upgrades are both on, asking who approves', () => {
    const [finding, ...rest] = rd1({ enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: true });
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^RD1: osRollingUpgradeDeferral is on: each automatic OS image upgrade waits, VM by VM, until it is approved/);
    assert.match(finding.message, /Azure documents no timeout.*Decide who approves/);
  });

  it('says nothing without deferral, or when automatic OS upgrades are off (nothing to defer)', () => {
    assert.deepEqual(rd1({ enableAutomaticOSUpgrade: true }), []);
    assert.deepEqual(rd1({ enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: false }), []);
    assert.deepEqual(rd1({ enableAutomaticOSUpgrade: false, osRollingUpgradeDeferral: true }), []);
  });

  it('depends on a deferral parameter without default, naming it', () => {
    const [finding] = rd1({ enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: "[parameters('defer')]" }, { defer: { type: 'bool' } });
    assert.equal(finding.kind, 'deployment-time');
    assert.match(finding.message, /defer/);
  });

  it('judges a live set through fromLive the same way', () => {
    const live = (deferral: boolean): VirtualMachineScaleSet => ({ location: 'westeurope', upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: deferral } } });
    const rules = (vmss: VirtualMachineScaleSet) => evaluateReadiness(scaleSetModelFromLive(vmss)).findings.map((f) => f.rule);
    assert.ok(rules(live(true)).includes('RD1'));
    assert.ok(!rules(live(false)).includes('RD1'));
  });
});
