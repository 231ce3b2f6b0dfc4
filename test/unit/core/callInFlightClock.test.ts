// The test harness's virtual clock (support/virtualClock.ts) must not move while an SDK call is still
// retrying: the SDK waits between its retries on real-time timers the clock does not see, and a sleeper
// elsewhere (a run waiting hours for its maintenance window) made simulated time jump under a lease
// renewal's dropped GET — the renewal landed 7.5 h after it started, past the expiry it wrote (window
// property counterexample { seed: -895557487, path: "18" }).
import * as assert from 'node:assert/strict';
import { fleetScenario, ref } from './support/fleetScenario';
import { simulatedAzure } from './support/simulatedAzure';

describe('virtual clock and the SDK’s retries (test harness)', function () {
  this.timeout(60_000);

  it('simulated time stands still while a call retries dropped requests, even with a long sleeper waiting', async () => {
    const scenario = fleetScenario({ seed: 3, instances: [{ baseline: 'healthy', after: 'healthy' }], zones: 0, updateDomains: 1, faultDomains: 1, faults: [] });
    // The SDK retries a dropped connection itself (3 retries): the first three GETs of the set are dropped.
    scenario.faults = [{ method: 'GET', path: '/virtualMachineScaleSets/[^/]+$', occurrences: [1, 2, 3], drop: true }];
    const az = await simulatedAzure(scenario);
    try {
      const start = az.clock.now();
      let woke: number | undefined;
      void az.clock.sleep(7 * 3_600_000).then(() => (woke = az.clock.now()));
      for (let i = 0; i < 5; i++) {
        const before = az.clock.now();
        await az.gateway.getScaleSet(ref);
        assert.equal(az.clock.now(), before, `read ${i + 1}: simulated time moved by ${az.clock.now() - before} ms during one call`);
      }
      assert.equal(woke, undefined, 'the 7 h sleeper did not fire during the calls');
      assert.equal(az.clock.now(), start);
    } finally {
      await az.stop();
    }
  });
});
