// O9 and model updates through the SDK: a model change makes instances latestModelApplied false;
// manualupgrade moves chosen instances; reimage with exactVersion pins or rolls back one instance;
// Automatic mode moves every VM at once, Rolling mode rolls the model out; data disks survive (A2).
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { ManualClock, StepClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { image, scaleSet, scenario, sub1 } from './helpers/scenarios';

const world = scenario([
  scaleSet('manual', 4, { dataDisks: [{ lun: 0, diskSizeGB: 64 }] }),
  scaleSet('auto', 3, { upgradePolicy: { mode: 'Automatic' } }),
  scaleSet('rolling', 5, { upgradePolicy: { mode: 'Rolling' } }),
]);

const pinVersion = (version: string) => ({ virtualMachineProfile: { storageProfile: { imageReference: { ...image, version } } } });

describe('simulator manual rollout and model updates (O9)', function () {
  this.timeout(20_000);
  let sim: Simulator;
  const compute = () => sdkClients(sim, 'memory').compute(sub1);
  const vms = async (set: string) => collect(compute().virtualMachineScaleSetVMs.list('rg-test', set));

  beforeEach(async () => {
    sim = await Simulator.start({ scenario: world, listen: false, clock: new StepClock(5_000) });
  });

  it('a new image reference makes every instance latestModelApplied: false; manualupgrade moves only the chosen ones', async () => {
    const disksBefore = (await vms('manual')).map((vm) => vm.storageProfile?.dataDisks?.[0]?.name);
    await compute().virtualMachineScaleSets.update('rg-test', 'manual', pinVersion('1.1.0'), poll).pollUntilDone();
    let listed = await vms('manual');
    assert.deepEqual(listed.map((vm) => vm.latestModelApplied), [false, false, false, false]);
    await compute().virtualMachineScaleSets.updateInstances('rg-test', 'manual', { instanceIds: ['0', '2'] }, poll).pollUntilDone();
    listed = await vms('manual');
    assert.deepEqual(listed.map((vm) => vm.latestModelApplied), [true, false, true, false]);
    assert.deepEqual(listed.map((vm) => vm.storageProfile?.imageReference?.exactVersion), ['1.1.0', '1.0.0', '1.1.0', '1.0.0']);
    assert.deepEqual(listed.map((vm) => vm.storageProfile?.dataDisks?.[0]?.name), disksBefore, 'A2: data disks are kept');
  });

  it('reimage with exactVersion pins (or rolls back) one instance; without it the version stays', async () => {
    await compute().virtualMachineScaleSetVMs.reimage('rg-test', 'manual', '3', { ...poll, vmScaleSetVMReimageInput: { exactVersion: '1.1.0' } }).pollUntilDone();
    await compute().virtualMachineScaleSetVMs.reimage('rg-test', 'manual', '1', poll).pollUntilDone();
    const listed = await vms('manual');
    assert.deepEqual(listed.map((vm) => vm.storageProfile?.imageReference?.exactVersion), ['1.0.0', '1.0.0', '1.0.0', '1.1.0']);
    await compute().virtualMachineScaleSetVMs.reimage('rg-test', 'manual', '3', { ...poll, vmScaleSetVMReimageInput: { exactVersion: '1.0.0' } }).pollUntilDone();
    assert.equal((await compute().virtualMachineScaleSetVMs.get('rg-test', 'manual', '3')).storageProfile?.imageReference?.exactVersion, '1.0.0');
  });

  it('Automatic mode moves every VM to the new model at once', async () => {
    await compute().virtualMachineScaleSets.update('rg-test', 'auto', pinVersion('1.1.0'), poll).pollUntilDone();
    const set = sim.world.scaleSets.find((s) => s.name === 'auto')!;
    const busy = set.instances.filter((i) => i.busyUntil !== undefined).length;
    assert.equal(busy, 3, 'all instances are being upgraded together');
    sim.world.scheduler.advanceTo(sim.world.now + 3_600_000);
    assert.deepEqual((await vms('auto')).map((vm) => [vm.latestModelApplied, vm.storageProfile?.imageReference?.exactVersion]), [[true, '1.1.0'], [true, '1.1.0'], [true, '1.1.0']]);
  });

  it('Rolling mode rolls a model change out in batches (rollingUpgrades/latest, not OS upgrade history)', async () => {
    await compute().virtualMachineScaleSets.update('rg-test', 'rolling', pinVersion('1.1.0'), poll).pollUntilDone();
    sim.world.scheduler.advanceTo(sim.world.now + 3_600_000);
    const latest = await compute().virtualMachineScaleSetRollingUpgrades.getLatest('rg-test', 'rolling');
    assert.equal(latest.runningStatus?.code, 'Completed');
    assert.equal(latest.progress?.successfulInstanceCount, 5);
    assert.ok((await vms('rolling')).every((vm) => vm.latestModelApplied && vm.storageProfile?.imageReference?.exactVersion === '1.1.0'));
    assert.equal((await collect(compute().virtualMachineScaleSets.listOSUpgradeHistory('rg-test', 'rolling'))).length, 0);
  });

  it('a policy change is an update of the set: back to Rolling with instances behind the model, Azure rolls them to it (Learn: Configure rolling upgrades, restart)', async () => {
    const mode = (m: string) => ({ upgradePolicy: { mode: m as 'Rolling' | 'Manual' } });
    await compute().virtualMachineScaleSets.update('rg-test', 'rolling', mode('Manual'), poll).pollUntilDone();
    await compute().virtualMachineScaleSets.update('rg-test', 'rolling', pinVersion('1.1.0'), poll).pollUntilDone();
    sim.world.scheduler.advanceTo(sim.world.now + 3_600_000);
    assert.ok((await vms('rolling')).every((vm) => vm.latestModelApplied === false), 'in Manual mode nothing moves');
    await compute().virtualMachineScaleSets.update('rg-test', 'rolling', mode('Rolling'), poll).pollUntilDone();
    sim.world.scheduler.advanceTo(sim.world.now + 3_600_000);
    const latest = await compute().virtualMachineScaleSetRollingUpgrades.getLatest('rg-test', 'rolling');
    assert.equal(latest.runningStatus?.code, 'Completed');
    assert.ok((await vms('rolling')).every((vm) => vm.latestModelApplied && vm.storageProfile?.imageReference?.exactVersion === '1.1.0'));
  });

  it('sku.capacity scales out with instances on the latest model', async () => {
    await compute().virtualMachineScaleSets.update('rg-test', 'manual', { sku: { capacity: 6 } }, poll).pollUntilDone();
    const listed = await vms('manual');
    assert.equal(listed.length, 6);
    assert.deepEqual(listed.map((vm) => vm.instanceId), ['0', '1', '2', '3', '4', '5']);
    assert.ok(listed.every((vm) => vm.latestModelApplied));
  });

  it('an instance shows provisioningState Updating and HealthState/initializing while its OS disk is replaced', async () => {
    const clock = new ManualClock();
    const manual = await Simulator.start({ scenario: world, listen: false, clock });
    const path = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/manual/virtualMachines/2`;
    assert.equal((await rawCall(manual, 'POST', `${path}/reimage`)).status, 202);
    const during = (await rawCall(manual, 'GET', `${path}/instanceView`)).body as { statuses: { code: string }[]; vmHealth: { status: { code: string } } };
    assert.equal(during.statuses[0].code, 'ProvisioningState/updating');
    assert.equal(during.vmHealth.status.code, 'HealthState/initializing');
    clock.advance(60_000 + 30_000);
    const after = (await rawCall(manual, 'GET', `${path}/instanceView`)).body as { statuses: { code: string }[]; vmHealth: { status: { code: string } } };
    assert.equal(after.statuses[0].code, 'ProvisioningState/succeeded');
    assert.equal(after.vmHealth.status.code, 'HealthState/healthy');
  });

  it('createOrUpdate (PUT) replaces an existing model (200) and creates a new set (201) from the same shape', async () => {
    const existing = await compute().virtualMachineScaleSets.get('rg-test', 'manual');
    const updated = await compute().virtualMachineScaleSets.createOrUpdate('rg-test', 'manual', { ...existing, tags: { put: 'yes' } }, poll).pollUntilDone();
    assert.deepEqual(updated.tags, { put: 'yes' });
    const created = await compute().virtualMachineScaleSets.createOrUpdate('rg-test', 'copy', { location: existing.location, sku: { ...existing.sku, capacity: 2 }, virtualMachineProfile: existing.virtualMachineProfile, upgradePolicy: existing.upgradePolicy }, poll).pollUntilDone();
    assert.equal(created.provisioningState, 'Succeeded');
    assert.equal((await vms('copy')).length, 2);
    const statuses = sim.requests().filter((r) => r.method === 'PUT').map((r) => r.status);
    assert.deepEqual(statuses, [200, 201]);
  });
});
