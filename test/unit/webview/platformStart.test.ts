// Issue 15 (the README's tree picture showed "Azure's rolling upgrade of web-frontend failed: connect
// ECONN…"): a UI test signed out while Azure's rolling upgrade it had started and cancelled was still
// being followed; the simulator stopped under the pending start operation, and its connection error was
// reported as the upgrade failing. The operation belongs to its connection: when that ends, the wait
// stops ('stopped'), and nothing is reported as Azure's failure.
import * as assert from 'node:assert/strict';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import { followPlatformStart } from '../../../src/webview/platformStart';
import { simulatedAzure } from '../core/support/simulatedAzure';
import { failuresScenario, setRef } from '../explain/failureScenarios';

const ref = { subscriptionId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', resourceGroup: 'rg-batch', name: 'batch-workers' };

describe('followPlatformStart: how the start of Azure’s rolling upgrade ended (A6)', function () {
  this.timeout(120_000);

  it('the connection ends under a pending start (sign-out stops the simulator): stopped, not failed', async () => {
    const az = await simulatedAzure(loadScenario('default'), { https: true, timeScale: 60, pollIntervalMs: 50 });
    const connection = new AbortController();
    let stopped = false;
    try {
      const started = az.gateway.startOsRollingUpgrade(ref, connection.signal);
      const outcome = followPlatformStart(az.gateway, ref, started, connection.signal);
      while ((await az.gateway.getLatestRollingUpgrade(ref))?.runningStatus?.code !== 'RollingForward') await new Promise((r) => setTimeout(r, 20));
      // What ConnectionManager does on sign-out: abort the connection's work, then stop the simulator.
      connection.abort();
      await az.stop();
      stopped = true;
      assert.deepEqual(await outcome, { kind: 'stopped' });
    } finally {
      if (!stopped) await az.stop();
    }
  });

  it('the simulator gone while the connection lives (the old behaviour): a failure naming the connection error', async () => {
    const az = await simulatedAzure(loadScenario('default'), { https: true, timeScale: 60, pollIntervalMs: 50 });
    const connection = new AbortController();
    const started = az.gateway.startOsRollingUpgrade(ref, connection.signal);
    const outcome = followPlatformStart(az.gateway, ref, started, connection.signal);
    while ((await az.gateway.getLatestRollingUpgrade(ref))?.runningStatus?.code !== 'RollingForward') await new Promise((r) => setTimeout(r, 20));
    await az.stop();
    const result = await outcome;
    assert.equal(result.kind, 'failed');
    assert.match(result.kind === 'failed' ? result.message : '', /ECONN|socket|connect/i);
  });

  it('a cancelled upgrade is cancelled, not failed', async () => {
    const az = await simulatedAzure(loadScenario('default'));
    try {
      const signal = new AbortController().signal;
      const started = az.gateway.startOsRollingUpgrade(ref, signal);
      const outcome = followPlatformStart(az.gateway, ref, started, signal);
      while ((await az.gateway.getLatestRollingUpgrade(ref))?.runningStatus?.code !== 'RollingForward') await new Promise((r) => setTimeout(r, 5));
      await az.gateway.cancelRollingUpgrade(ref);
      assert.deepEqual(await outcome, { kind: 'cancelled' });
    } finally {
      await az.stop();
    }
  });

  it('a start Azure refuses at once (409 on a pinned image, A6) fails with the explanation: why, and the fixes (issue 15)', async () => {
    const az = await simulatedAzure(failuresScenario());
    try {
      const signal = new AbortController().signal;
      const pinned = setRef('pinned-version');
      const outcome = await followPlatformStart(az.gateway, pinned, az.gateway.startOsRollingUpgrade(pinned, signal), signal);
      assert.equal(outcome.kind, 'failed');
      const why = outcome.kind === 'failed' ? outcome.refusal?.failures[0] : undefined;
      assert.equal(why?.id, 'imageNotLatest');
      assert.ok(why?.fixes.some((f) => /imageReference\.version=latest/.test(f.command ?? '')));
    } finally {
      await az.stop();
    }
  });
});
