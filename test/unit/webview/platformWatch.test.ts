// A6: the dashboard's watch of Azure's rolling upgrade, against the simulator through the real SDK.
import * as assert from 'node:assert/strict';
import { scaleSetId } from '../../../src/azure/gateway';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import { DashboardSession } from '../../../src/webview/dashboardSession';
import { watchPlatformUpgrade } from '../../../src/webview/platformWatch';
import { alertsFor } from '../../../src/azure/alerts/alertsFor';
import { metricsFor } from '../../../src/azure/metrics/metricsFor';
import { parseMetricGate } from '../../../src/core/metricGateText';
import { simulatedAzure } from '../core/support/simulatedAzure';

const ref = { subscriptionId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', resourceGroup: 'rg-batch', name: 'batch-workers' };

describe('watchPlatformUpgrade (simulator, real SDK)', function () {
  this.timeout(120_000);

  it('follows a started upgrade in the session, logs each change once, and ends when it is cancelled', async () => {
    const az = await simulatedAzure(loadScenario('default'));
    try {
      const session = new DashboardSession({ id: scaleSetId(ref), name: ref.name, resourceGroup: ref.resourceGroup }, az.clock);
      const started = az.gateway.startOsRollingUpgrade(ref).catch((err: unknown) => err);
      const watched = watchPlatformUpgrade({ gateway: az.gateway, ref, session, clock: az.clock, intervalMs: 10_000, note: 'a note', starting: started });
      while (session.currentPlatform?.status !== 'RollingForward') await new Promise((r) => setTimeout(r, 5));
      assert.equal(session.currentPlatform.note, 'a note');
      await az.gateway.cancelRollingUpgrade(ref);
      const last = await watched;
      assert.equal(last?.runningStatus?.code, 'Cancelled');
      assert.equal(session.currentPlatform?.status, 'Cancelled');
      const lines = session.snapshot().log.map((e) => e.text);
      assert.ok(lines.some((t) => t.startsWith('Azure rolling upgrade RollingForward')));
      assert.ok(lines.some((t) => t.startsWith('Azure rolling upgrade Cancelled')));
      assert.equal(new Set(lines).size, lines.length, 'a status is logged only when it changes');
      await started;
    } finally {
      await az.stop();
    }
  });
});

describe('watchPlatformUpgrade with the alert gate (issue 16, simulator, real SDK)', function () {
  this.timeout(120_000);

  for (const scope of ['scaleSet', 'resourceGroup'] as const) {
    it(`an alert on the ${scope === 'scaleSet' ? 'scale set' : 'resource group'} after Azure's upgrade began cancels it, and the log says which alert and when`, async () => {
      const az = await simulatedAzure(loadScenario('default'));
      try {
        const session = new DashboardSession({ id: scaleSetId(ref), name: ref.name, resourceGroup: ref.resourceGroup }, az.clock);
        // An alert from before the upgrade never counts.
        az.sim.fireAlert({ name: 'yesterday', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, at: az.clock.now() - 3_600_000 });
        const started = az.gateway.startOsRollingUpgrade(ref).catch((err: unknown) => err);
        const watched = watchPlatformUpgrade({ gateway: az.gateway, ref, session, clock: az.clock, intervalMs: 10_000, starting: started, alertGate: { gate: { scope }, alerts: alertsFor(az.gateway) } });
        while (session.currentPlatform?.status !== 'RollingForward') await new Promise((r) => setTimeout(r, 5));
        const firedAt = az.clock.now() + 30_000;
        az.sim.fireAlert({ name: 'http-5xx', severity: 'Sev1', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, ...(scope === 'scaleSet' ? { scaleSet: ref.name } : {}), at: firedAt });
        const last = await watched;
        assert.equal(last?.runningStatus?.code, 'Cancelled');
        const lines = session.snapshot().log.map((e) => e.text);
        const said = lines.find((t) => t.startsWith("Cancelled Azure's rolling upgrade"));
        assert.ok(said, lines.join('\n'));
        assert.match(said, new RegExp(`the alert gate failed — 1 alert\\(s\\) fired: 'http-5xx' \\(Sev1, ${new Date(firedAt).toISOString().replace(/[.]/g, '\\.')} on `));
        assert.doesNotMatch(said, /yesterday/);
        await started;
      } finally {
        await az.stop();
      }
    });
  }

  it('an alert on another resource group leaves the upgrade alone', async () => {
    const az = await simulatedAzure(loadScenario('default'));
    try {
      const session = new DashboardSession({ id: scaleSetId(ref), name: ref.name, resourceGroup: ref.resourceGroup }, az.clock);
      const started = az.gateway.startOsRollingUpgrade(ref).catch((err: unknown) => err);
      const watched = watchPlatformUpgrade({ gateway: az.gateway, ref, session, clock: az.clock, intervalMs: 10_000, starting: started, alertGate: { gate: { scope: 'resourceGroup' }, alerts: alertsFor(az.gateway) } });
      while (session.currentPlatform?.status !== 'RollingForward') await new Promise((r) => setTimeout(r, 5));
      az.sim.fireAlert({ name: 'elsewhere', subscriptionId: ref.subscriptionId, resourceGroup: 'rg-other' });
      const last = await watched;
      assert.equal(last?.runningStatus?.code, 'Completed');
      await started;
    } finally {
      await az.stop();
    }
  });
});

describe('watchPlatformUpgrade with a metric gate (issue 16, simulator, real SDK)', function () {
  this.timeout(120_000);
  const cpuGate = () => {
    const parsed = parseMetricGate('Percentage CPU>90 max PT1M');
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.gate;
  };
  const cpu = (az: Awaited<ReturnType<typeof simulatedAzure>>, at: number, value: number) =>
    az.sim.setMetric({ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, name: 'Percentage CPU', steps: [{ at, value }] });

  for (const breach of [true, false]) {
    it(breach ? "CPU past the threshold after Azure's upgrade began cancels it, and the log says which interval crossed" : 'CPU high only before the upgrade began leaves it alone', async () => {
      const az = await simulatedAzure(loadScenario('default'));
      try {
        const session = new DashboardSession({ id: scaleSetId(ref), name: ref.name, resourceGroup: ref.resourceGroup }, az.clock);
        // High an hour before the upgrade, then calm: that hour never counts.
        cpu(az, az.clock.now() - 3_600_000, 99);
        cpu(az, az.clock.now() - 1_800_000, 20);
        const started = az.gateway.startOsRollingUpgrade(ref).catch((err: unknown) => err);
        const watched = watchPlatformUpgrade({ gateway: az.gateway, ref, session, clock: az.clock, intervalMs: 10_000, starting: started, metricGates: { gates: [cpuGate()], metrics: metricsFor(az.gateway) } });
        while (session.currentPlatform?.status !== 'RollingForward') await new Promise((r) => setTimeout(r, 5));
        if (breach) cpu(az, az.clock.now() + 30_000, 97);
        const last = await watched;
        const lines = session.snapshot().log.map((e) => e.text);
        if (!breach) {
          assert.equal(last?.runningStatus?.code, 'Completed', lines.join('\n'));
          assert.ok(!lines.some((t) => t.startsWith("Cancelled Azure's rolling upgrade")));
        } else {
          assert.equal(last?.runningStatus?.code, 'Cancelled');
          const said = lines.find((t) => t.startsWith("Cancelled Azure's rolling upgrade"));
          assert.match(said ?? lines.join('\n'), /the metric gate failed — Percentage CPU>90 max PT1M: \d+ interval\(s\) crossed the threshold, first 97 at /);
        }
        await started;
      } finally {
        await az.stop();
      }
    });
  }
});
