// O8 maxSurge building blocks through the real SDK: DeleteInstances removes exactly the named instances
// (an unknown id is refused and nothing changes), a scale-out creates fresh, never-reused instance ids
// placed like any scale-out, on the image the model resolves to at creation, booting through
// Initializing; a scale-out beyond the regional cores quota is refused like Azure (409 OperationNotAllowed).
import { strict as assert } from 'node:assert';
import { RestError } from '@azure/core-rest-pipeline';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { StepClock } from './helpers/clocks';
import { rawCall, snapshot } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const world = scenario(
  [
    scaleSet('surge', 4, { zones: ['1', '2'] }),
    scaleSet('tight', 4, { instances: { count: 4, scaleOut: { '1': { afterUpgrade: 'neverHealthy' } } } }),
  ],
  { quotas: [{ subscriptionId: sub1, location: 'westeurope', cores: 22 }] },
);

async function refusal(p: Promise<unknown>): Promise<RestError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof RestError, String(err));
    return err;
  }
  assert.fail('the request was not refused');
}

describe('simulator scale-out and DeleteInstances (O8 maxSurge)', function () {
  this.timeout(20_000);
  let sim: Simulator;
  const compute = () => sdkClients(sim, 'memory').compute(sub1);
  const vms = async (set: string) => collect(compute().virtualMachineScaleSetVMs.list('rg-test', set, { expand: 'instanceView' }));

  beforeEach(async () => {
    sim = await Simulator.start({ scenario: world, listen: false, clock: new StepClock(5_000) });
  });

  it('DeleteInstances removes exactly the named instances and lowers sku.capacity', async () => {
    await compute().virtualMachineScaleSets.deleteInstances('rg-test', 'surge', { instanceIds: ['1', '3'] }, poll).pollUntilDone();
    assert.deepEqual((await vms('surge')).map((vm) => vm.instanceId), ['0', '2']);
    assert.equal((await compute().virtualMachineScaleSets.get('rg-test', 'surge')).sku?.capacity, 2);
  });

  it('an instance being deleted shows provisioningState Deleting until the operation ends', async () => {
    const path = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/surge`;
    assert.equal((await rawCall(sim, 'POST', `${path}/delete`, { body: { instanceIds: ['2'] } })).status, 202);
    const vm = (await rawCall(sim, 'GET', `${path}/virtualMachines/2`)).body as { properties: { provisioningState: string } };
    assert.equal(vm.properties.provisioningState, 'Deleting');
  });

  it('an unknown instance id is refused with 400 InvalidParameter and nothing is deleted', async () => {
    const before = snapshot(sim);
    const err = await refusal(compute().virtualMachineScaleSets.deleteInstances('rg-test', 'surge', { instanceIds: ['0', '9'] }, poll).pollUntilDone());
    assert.equal(err.statusCode, 400);
    assert.equal(err.code, 'InvalidParameter');
    assert.match(err.message, /instanceId 9 is not an active/);
    assert.equal(snapshot(sim), before);
    assert.equal((await vms('surge')).length, 4);
  });

  it('a scale-out after a delete gets fresh ids, round-robin zones and the image the model resolves to now', async () => {
    await compute().virtualMachineScaleSets.deleteInstances('rg-test', 'surge', { instanceIds: ['0', '1'] }, poll).pollUntilDone();
    await compute().virtualMachineScaleSets.update('rg-test', 'surge', { sku: { capacity: 4 } }, poll).pollUntilDone();
    const listed = await vms('surge');
    assert.deepEqual(listed.map((vm) => vm.instanceId), ['2', '3', '4', '5'], 'deleted ids 0 and 1 are never reused');
    const added = listed.filter((vm) => ['4', '5'].includes(vm.instanceId ?? ''));
    assert.deepEqual(added.map((vm) => vm.zones?.[0]), ['1', '2']);
    // The model says `latest`: new VMs get the newest published version, the old ones keep 1.0.0.
    assert.deepEqual(listed.map((vm) => vm.storageProfile?.imageReference?.exactVersion), ['1.0.0', '1.0.0', '1.1.0', '1.1.0']);
    assert.deepEqual(added.map((vm) => vm.instanceView?.vmHealth?.status?.code), ['HealthState/initializing', 'HealthState/initializing'], 'H3: a new VM initializes first');
    sim.world.scheduler.advanceTo(sim.world.now + 120_000);
    assert.ok((await vms('surge')).every((vm) => vm.instanceView?.vmHealth?.status?.code === 'HealthState/healthy'));
  });

  it('scenario instances.scaleOut: the second new instance is never healthy', async () => {
    await compute().virtualMachineScaleSets.update('rg-test', 'tight', { sku: { capacity: 6 } }, poll).pollUntilDone();
    sim.world.scheduler.advanceTo(sim.world.now + 600_000);
    const health = Object.fromEntries((await vms('tight')).map((vm) => [vm.instanceId, vm.instanceView?.vmHealth?.status?.code]));
    assert.equal(health['4'], 'HealthState/healthy');
    assert.equal(health['5'], 'HealthState/unhealthy');
  });

  it('a scale-out beyond the regional cores quota is refused with 409 OperationNotAllowed naming the quota; nothing changes', async () => {
    // 8 instances of Standard_D2s_v3 use 16 of 22 cores: three more fit, four do not.
    const before = snapshot(sim);
    const err = await refusal(compute().virtualMachineScaleSets.update('rg-test', 'surge', { sku: { capacity: 8 } }, poll).pollUntilDone());
    assert.equal(err.statusCode, 409);
    assert.equal(err.code, 'OperationNotAllowed');
    assert.match(err.message, /Total Regional Cores quota.*Current Limit: 22, Current Usage: 16, Additional Required: 8/);
    assert.equal(snapshot(sim), before);
    await compute().virtualMachineScaleSets.update('rg-test', 'surge', { sku: { capacity: 7 } }, poll).pollUntilDone();
    assert.equal((await vms('surge')).length, 7);
  });
});
