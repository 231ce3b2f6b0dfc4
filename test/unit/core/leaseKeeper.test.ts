// The lease keeper on its own (issue 17): what a driver without the executor's journal — Azure's own
// rolling upgrade started for a fleet group — uses to hold a set. Real SDK → simulator, virtual clock.
import * as assert from 'node:assert/strict';
import type { Lease } from '../../../src/core/lease/leaseTag';
import { formatLease, leaseTagName, parseLease } from '../../../src/core/lease/leaseTag';
import { LeaseKeeper } from '../../../src/core/lease/leaseKeeper';
import { fleetScenario, ref } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { simulatedAzure } from './support/simulatedAzure';

describe('LeaseKeeper (issue 17)', function () {
  this.timeout(120_000);

  it('renews in the background well inside the expiry, reports the lease lost when another takes it, and then releases nothing', async () => {
    const az = await simulatedAzure(fleetScenario({ seed: 2, instances: [{ baseline: 'healthy', after: 'healthy' }], zones: 0, updateDomains: 1, faultDomains: 1, faults: [] }));
    try {
      const renewed: Lease[] = [];
      const lost: string[] = [];
      const keeper = new LeaseKeeper(az.gateway, ref, az.clock, { holder: 'fleet rollout r1', runId: 'fleet-r1-group-a', durationMs: 60_000, retry: testRetry }, { onRenewed: (l) => renewed.push(l), onLost: (why) => lost.push(why) });
      const taken = await keeper.take();
      assert.equal(taken.ok, true);
      const start = az.clock.now();
      await az.clock.sleep(70_000);
      assert.ok(renewed.length >= 2, `renewed ${renewed.length} times in 70 s with a 60 s lease`);
      assert.ok(parseLease(az.sim.world.scaleSets[0].tags[leaseTagName]!).expiresAt > start + 60_000, 'the tag carries the renewed expiry');
      const thief = formatLease({ holder: 'someone else', runId: 'other', expiresAt: az.clock.now() + 3_600_000 });
      az.sim.world.scaleSets[0].tags[leaseTagName] = thief;
      await az.clock.sleep(30_000);
      assert.deepEqual(lost, ['the lease is now held by someone else (run other)']);
      assert.equal(keeper.lost, lost[0]);
      assert.equal(await keeper.release(), undefined, 'nothing held, nothing removed');
      assert.equal(az.sim.world.scaleSets[0].tags[leaseTagName], thief);
    } finally {
      await az.stop();
    }
  });
});
