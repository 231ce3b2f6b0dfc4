// A1 osRollingUpgradeDeferral: an automatic OS upgrade notifies each batch instance ('Platform.PendingOSUpgrade')
// and waits until it is approved through VirtualMachineScaleSets_ApproveRollingUpgrade (all or chosen ids) or
// VirtualMachineScaleSetVMs_ApproveRollingUpgrade — driven through the real @azure/arm-compute SDK.
import { strict as assert } from 'node:assert';
import type { RestError } from '@azure/core-rest-pipeline';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { image, scaleSet, scenario, sub1 } from './helpers/scenarios';

const minutes = (n: number) => n * 60_000;
const deferred = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: true } };
const notDeferred = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } };
const pendingTag = 'Platform.PendingOSUpgrade';

async function start() {
  const clock = new ManualClock();
  const sim = await Simulator.start({
    listen: false,
    clock,
    scenario: scenario([scaleSet('deferred', 10, { osVersion: '1.1.0', upgradePolicy: deferred }), scaleSet('plain', 5, { osVersion: '1.1.0', upgradePolicy: notDeferred })]),
  });
  const at = (ms: number) => {
    clock.advance(ms);
    sim.advance();
  };
  const compute = sdkClients(sim, 'memory').compute(sub1);
  const set = (name: string) => sim.world.scaleSets.find((s) => s.name === name)!;
  const waitingIds = async (name: string) =>
    (await collect(compute.virtualMachineScaleSetVMs.list('rg-test', name))).filter((vm) => vm.tags?.[pendingTag] !== undefined).map((vm) => vm.instanceId!);
  const versionOf = (name: string, id: string) => set(name).instances.find((i) => i.instanceId === id)!.osImage.version;
  return { sim, at, compute, set, waitingIds, versionOf };
}

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; statusCode?: number }> {
  try {
    await promise;
  } catch (e) {
    return { code: (e as RestError).code, statusCode: (e as RestError).statusCode };
  }
  assert.fail('expected a refusal');
}

describe('simulator osRollingUpgradeDeferral and approveRollingUpgrade (A1)', () => {
  it('holds each batch instance, notified by the Platform.PendingOSUpgrade tag, until it is approved — no timeout is applied', async () => {
    const { sim, at, set, waitingIds, versionOf } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    const run = set('deferred').upgradeRuns[0];
    assert.equal(run.startedBy, 'Platform');
    const firstBatch = run.batches[0];
    assert.ok(firstBatch.length >= 1);
    assert.deepEqual((await waitingIds('deferred')).sort(), [...firstBatch].sort());
    at(minutes(24 * 60));
    assert.equal(run.code, 'RollingForward', 'still waiting a day later (Azure documents no timeout; unverified)');
    for (const id of firstBatch) assert.equal(versionOf('deferred', id), '1.1.0');
    assert.equal(run.batches.length, 1, 'the next batch does not start while the first waits');
  });

  it('approving chosen instances on the scale set starts only those; the VM operation approves the rest of the batch', async () => {
    const { sim, at, set, compute, waitingIds, versionOf } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    const run = set('deferred').upgradeRuns[0];
    const waiting = await waitingIds('deferred');
    assert.ok(waiting.length >= 2, `the platform's 20% of 10 gives two per batch (got ${waiting.length})`);
    const [first, ...rest] = waiting;
    await compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'deferred', { vmInstanceIDs: { instanceIds: [first] }, ...poll });
    at(minutes(10));
    assert.equal(versionOf('deferred', first), '1.2.0');
    for (const id of rest) assert.equal(versionOf('deferred', id), '1.1.0', 'not approved: untouched');
    assert.deepEqual(await waitingIds('deferred'), rest);
    for (const id of rest) await compute.virtualMachineScaleSetVMs.approveRollingUpgrade('rg-test', 'deferred', id, poll);
    at(minutes(10));
    for (const id of rest) assert.equal(versionOf('deferred', id), '1.2.0');
    assert.equal(run.batches.length, 2, 'after the batch is healthy the next batch is notified and waits');
    assert.deepEqual((await waitingIds('deferred')).sort(), [...run.batches[1]].sort());
  });

  it('approving the whole set batch after batch completes the upgrade', async () => {
    const { sim, at, set, compute } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    const run = set('deferred').upgradeRuns[0];
    for (let i = 0; i < 20 && run.code === 'RollingForward'; i++) {
      await compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'deferred', poll);
      at(minutes(10));
    }
    assert.equal(run.code, 'Completed');
    assert.ok(set('deferred').instances.every((i) => i.osImage.version === '1.2.0'));
    const latest = await compute.virtualMachineScaleSetRollingUpgrades.getLatest('rg-test', 'deferred');
    assert.equal(latest.runningStatus?.code, 'Completed');
  });

  it('without deferral the platform upgrade does not wait and approving is refused (409 OperationNotAllowed, unverified)', async () => {
    const { sim, at, set, compute, waitingIds } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    assert.deepEqual(await waitingIds('plain'), []);
    at(minutes(60));
    assert.ok(set('plain').upgradeRuns[0].upgradedCount > 0);
    const refused = await refusal(compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'plain', poll));
    assert.deepEqual(refused, { code: 'OperationNotAllowed', statusCode: 409 });
  });

  it('refuses when nothing waits, an instance that does not wait, and an unknown instance', async () => {
    const { sim, at, compute, waitingIds } = await start();
    assert.deepEqual(await refusal(compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'deferred', poll)), { code: 'OperationNotAllowed', statusCode: 409 });
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    const waiting = new Set(await waitingIds('deferred'));
    const idle = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].find((id) => !waiting.has(id))!;
    assert.deepEqual(await refusal(compute.virtualMachineScaleSetVMs.approveRollingUpgrade('rg-test', 'deferred', idle, poll)), { code: 'OperationNotAllowed', statusCode: 409 });
    assert.deepEqual(
      await refusal(compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'deferred', { vmInstanceIDs: { instanceIds: [idle] }, ...poll })),
      { code: 'OperationNotAllowed', statusCode: 409 },
    );
    assert.deepEqual(
      await refusal(compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'deferred', { vmInstanceIDs: { instanceIds: ['999'] }, ...poll })),
      { code: 'InvalidParameter', statusCode: 400 },
    );
    assert.equal((await refusal(compute.virtualMachineScaleSetVMs.approveRollingUpgrade('rg-test', 'deferred', '999', poll))).statusCode, 404);
  });

  it('the manual trigger (osRollingUpgrade) is not deferred: the flag is for Auto OS Upgrade only', async () => {
    const { sim, at, set, waitingIds } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(1));
    // The LRO lasts until the upgrade ends (manual clock): send the POST only.
    const res = await rawCall(sim, 'POST', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/deferred/osRollingUpgrade`);
    assert.equal(res.status, 202);
    at(minutes(1));
    assert.equal(set('deferred').upgradeRuns[0].startedBy, 'User');
    assert.deepEqual(await waitingIds('deferred'), []);
  });

  it('cancelling the upgrade clears the waiting instances; they keep their OS disk', async () => {
    const { sim, at, set, compute, waitingIds, versionOf } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    const waiting = await waitingIds('deferred');
    await compute.virtualMachineScaleSetRollingUpgrades.cancel('rg-test', 'deferred', poll);
    assert.equal(set('deferred').upgradeRuns[0].code, 'Cancelled');
    assert.deepEqual(await waitingIds('deferred'), []);
    for (const id of waiting) assert.equal(versionOf('deferred', id), '1.1.0');
  });
});

describe('simulator approveRollingUpgrade on a Flexible set', () => {
  it('refuses the scale set VM approve (a Uniform per-instance API; unverified) and accepts the set-level call with the VM name', async () => {
    const clock = new ManualClock();
    const sim = await Simulator.start({ listen: false, clock, scenario: scenario([scaleSet('flex', 5, { osVersion: '1.1.0', upgradePolicy: deferred, orchestrationMode: 'Flexible' })]) });
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    clock.advance(minutes(31));
    sim.advance();
    const compute = sdkClients(sim, 'memory').compute(sub1);
    const [waiting] = (await collect(compute.virtualMachineScaleSetVMs.list('rg-test', 'flex'))).filter((vm) => vm.tags?.[pendingTag] !== undefined);
    assert.ok(waiting?.instanceId);
    assert.deepEqual(await refusal(compute.virtualMachineScaleSetVMs.approveRollingUpgrade('rg-test', 'flex', waiting.instanceId, poll)), { code: 'OperationNotAllowed', statusCode: 400 });
    await compute.virtualMachineScaleSets.approveRollingUpgrade('rg-test', 'flex', { vmInstanceIDs: { instanceIds: [waiting.instanceId] }, ...poll });
    const vm = await compute.virtualMachines.get('rg-test', waiting.instanceId);
    assert.equal(vm.tags?.[pendingTag], undefined, 'approved: the VM no longer carries the tag');
  });
});
