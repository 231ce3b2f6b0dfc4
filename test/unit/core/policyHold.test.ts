// What the plan says the run does with the set's upgrade policy, per mode, move method and automatic OS
// upgrades (O9, A1, A4) — and that the CLI's plan (text and JSON) shows it.
import * as assert from 'node:assert/strict';
import { planAsJson, printPlan } from '../../../src/cli/commands/plan';
import type { ResolvedTarget, UpgradePolicyState } from '../../../src/core/contract';
import { planRollout } from '../../../src/core/planner/planRollout';
import { holdProblem } from '../../../src/core/planner/policyHold';
import { fleet, policy, reimageTarget } from './planFixtures';

const modelTarget: ResolvedTarget = { ...reimageTarget, request: { kind: 'sku', sku: 'minimal' }, method: 'model', modelImage: { publisher: 'Canonical', offer: 'ubuntu', sku: 'minimal', version: 'latest' }, rollbackMethod: 'modelRevert' };
const plan = (upgradePolicy: UpgradePolicyState, target: ResolvedTarget, maxSurge = false) =>
  planRollout({ scaleSetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', instances: fleet(5), target, policy: policy({ maxSurge }), strategy: { kind: 'percentage' }, upgradePolicy });

describe('plan: the upgrade policy held for the run', () => {
  it('O9: Rolling or Automatic mode goes to Manual when the run changes the model (model move or maxSurge), not for a reimage; automatic OS upgrades go off for any run (A4); Manual without them: nothing held', () => {
    const cases: [UpgradePolicyState, ResolvedTarget, boolean, UpgradePolicyState | undefined][] = [
      [{ mode: 'Manual', automaticOSUpgrade: false }, modelTarget, false, undefined],
      [{ mode: 'Rolling', automaticOSUpgrade: false }, modelTarget, false, { mode: 'Manual', automaticOSUpgrade: false }],
      [{ mode: 'Automatic', automaticOSUpgrade: false }, modelTarget, false, { mode: 'Manual', automaticOSUpgrade: false }],
      [{ mode: 'Rolling', automaticOSUpgrade: false }, reimageTarget, false, undefined],
      [{ mode: 'Rolling', automaticOSUpgrade: false }, reimageTarget, true, { mode: 'Manual', automaticOSUpgrade: false }],
      [{ mode: 'Rolling', automaticOSUpgrade: true }, reimageTarget, false, { mode: 'Rolling', automaticOSUpgrade: false }],
      [{ mode: 'Manual', automaticOSUpgrade: true }, modelTarget, false, { mode: 'Manual', automaticOSUpgrade: false }],
    ];
    for (const [original, target, surge, during] of cases) {
      const p = plan(original, target, surge);
      assert.deepEqual(p.policyHold, during ? { original, during } : undefined, `${original.mode}/${original.automaticOSUpgrade} ${target.method}${surge ? ' maxSurge' : ''}`);
      assert.equal(p.warnings.some((w) => w.startsWith('Upgrade policy:')), during !== undefined);
    }
  });

  it('the CLI plan shows the hold in text and JSON', () => {
    const p = plan({ mode: 'Rolling', automaticOSUpgrade: true }, modelTarget);
    let text = '';
    printPlan(p, { stdout: { write: (s: string) => ((text += s), true) }, stderr: { write: () => true } } as unknown as Parameters<typeof printPlan>[1]);
    assert.match(text, /Upgrade policy held for the run: mode Rolling → Manual, automatic OS upgrades on → off; restored after \(journaled\)/);
    assert.match(text, /Note: Upgrade policy: the upgrade policy mode goes from Rolling to Manual/);
    assert.deepEqual(planAsJson(p).policyHold, { original: { mode: 'Rolling', automaticOSUpgrade: true }, during: { mode: 'Manual', automaticOSUpgrade: false } });
  });

  it('A1: with automatic OS upgrades on, a model target that pins the version, a gallery version or a managed image is a problem; latest or a gallery definition is not', () => {
    const on = { mode: 'Manual' as const, automaticOSUpgrade: true };
    const withModel = (modelImage: ResolvedTarget['modelImage']): ResolvedTarget => ({ ...modelTarget, modelImage });
    assert.ok(holdProblem(on, withModel({ publisher: 'Canonical', offer: 'ubuntu', sku: 'minimal', version: '1.2.3' })));
    assert.ok(holdProblem(on, withModel({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/web/versions/2.0.0' })));
    assert.ok(holdProblem(on, withModel({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/golden' })));
    assert.equal(holdProblem(on, withModel({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/web' })), undefined);
    assert.equal(holdProblem(on, modelTarget), undefined);
    assert.equal(holdProblem({ ...on, automaticOSUpgrade: false }, withModel({ publisher: 'Canonical', offer: 'ubuntu', sku: 'minimal', version: '1.2.3' })), undefined);
  });
});
