// VirtualMachineScaleSets_Reimage (`POST …/virtualMachineScaleSets/{name}/reimage {instanceIds, exactVersion}`)
// through the SDK's virtualMachineScaleSets.reimage: one request and one long-running operation for the
// instances named; ids and version validated before anything changes; omitted ids mean every instance.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { StepClock } from './helpers/clocks';
import { errorCode, rawCall, snapshot } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const world = scenario([scaleSet('batch', 5)]);
const path = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/batch`;

describe('simulator batch reimage (VirtualMachineScaleSets_Reimage, O9)', function () {
  this.timeout(20_000);
  let sim: Simulator;
  const compute = () => sdkClients(sim, 'memory').compute(sub1);
  const versions = async () => (await collect(compute().virtualMachineScaleSetVMs.list('rg-test', 'batch'))).map((vm) => vm.storageProfile?.imageReference?.exactVersion);

  beforeEach(async () => {
    sim = await Simulator.start({ scenario: world, listen: false, clock: new StepClock(5_000) });
  });
  afterEach(async () => sim.stop());

  it('reimages the named instances to exactVersion with one request and one LRO (202, Azure-AsyncOperation + Location)', async () => {
    const before = sim.world.operations.count;
    const res = await rawCall(sim, 'POST', `${path}/reimage`, { body: { instanceIds: ['1', '3'], exactVersion: '1.1.0' } });
    assert.equal(res.status, 202);
    assert.ok(res.headers['azure-asyncoperation'] && res.headers.location, 'both monitors');
    assert.equal(sim.world.operations.count, before + 1, 'one operation for the batch');
    const set = sim.world.scaleSets[0];
    assert.deepEqual(set.instances.map((i) => i.busyUntil !== undefined && sim.world.now < i.busyUntil), [false, true, false, true, false]);
    sim.world.scheduler.advanceTo(sim.world.now + 3_600_000);
    assert.deepEqual(await versions(), ['1.0.0', '1.1.0', '1.0.0', '1.1.0', '1.0.0']);
  });

  it('the SDK call (virtualMachineScaleSets.reimage) completes when every instance is done', async () => {
    await compute().virtualMachineScaleSets.reimage('rg-test', 'batch', { ...poll, vmScaleSetReimageInput: { instanceIds: ['0', '4'], exactVersion: '1.1.0' } }).pollUntilDone();
    assert.deepEqual(await versions(), ['1.1.0', '1.0.0', '1.0.0', '1.0.0', '1.1.0']);
    const reimages = sim.requests().filter((r) => r.method === 'POST' && /\/reimage$/i.test(r.path));
    assert.equal(reimages.length, 1, 'one POST for two instances');
  });

  it('an unknown instance id is refused (400 InvalidParameter) and nothing changes', async () => {
    const before = snapshot(sim);
    const res = await rawCall(sim, 'POST', `${path}/reimage`, { body: { instanceIds: ['1', '99'], exactVersion: '1.1.0' } });
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), 'InvalidParameter');
    assert.equal(snapshot(sim), before);
  });

  it('an unknown exactVersion is refused for the whole batch (404 PlatformImageNotFound) and nothing changes', async () => {
    const before = snapshot(sim);
    const res = await rawCall(sim, 'POST', `${path}/reimage`, { body: { instanceIds: ['1', '2'], exactVersion: '9.9.9' } });
    assert.equal(res.status, 404);
    assert.equal(errorCode(res), 'PlatformImageNotFound');
    assert.equal(snapshot(sim), before);
  });

  it('an instance with an operation in progress refuses the batch (409 OperationNotAllowed)', async () => {
    assert.equal((await rawCall(sim, 'POST', `${path}/reimage`, { body: { instanceIds: ['2'] } })).status, 202);
    const res = await rawCall(sim, 'POST', `${path}/reimage`, { body: { instanceIds: ['1', '2'] } });
    assert.equal(res.status, 409);
    assert.equal(errorCode(res), 'OperationNotAllowed');
    assert.equal(sim.world.scaleSets[0].instances[1].busyUntil, undefined, 'instance 1 untouched');
  });

  it('without instanceIds every instance is reimaged (the parameter description in the spec)', async () => {
    assert.equal((await rawCall(sim, 'POST', `${path}/reimage`, { body: { exactVersion: '1.1.0' } })).status, 202);
    sim.world.scheduler.advanceTo(sim.world.now + 3_600_000);
    assert.deepEqual(await versions(), ['1.1.0', '1.1.0', '1.1.0', '1.1.0', '1.1.0']);
  });
});
