// A6: the dashboard's watch of Azure's rolling upgrade, against the simulator through the real SDK.
import * as assert from 'node:assert/strict';
import { scaleSetId } from '../../../src/azure/gateway';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import { DashboardSession } from '../../../src/webview/dashboardSession';
import { watchPlatformUpgrade } from '../../../src/webview/platformWatch';
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
