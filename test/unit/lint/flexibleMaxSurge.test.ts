// RF1 (Learn: Rolling upgrades with MaxSurge — Considerations): a Flexible set that enables
// automatic OS image upgrades and MaxSurge together is reported, in templates and live alike.
import assert from 'node:assert/strict';
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { evaluateReadiness } from '../../../src/readiness/evaluateReadiness';
import { scaleSetModelFromLive } from '../../../src/readiness/fromLive';
import { scaleSet, template } from './templateBuilder';

const policy = (maxSurge: unknown) => ({
  mode: 'Rolling',
  automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, useRollingUpgradePolicy: true },
  rollingUpgradePolicy: { maxBatchInstancePercent: 20, maxSurge },
});

function rf1(mode: string, maxSurge: unknown, parameters: Record<string, unknown> = {}) {
  const resource = scaleSet({ upgradePolicy: policy(maxSurge), extraProperties: { orchestrationMode: mode } });
  return lintTemplateText(template([resource], { parameters })).findings.filter((f) => f.rule === 'RF1');
}

describe('RF1: Flexible set with automatic OS image upgrades and MaxSurge', () => {
  it('warns on a Flexible set that enables both, at maxSurge', () => {
    const [finding, ...rest] = rf1('Flexible', true);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /not supported yet for Flexible orchestration/);
  });

  it('says nothing for a Uniform set, or a Flexible set without MaxSurge', () => {
    assert.deepEqual(rf1('Uniform', true), []);
    assert.deepEqual(rf1('Flexible', false), []);
  });

  it('depends on a maxSurge parameter without default, naming it (bool branches differ)', () => {
    const [finding] = rf1('Flexible', "[parameters('surge')]", { surge: { type: 'bool' } });
    assert.equal(finding.kind, 'deployment-time');
    assert.match(finding.message, /Decided by parameter 'surge': it fails when surge = true, passes when surge = false/);
  });

  it('judges a live Flexible set through fromLive the same way', () => {
    const vmss: VirtualMachineScaleSet = {
      location: 'westeurope',
      orchestrationMode: 'Flexible',
      upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true }, rollingUpgradePolicy: { maxSurge: true } },
    };
    const rules = evaluateReadiness(scaleSetModelFromLive(vmss)).findings.map((f) => f.rule);
    assert.ok(rules.includes('RF1'), rules.join(','));
  });
});
