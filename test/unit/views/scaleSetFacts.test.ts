import * as assert from 'node:assert/strict';
import type { VirtualMachineScaleSet } from '../../../src/azure/gateway';
import { imageLabel, mayRunPlatformUpgrade, scaleSetContextValue, scaleSetFacts } from '../../../src/views/scaleSetFacts';
import type { ScaleSetNode, SubscriptionNode } from '../../../src/views/treeNodes';

const subscription: SubscriptionNode = { kind: 'subscription', key: 'sub:s1', subscription: { subscriptionId: 's1', displayName: 'One' } };

function node(scaleSet: Partial<VirtualMachineScaleSet>, extra: Partial<ScaleSetNode> = {}): ScaleSetNode {
  return {
    kind: 'scaleSet',
    key: 'sub:s1/set:rg/web',
    subscription,
    ref: { subscriptionId: 's1', resourceGroup: 'rg', name: 'web' },
    scaleSet: { location: 'westeurope', ...scaleSet } as VirtualMachineScaleSet,
    watching: false,
    ...extra,
  };
}

describe('scale set facts and context values', () => {
  it('reads orchestration, capacity, image, upgrade mode and automatic OS upgrade (A1)', () => {
    const facts = scaleSetFacts(
      node({
        orchestrationMode: 'Flexible',
        sku: { capacity: 6 },
        upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } },
        virtualMachineProfile: { storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } } },
      }),
    );
    assert.deepEqual(
      { ...facts },
      {
        orchestrationMode: 'Flexible',
        capacity: 6,
        image: 'Canonical/ubuntu-24_04-lts/server/latest',
        upgradeMode: 'Rolling',
        autoOsUpgrade: true,
        rollingUpgrade: false,
        rollingProgress: undefined,
        busy: false,
        deferral: false,
        awaitingApproval: 0,
      },
    );
    assert.equal(scaleSetContextValue(facts), 'vmssScaleSet;autoOsUpgradeOn;modeRolling;flexible');
  });

  it('defaults to Uniform and Manual, automatic OS upgrade off', () => {
    const facts = scaleSetFacts(node({}));
    assert.equal(scaleSetContextValue(facts), 'vmssScaleSet;autoOsUpgradeOff;modeManual;uniform');
  });

  it('marks a running platform rolling upgrade with its progress (A6) and our own operations as busy', () => {
    const facts = scaleSetFacts(
      node(
        { upgradePolicy: { mode: 'Automatic' } },
        {
          watching: true,
          rolling: { location: 'westeurope', runningStatus: { code: 'RollingForward' }, progress: { successfulInstanceCount: 2, failedInstanceCount: 1, inProgressInstanceCount: 1, pendingInstanceCount: 6 } },
        },
      ),
    );
    assert.deepEqual(facts.rollingProgress, { done: 2, failed: 1, total: 10 });
    assert.equal(scaleSetContextValue(facts), 'vmssScaleSet;autoOsUpgradeOff;modeAutomatic;uniform;rolling;busy');
  });

  it('does not call a finished rolling upgrade running', () => {
    const facts = scaleSetFacts(node({}, { rolling: { location: 'x', runningStatus: { code: 'Completed' } } }));
    assert.equal(facts.rollingUpgrade, false);
    assert.equal(facts.rollingProgress, undefined);
  });

  it('names Compute Gallery images by gallery, definition and version (O9)', () => {
    const base = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/web-image';
    assert.equal(imageLabel({ id: base }), 'gal/web-image@latest');
    assert.equal(imageLabel({ id: `${base}/versions/1.2.3` }), 'gal/web-image@1.2.3');
    assert.equal(imageLabel(undefined), '');
  });

  it('looks for platform rolling upgrades only where the policy allows them (A1, A6)', () => {
    assert.equal(mayRunPlatformUpgrade(node({ upgradePolicy: { mode: 'Manual' } })), false);
    assert.equal(mayRunPlatformUpgrade(node({ upgradePolicy: { mode: 'Rolling' } })), true);
    assert.equal(mayRunPlatformUpgrade(node({ upgradePolicy: { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } })), true);
  });

  it('A1 osRollingUpgradeDeferral: deferralOn, and approvable once instances wait or a rolling upgrade runs', () => {
    const deferred = { upgradePolicy: { mode: 'Manual' as const, automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: true } } };
    assert.equal(scaleSetContextValue(scaleSetFacts(node(deferred))), 'vmssScaleSet;autoOsUpgradeOn;modeManual;uniform;deferralOn');
    const waiting = scaleSetFacts(node(deferred, { awaitingApproval: ['0', '3'] }));
    assert.equal(waiting.awaitingApproval, 2);
    assert.equal(scaleSetContextValue(waiting), 'vmssScaleSet;autoOsUpgradeOn;modeManual;uniform;deferralOn;approvable');
    const rolling = scaleSetFacts(node(deferred, { rolling: { location: 'x', runningStatus: { code: 'RollingForward' } } }));
    assert.match(scaleSetContextValue(rolling), /;rolling;deferralOn;approvable$/);
    assert.doesNotMatch(scaleSetContextValue(scaleSetFacts(node({}, { awaitingApproval: ['0'] }))), /approvable/, 'no deferral: nothing to approve');
  });
});
