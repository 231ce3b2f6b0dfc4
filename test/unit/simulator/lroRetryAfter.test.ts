// Long-running operations tell the client when to poll again (Retry-After), as ComputeRP.json declares
// for their 201/202 responses and Compute sends (10 s); the SDK then polls at the server's pace.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { sdkClients } from './helpers/clients';
import { ManualClock, StepClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const vmss = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;
const rolling = { upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 50 } } };

describe('simulator LRO Retry-After', () => {
  it('202 of a POST action, 201/200 of a PUT/PATCH and every in-progress poll carry Retry-After 10 (real seconds at time scale 1)', async () => {
    const clock = new ManualClock();
    const sim = await Simulator.start({ listen: false, clock, scenario: scenario([scaleSet('web', 2, rolling)]) });
    const started = await rawCall(sim, 'POST', `${vmss}/osRollingUpgrade`);
    assert.equal(started.status, 202);
    assert.equal(started.headers['retry-after'], '10');
    const status = new URL(started.headers['azure-asyncoperation']);
    const monitor = new URL(started.headers.location);
    const poll = await rawCall(sim, 'GET', status.pathname, { apiVersion: status.searchParams.get('api-version') });
    assert.equal((poll.body as { status: string }).status, 'InProgress');
    assert.equal(poll.headers['retry-after'], '10');
    const monitorPoll = await rawCall(sim, 'GET', `${monitor.pathname}?monitor=true`, { apiVersion: monitor.searchParams.get('api-version') });
    assert.equal(monitorPoll.status, 202);
    assert.equal(monitorPoll.headers['retry-after'], '10');
    const patched = await rawCall(sim, 'PATCH', vmss, { body: { tags: { a: 'b' } } });
    assert.equal(patched.headers['retry-after'], '10');
    clock.advance(3_600_000);
    const done = await rawCall(sim, 'GET', status.pathname, { apiVersion: status.searchParams.get('api-version') });
    assert.equal((done.body as { status: string }).status, 'Succeeded');
    assert.equal(done.headers['retry-after'], undefined, 'a finished operation has nothing to wait for');
    await sim.stop();
  });

  it('the wait is simulated time: real seconds = simulated / time scale, rounded; a scenario can change it', async () => {
    const fast = await Simulator.start({ listen: false, clock: new StepClock(1_000, undefined, 60), scenario: scenario([scaleSet('web', 2, rolling)]) });
    assert.equal((await rawCall(fast, 'POST', `${vmss}/osRollingUpgrade`)).headers['retry-after'], '0');
    await fast.stop();
    const slow = scenario([scaleSet('web', 2, rolling)]);
    const tuned = await Simulator.start({ listen: false, clock: new StepClock(1_000, undefined, 60), scenario: { ...slow, timing: { ...slow.timing, lroRetryAfterSeconds: 120 } } });
    assert.equal((await rawCall(tuned, 'POST', `${vmss}/osRollingUpgrade`)).headers['retry-after'], '2');
    await tuned.stop();
  });

  it('the SDK waits as told even with its own interval at 0 (Retry-After on the poll overrides updateIntervalInMs)', async function () {
    this.timeout(20_000);
    const base = scenario([scaleSet('web', 1, rolling)]);
    const clock = new ManualClock();
    const sim = await Simulator.start({ listen: false, clock, scenario: { ...base, timing: { ...base.timing, lroRetryAfterSeconds: 1 } } });
    // The upgrade finishes (in simulated time) 300 real ms in; a client polling at its own 0 ms would see it then.
    const finish = setTimeout(() => clock.advance(3_600_000), 300);
    const started = Date.now();
    await sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSetRollingUpgrades.startOSUpgrade('rg-test', 'web', { updateIntervalInMs: 0 }).pollUntilDone();
    clearTimeout(finish);
    assert.ok(Date.now() - started >= 950, `done after ${Date.now() - started} ms: the SDK did not wait the 1 s Retry-After`);
    await sim.stop();
  });
});
