// Every outcome of our own runs and every failure the simulator reproduces, explained from the run's
// journal alone: the right catalogue entry (cause), the right code and the right first instances.
import * as assert from 'node:assert/strict';
import type { ExplainedFailure, Explanation } from '../../../src/core/explain/explanation';
import { explainOurRun, setRef, withFailures } from './failureScenarios';

function cause(x: Explanation, id: ExplainedFailure['id']): ExplainedFailure {
  const found = x.failures.find((f) => f.id === id);
  assert.ok(found, `expected cause ${id}, got ${x.failures.map((f) => f.id).join(', ') || 'none'} (${x.summary})`);
  return found;
}
const ids = (f: ExplainedFailure) => f.instances.map((i) => i.instanceId);

describe('explain RUN_ID: our runs from their journal (failures.json)', function () {
  this.timeout(120_000);

  it('O1 refusal: names the unhealthy, failed-extension and stopped instances with their instance views', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'unhealthy-before');
      assert.equal(x.status, 'refused');
      assert.equal(x.failures[0].id, 'unhealthyBeforeUpgrade');
      const o1 = x.failures[0];
      assert.equal(o1.code, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
      assert.deepEqual(ids(o1), ['2', '5', '7']);
      assert.match(o1.detail ?? '', /3 of 10 instances unhealthy \(30\.0%\), the limit is 20%/);
      const byId = new Map(o1.instances.map((i) => [i.instanceId, i]));
      assert.equal(byId.get('2')?.health, 'unhealthy');
      assert.ok(byId.get('5')?.extensionProblems?.some((p) => /Provisioning failed/.test(p)), 'extension status as evidence');
      assert.deepEqual(ids(cause(x, 'extensionProvisioningFailed')), ['5'], 'the failed extension is a cause of its own');
      assert.equal(byId.get('7')?.powerState, 'stopped');
      assert.ok(o1.fixes.some((f) => f.action === 'checkReadiness' && /vmss-upgrades plan .*--name unhealthy-before/.test(f.command ?? '')));
      assert.ok(o1.fixes.some((f) => /maxUnhealthyInstancePercent/.test(f.command ?? '') && f.risk), 'raising the threshold says its risk');
      assert.ok(o1.learn.length > 0);
    }));

  it('O5 abort on a bad image: the first batch, unhealthy on the target image', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'bad-image');
      assert.equal(x.status, 'aborted');
      const o5 = x.failures[0];
      assert.equal(o5.id, 'upgradedInstancesUnhealthy');
      assert.equal(o5.code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
      assert.equal(o5.instances.length, 2, 'batch 1 of 20% of 10');
      assert.ok(o5.instances.every((i) => i.batch === 0 && i.health === 'unhealthy' && i.version === '24.04.202411050'));
      assert.ok(cause(x, 'healthTimeout').instances.length === 2);
    }));

  it('health extension misconfigured: running instances report Unknown after the upgrade (H3)', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'probe-unanswered');
      assert.equal(x.status, 'aborted');
      const probe = cause(x, 'healthExtensionMisconfigured');
      assert.ok(probe.instances.length > 0 && probe.instances.every((i) => i.health === 'unknown' && i.powerState === 'running'));
      assert.ok(probe.fixes.some((f) => /ApplicationHealthLinux/.test(f.command ?? '')), 'fix the health probe');
    }));

  it('O6 abort: the whole set got too unhealthy before batch 2, naming every unhealthy instance (O2 shrank batch 1 to one)', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'degrading', { maxUnhealthyUpgradedInstancePercent: 100, rollbackFailedInstances: false });
      assert.equal(x.status, 'aborted');
      const o6 = x.failures[0];
      assert.equal(o6.id, 'setUnhealthyDuringUpgrade');
      assert.equal(o6.code, 'MaxUnhealthyInstancePercentExceededInRollingUpgrade');
      assert.match(o6.detail ?? '', /^O6: 3 of 10 instances unhealthy \(30\.0%\), the limit is 20%; stopped before batch 2/);
      assert.deepEqual(ids(o6), ['0', '8', '9'], 'the upgraded instance and the two unhealthy from the start');
      assert.deepEqual(ids(cause(x, 'healthTimeout')), ['0']);
    }));

  it('health timeout: a slow instance fails the wait; the run completes with failures', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'slow-start', { maxUnhealthyUpgradedInstancePercent: 50 });
      assert.equal(x.status, 'completedWithFailures');
      assert.equal(x.failures[0].id, 'healthTimeout');
      assert.deepEqual(ids(x.failures[0]), ['0']);
    }));

  it('allocation failure: the move error carries AllocationFailed and names the batch', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'no-capacity', { maxUnhealthyUpgradedInstancePercent: 100 });
      const alloc = cause(x, 'allocationFailed');
      assert.equal(alloc.code, 'AllocationFailed');
      assert.equal(alloc.instances.length, 2);
      assert.ok(alloc.instances.every((i) => /AllocationFailed/.test(i.error ?? '')));
    }));

  it('extension provisioning failure: VMExtensionProvisioningError on the move', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'extension-fails', { maxUnhealthyUpgradedInstancePercent: 100 });
      const ext = cause(x, 'extensionProvisioningFailed');
      assert.equal(ext.code, 'VMExtensionProvisioningError');
      assert.equal(ext.instances.length, 2);
    }));

  it('rollback failure: the instances that could not go back, with the refusal', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'rollback-fails');
      const rb = cause(x, 'rollbackFailed');
      assert.equal(rb.instances.length, 2);
      assert.ok(rb.instances.every((i) => /refused/.test(i.error ?? '')));
      assert.ok(rb.fixes.some((f) => /az vmss reimage .*--instance-ids \d+ \d+/.test(f.command ?? '')));
    }));

  it('a platform rolling upgrade in progress: refused, with cancel as a fix', () =>
    withFailures(async (az, store) => {
      // Not awaited: the operation ends with the upgrade; our run must meet it while it runs.
      void az.gateway.startOsRollingUpgrade(setRef('busy')).catch(() => undefined);
      while ((await az.gateway.getLatestRollingUpgrade(setRef('busy')))?.runningStatus?.code !== 'RollingForward') await az.clock.sleep(1_000);
      const { explanation: x } = await explainOurRun(az, store, 'busy');
      assert.equal(x.status, 'refused');
      assert.equal(x.failures[0].id, 'upgradeInProgress');
      assert.ok(x.failures[0].fixes.some((f) => f.action === 'cancelRollingUpgrade' && /az vmss rolling-upgrade cancel .*-n busy/.test(f.command ?? '')));
    }));

  it('quota: a maxSurge scale-out refused for quota is explained although the run went on in place', () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'no-quota', { maxSurge: true, maxBatchInstancePercent: 50 });
      const quota = cause(x, 'quotaExceeded');
      assert.equal(quota.code, 'OperationNotAllowed');
      assert.match(quota.instances[0].error ?? '', /quota/i);
    }));

  it("outside the maintenance window: the set's OS-image window closes for good after batch 1, the run stops before batch 2 (A4, issue 16)", () =>
    withFailures(async (az, store) => {
      const { explanation: x } = await explainOurRun(az, store, 'window-closes', {}, { kind: 'percentage' }, 'scaleSet');
      assert.equal(x.status, 'aborted');
      const window = x.failures[0];
      assert.equal(window.id, 'outsideMaintenanceWindow');
      assert.match(window.detail ?? '', /The maintenance window expired before batch 2 could start/);
      assert.deepEqual(window.instances, [], 'no instance failed: the window did');
      assert.ok(window.fixes.some((f) => f.action === 'resumeRun'));
    }));
});
