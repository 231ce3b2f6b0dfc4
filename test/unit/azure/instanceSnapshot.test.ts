import * as assert from 'node:assert/strict';
import type { VirtualMachineScaleSetVM } from '@azure/arm-compute';
import { toInstanceSnapshot } from '../../../src/azure/instanceSnapshot';

function vm(overrides: Partial<VirtualMachineScaleSetVM> = {}, view: NonNullable<VirtualMachineScaleSetVM['instanceView']> = {}): VirtualMachineScaleSetVM {
  return {
    location: 'westeurope',
    name: 'web_3',
    instanceId: '3',
    zones: ['2'],
    provisioningState: 'Succeeded',
    latestModelApplied: true,
    storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest', exactVersion: '24.04.202409120' } },
    instanceView: { platformUpdateDomain: 1, platformFaultDomain: 0, statuses: [{ code: 'ProvisioningState/succeeded' }, { code: 'PowerState/running' }], ...view },
    ...overrides,
  } as VirtualMachineScaleSetVM;
}

describe('toInstanceSnapshot', () => {
  it('reads zone, update and fault domain, power state and the exact image version', () => {
    const s = toInstanceSnapshot(vm());
    assert.equal(s.instanceId, '3');
    assert.equal(s.zone, '2');
    assert.equal(s.updateDomain, 1);
    assert.equal(s.faultDomain, 0);
    assert.equal(s.powerState, 'running');
    assert.equal(s.image.exactVersion, '24.04.202409120');
  });

  it('H3: takes health from vmHealth when the Application Health extension reports it', () => {
    for (const state of ['healthy', 'unhealthy', 'initializing', 'unknown'] as const) {
      const s = toInstanceSnapshot(vm({}, { vmHealth: { status: { code: `HealthState/${state}` } } } as never));
      assert.equal(s.health, state);
      assert.equal(s.healthSource, 'signal');
    }
  });

  it('H1: without a signal, a running instance with every extension provisioned is healthy', () => {
    const s = toInstanceSnapshot(vm());
    assert.equal(s.health, 'healthy');
    assert.equal(s.healthSource, 'derived');
  });

  it('H1: a stopped instance, or one with a failed extension, is unhealthy', () => {
    const stopped = toInstanceSnapshot(vm({}, { statuses: [{ code: 'PowerState/stopped' }] }));
    assert.equal(stopped.health, 'unhealthy');
    const failedExt = toInstanceSnapshot(
      vm({}, { extensions: [{ name: 'CustomScript', statuses: [{ code: 'ProvisioningState/failed', displayStatus: 'Provisioning failed' }] }] }),
    );
    assert.equal(failedExt.health, 'unhealthy');
    assert.deepEqual(failedExt.extensionProblems, ['CustomScript: Provisioning failed']);
  });
});
