// Requests Azure refuses at once, reproduced on the failures world (failures.json) through the real SDK,
// and explained from the error answer: the OperationNotAllowed variants (A6 start on a pinned image or
// while one runs, cancel with none running, an instance already busy), the health-signal prerequisite of
// Rolling mode and automatic OS upgrades (A1, R15) and automatic OS upgrades on a pinned image (A4).
import * as assert from 'node:assert/strict';
import { explainRefusal } from '../../../src/core/explain/explainRefusal';
import type { Explanation } from '../../../src/core/explain/explanation';
import { setRef, withFailures } from './failureScenarios';

async function refusal(request: string, ref: ReturnType<typeof setRef>, call: () => Promise<unknown>, instances: Parameters<typeof explainRefusal>[3] = []): Promise<Explanation> {
  const err = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err, `Azure accepted: ${request}`);
  return explainRefusal(ref, request, err, instances);
}

describe('explain: requests Azure refuses (failures.json)', function () {
  this.timeout(120_000);

  it('A6 OS rolling upgrade on a pinned image version: 409 OperationNotAllowed, explained as a pinned image; nothing started', () =>
    withFailures(async (az) => {
      const ref = setRef('pinned-version');
      const x = await refusal('start the OS rolling upgrade', ref, () => az.gateway.startOsRollingUpgrade(ref));
      assert.equal(x.status, 'refused');
      assert.equal(x.failures[0].id, 'imageNotLatest');
      assert.equal(x.failures[0].code, 'OperationNotAllowed');
      assert.match(x.summary, /\(409 OperationNotAllowed\); the request changed nothing/);
      assert.ok(x.failures[0].unverified, 'the status and code are not documented');
      assert.ok(x.failures[0].fixes.some((f) => /imageReference\.version=latest/.test(f.command ?? '')));
      assert.equal(await az.gateway.getLatestRollingUpgrade(ref), undefined, 'no rolling upgrade was recorded');
    }));

  it('A4 automatic OS upgrades on a pinned image version: 400 BadRequest, explained as a pinned image', () =>
    withFailures(async (az) => {
      const ref = setRef('pinned-version');
      const x = await refusal('turn on automatic OS upgrades', ref, () => az.gateway.updateScaleSet(ref, { upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } }));
      assert.equal(x.failures[0].id, 'imageNotLatest');
      assert.equal(x.failures[0].code, 'BadRequest');
      const set = await az.gateway.getScaleSet(ref);
      assert.notEqual(set.upgradePolicy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade, true, 'the model is unchanged');
    }));

  it('R15 Rolling mode without a health probe or health extension: 400 BadRequest, explained as the missing health signal', () =>
    withFailures(async (az) => {
      const ref = setRef('no-health-signal');
      const x = await refusal('switch the set to Rolling mode', ref, () => az.gateway.updateScaleSet(ref, { upgradePolicy: { mode: 'Rolling' } }));
      assert.equal(x.failures[0].id, 'healthSignalMissing');
      assert.equal(x.failures[0].code, 'BadRequest');
      assert.match(x.failures[0].detail ?? '', /health probe or health extension/);
      assert.equal((await az.gateway.getScaleSet(ref)).upgradePolicy?.mode, 'Manual');
    }));

  it('A1 automatic OS upgrades without a health signal: 400 BadRequest, explained as the missing health signal', () =>
    withFailures(async (az) => {
      const ref = setRef('no-health-signal');
      const x = await refusal('turn on automatic OS upgrades', ref, () => az.gateway.updateScaleSet(ref, { upgradePolicy: { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } }));
      assert.equal(x.failures[0].id, 'healthSignalMissing');
      assert.ok(x.failures[0].fixes.some((f) => /ApplicationHealthLinux/.test(f.command ?? '')));
    }));

  it('A6 a second OS rolling upgrade while one runs: 409 RollingUpgradeInProgress, explained with cancel as a fix', () =>
    withFailures(async (az) => {
      const ref = setRef('busy');
      void az.gateway.startOsRollingUpgrade(ref).catch(() => undefined);
      while ((await az.gateway.getLatestRollingUpgrade(ref))?.runningStatus?.code !== 'RollingForward') await az.clock.sleep(1_000);
      const x = await refusal('start the OS rolling upgrade', ref, () => az.gateway.startOsRollingUpgrade(ref));
      assert.equal(x.failures[0].id, 'upgradeInProgress');
      assert.equal(x.failures[0].code, 'RollingUpgradeInProgress');
      assert.ok(x.failures[0].fixes.some((f) => f.action === 'cancelRollingUpgrade'));
    }));

  it('A6 cancel with no rolling upgrade running: OperationNotAllowed, explained as a refused operation', () =>
    withFailures(async (az) => {
      const ref = setRef('no-quota');
      const x = await refusal('cancel the rolling upgrade', ref, () => az.gateway.cancelRollingUpgrade(ref));
      assert.equal(x.failures[0].id, 'operationNotAllowed');
      assert.equal(x.failures[0].code, 'OperationNotAllowed');
      assert.ok(x.failures[0].fixes.some((f) => /rolling-upgrade get-latest/.test(f.command ?? '')));
    }));

  it('O9 a reimage of an instance whose reimage is still running: OperationNotAllowed naming that instance, with its instance view', () =>
    withFailures(async (az) => {
      const ref = setRef('no-quota');
      const set = az.sim.world.scaleSets.find((s) => s.name === 'no-quota')!;
      void az.gateway.reimage(ref, '1').catch(() => undefined);
      while (set.instances[1].busyUntil === undefined) await az.clock.sleep(1_000);
      const instances = await az.gateway.listInstances(ref);
      const x = await refusal('reimage instance 1', ref, () => az.gateway.reimage(ref, '1'), instances);
      assert.equal(x.failures[0].id, 'instanceBusy');
      assert.deepEqual(x.failures[0].instances.map((i) => i.instanceId), ['1']);
      assert.equal(x.failures[0].instances[0].powerState, 'running', 'evidence from the instance view');
      assert.match(x.failures[0].instances[0].error ?? '', /another operation is in progress/);
    }));

  it('a set whose name contains "quota" is not a quota failure (only Azure\'s "exceeding … quota" message is)', () => {
    const ref = setRef('no-quota');
    const x = explainRefusal(ref, 'cancel', { code: 'OperationNotAllowed', statusCode: 409, message: 'There is no rolling upgrade in progress on VM scale set no-quota to cancel.' });
    assert.equal(x.failures[0].id, 'operationNotAllowed');
    const q = explainRefusal(ref, 'scale out', { code: 'OperationNotAllowed', statusCode: 409, message: 'Operation could not be completed as it results in exceeding approved Total Regional Cores quota.' });
    assert.equal(q.failures[0].id, 'quotaExceeded');
  });
});
