// explain --platform: Azure's own OS rolling upgrade (A6) of a failures.json set, explained from
// rollingUpgrades/latest or the OS upgrade history (A5) and the instance views; and the codes the
// simulator's engine never produces (A8 lists them, Learn does not say when), from the REST shapes.
import * as assert from 'node:assert/strict';
import type { InstanceSnapshot } from '../../../src/azure/gateway';
import { explainPlatform, fromHistory, fromLatest, latestPlatformUpgrade } from '../../../src/core/explain/explainPlatform';
import { explainPlatformRun, setRef, withFailures } from './failureScenarios';
import { healthyInstance } from '../support/instanceSnapshot';

const ids = (x: { instances: readonly { instanceId: string }[] }) => x.instances.map((i) => i.instanceId);

describe('explain --platform: Azure rolling upgrades of failures.json', function () {
  this.timeout(120_000);

  it('O1 before the rolling upgrade: MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade, the unhealthy instances named', () =>
    withFailures(async (az) => {
      const x = await explainPlatformRun(az, 'unhealthy-before');
      assert.equal(x.status, 'Faulted');
      assert.equal(x.failures[0].id, 'unhealthyBeforeUpgrade');
      assert.equal(x.failures[0].code, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
      assert.deepEqual(ids(x.failures[0]), ['2', '5', '7']);
      assert.ok(x.failures.some((f) => f.id === 'extensionProvisioningFailed' && ids(f).join() === '5'));
    }));

  it('O5 on a bad image: MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade, the upgraded instances first', () =>
    withFailures(async (az) => {
      const x = await explainPlatformRun(az, 'bad-image');
      assert.equal(x.failures[0].id, 'upgradedInstancesUnhealthy');
      assert.equal(x.failures[0].code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
      const upgraded = x.failures[0].instances.filter((i) => i.version === '24.04.202411050');
      assert.equal(upgraded.length, 2, 'the first batch (20% of 10), on the target');
      assert.ok(upgraded.every((i) => i.health === 'unhealthy'));
      assert.ok(x.failures[0].fixes.some((f) => f.action === 'startOsRollingUpgrade'));
    }));

  it('O6 during the rolling upgrade: MaxUnhealthyInstancePercentExceededInRollingUpgrade', () =>
    withFailures(async (az) => {
      const x = await explainPlatformRun(az, 'degrading');
      assert.equal(x.failures[0].id, 'setUnhealthyDuringUpgrade');
      assert.equal(x.failures[0].code, 'MaxUnhealthyInstancePercentExceededInRollingUpgrade');
      assert.ok(['8', '9'].every((id) => ids(x.failures[0]).includes(id)));
    }));

  it('health probe never answers: Unknown on the upgraded instances names the health extension', () =>
    withFailures(async (az) => {
      const x = await explainPlatformRun(az, 'probe-unanswered');
      const probe = x.failures.find((f) => f.id === 'healthExtensionMisconfigured');
      assert.ok(probe, x.failures.map((f) => f.id).join());
      assert.ok(probe.instances.every((i) => i.health === 'unknown'));
    }));

  it('a running upgrade is not a failure; cancelled is explained with restart as the fix', () =>
    withFailures(async (az) => {
      const ref = setRef('busy');
      void az.gateway.startOsRollingUpgrade(ref).catch(() => undefined);
      while ((await az.gateway.getLatestRollingUpgrade(ref))?.runningStatus?.code !== 'RollingForward') await az.clock.sleep(1_000);
      const running = explainPlatform(ref, latestPlatformUpgrade(await az.gateway.getLatestRollingUpgrade(ref), []), await az.gateway.listInstances(ref));
      assert.equal(running.failed, false);
      await az.gateway.cancelRollingUpgrade(ref);
      const x = explainPlatform(ref, latestPlatformUpgrade(await az.gateway.getLatestRollingUpgrade(ref), await az.gateway.listOsUpgradeHistory(ref)), await az.gateway.listInstances(ref));
      assert.equal(x.status, 'Cancelled');
      assert.equal(x.failures[0].id, 'cancelled');
    }));

  for (const [name, code, id] of [
    ['platform-internal-error', 'InternalExecutionError', 'internalError'],
    ['platform-timeout', 'RollingUpgradeTimeoutError', 'upgradeTimeout'],
  ] as const) {
    it(`A8 ${code} (a failOperation fault on the start): the upgrade Faulted with it in latest and history, explained as ${id}, no instance blamed`, () =>
      withFailures(async (az) => {
        const x = await explainPlatformRun(az, name);
        assert.equal(x.status, 'Faulted');
        assert.equal(x.failures[0].id, id);
        assert.equal(x.failures[0].code, code);
        assert.ok(x.failures[0].unverified, 'Learn gives no cause');
        assert.deepEqual(ids(x.failures[0]), [], 'every instance is healthy on the new image');
        const [latest, history] = await Promise.all([az.gateway.getLatestRollingUpgrade(setRef(name)), az.gateway.listOsUpgradeHistory(setRef(name))]);
        assert.equal(latest?.error?.code, code);
        assert.equal(history[0]?.properties?.error?.code, code);
      }));
  }
});

const healthy = (id: string): InstanceSnapshot => healthyInstance(id, { name: `s_${id}`, image: { exactVersion: '2.0.0' } });
const ref = { subscriptionId: 's', resourceGroup: 'rg', name: 'web' };

describe('explain --platform: A8 codes from the REST shapes (RollingUpgradeStatusInfo, UpgradeOperationHistoricalStatusInfo)', () => {
  for (const [code, id] of [
    ['RollingUpgradeTimeoutError', 'upgradeTimeout'],
    ['InternalExecutionError', 'internalError'],
    ['RollingUpgradeInProgressWithFailedUpgradedVMs', 'failedUpgradedVmsStillRunning'],
    ['AllocationFailed', 'allocationFailed'],
  ] as const) {
    it(`${code} → ${id}${id === 'allocationFailed' ? '' : ' (its cause marked unverified: Learn gives none)'}`, () => {
      const x = explainPlatform(ref, fromLatest({ location: 'westeurope', runningStatus: { code: 'Faulted', startTime: new Date(1) }, progress: { failedInstanceCount: 1 }, error: { code, message: 'm' } }), [healthy('0'), { ...healthy('1'), health: 'unhealthy' }]);
      assert.equal(x.failures[0].id, id);
      assert.equal(x.failures[0].code, code);
      assert.deepEqual(ids(x.failures[0]), ['1']);
      if (id !== 'allocationFailed') assert.ok(x.failures[0].unverified);
    });
  }

  it('a code in error.details is found (the outer code is generic)', () => {
    const x = explainPlatform(ref, fromLatest({ location: 'westeurope', runningStatus: { code: 'Faulted' }, error: { code: 'Conflict', message: 'x', details: [{ code: 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade', message: 'y' }] } }), []);
    assert.equal(x.failures[0].id, 'upgradedInstancesUnhealthy');
  });

  it('an automatic upgrade from the history: rollbackInfo names a rollback failure, and the newer source wins', () => {
    const history = [{ properties: { runningStatus: { code: 'Faulted' as const, startTime: new Date(2000) }, startedBy: 'Platform' as const, progress: { failedInstanceCount: 2 }, targetImageReference: { version: '2.0.0' }, rollbackInfo: { failedRolledbackInstanceCount: 1, successfullyRolledbackInstanceCount: 1, rollbackError: { code: 'InternalExecutionError', message: 'rollback failed' } }, error: { code: 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade', message: 'z' } } }];
    const upgrade = latestPlatformUpgrade({ location: 'westeurope', runningStatus: { code: 'Completed', startTime: new Date(1000) } }, history);
    assert.equal(upgrade?.from, 'osUpgradeHistory');
    const x = explainPlatform(ref, upgrade, [{ ...healthy('3'), image: { exactVersion: '1.0.0' }, health: 'unhealthy' }, { ...healthy('4'), health: 'unhealthy' }]);
    assert.equal(x.startedBy, 'Platform');
    assert.deepEqual(ids(x.failures[0]), ['4', '3'], 'instances on the target image first');
    const rb = x.failures.find((f) => f.id === 'rollbackFailed');
    assert.ok(rb && /1 instance\(s\) failed to roll back/.test(rb.detail ?? ''));
    assert.equal(fromHistory(history[0]).targetVersion, '2.0.0');
  });

  it('no upgrade at all says so (A5 keeps five within two months)', () => {
    const x = explainPlatform(ref, undefined, []);
    assert.equal(x.failed, false);
    assert.match(x.summary, /five within two months/);
  });
});
