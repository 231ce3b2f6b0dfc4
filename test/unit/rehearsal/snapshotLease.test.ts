// A snapshot of a live set that another run drives (issue 17): the lease tag stays behind — the private
// copy rehearses the rollout itself — and every other tag comes along.
import * as assert from 'node:assert/strict';
import { formatLease, leaseTagName } from '../../../src/core/lease/leaseTag';
import { readLiveSet } from '../../../src/rehearsal/readLiveSet';
import { scenarioFromLive } from '../../../src/rehearsal/scenarioFromLive';
import { fleetScenario, ref } from '../core/support/fleetScenario';
import { simulatedAzure } from '../core/support/simulatedAzure';

describe('snapshot and the scale set lease (issue 17)', function () {
  this.timeout(60_000);

  it('leaves the lease tag out and keeps the other tags', async () => {
    const scenario = fleetScenario({ seed: 4, instances: [{ baseline: 'healthy', after: 'healthy' }], zones: 0, updateDomains: 1, faultDomains: 1, faults: [] });
    const lease = formatLease({ holder: 'alice@one', runId: 'live', expiresAt: Date.parse('2030-01-01T00:00:00Z') });
    (scenario.scaleSets[0] as { tags?: Record<string, string> }).tags = { owner: 'team-a', [leaseTagName]: lease };
    const az = await simulatedAzure(scenario);
    try {
      const snapshot = scenarioFromLive(await readLiveSet(az.gateway, ref), az.clock.now());
      assert.deepEqual(snapshot.scenario.scaleSets[0].tags, { owner: 'team-a' });
    } finally {
      await az.stop();
    }
  });
});
