// Issue 15: snapshots of sets on gallery images (O9, A4: the versions they can move to come along) and
// timings learned from the set's own OS upgrade history (A5) rather than the simulator's defaults.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArmGateway } from '../../../src/azure/armGateway';
import { createClientFactory } from '../../../src/azure/clientFactory';
import type { UpgradeOperationHistoricalStatusInfo } from '../../../src/azure/gateway';
import { readLiveSet } from '../../../src/rehearsal/readLiveSet';
import { rehearse } from '../../../src/rehearsal/runRehearsal';
import { scenarioFromLive } from '../../../src/rehearsal/scenarioFromLive';
import { startSimulator, type Scenario } from '../../../src/simulator/simulator-entry';
import type { Simulator } from '../../../src/simulator/simulator';

function gatewayOf(sim: Simulator): ArmGateway {
  const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  return new ArmGateway(createClientFactory({ credential, endpoint: sim.url, ca: sim.ca!, allowedHosts: ['127.0.0.1'] }, 5));
}

describe('snapshot: gallery images and learned timings (issue 15)', function () {
  this.timeout(120_000);
  let live: Simulator;
  const ref = (name: string) => ({ subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', resourceGroup: 'rg-web', name });

  const file = path.join(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []), 'src', 'simulator', 'scenarios', 'gallery.json');
  const gallery = JSON.parse(fs.readFileSync(file, 'utf8')) as Scenario;

  before(async () => {
    live = await startSimulator({ scenario: file, timeScale: 60 });
  });
  after(() => live.stop());

  it('a set following a gallery definition keeps its versions, and the rehearsal moves it to the newest usable one (A4)', async () => {
    const snap = scenarioFromLive(await readLiveSet(gatewayOf(live), ref('web-gallery')), Date.now());
    const definition = `/subscriptions/${ref('x').subscriptionId}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/${gallery.galleries![0].name}/images/${gallery.galleries![0].images[0].name}`;
    // What Azure lists now (a version published later in the scenario is not there yet).
    const liveVersions = (await gatewayOf(live).listGalleryImageVersions(definition)).map((v) => v.name).sort();
    assert.deepEqual(snap.scenario.galleries?.[0].images[0].versions.map((v) => (typeof v === 'string' ? v : v.version)).sort(), liveVersions);
    const report = await rehearse({ scenario: snap.scenario, target: { kind: 'image', id: definition }, strategy: { kind: 'count', count: 4 } });
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report));
    assert.match(report.target ?? '', /web-ubuntu/);
  });

  it('timings come from the completed upgrades of the history, not from defaults (A5)', async () => {
    const liveSet = await readLiveSet(gatewayOf(live), ref('web-platform'));
    const start = new Date('2026-11-01T10:00:00Z');
    // One completed upgrade of 4 instances in 4 batches of 1 (20% of 4), 10 minutes each.
    const upgrade: UpgradeOperationHistoricalStatusInfo = {
      properties: { runningStatus: { code: 'Completed', startTime: start, endTime: new Date(start.getTime() + 40 * 60_000) }, progress: { successfulInstanceCount: 4, failedInstanceCount: 0 } },
    };
    const learned = scenarioFromLive({ ...liveSet, history: [upgrade] }, Date.now());
    const grace = learned.scenario.timing?.healthGraceSeconds ?? 0;
    assert.ok(grace > 0, 'the health extension grace period is kept');
    // 600 s a batch; the health share (grace + probe cycle) is not part of the move.
    assert.ok(learned.scenario.timing!.instanceUpgradeSeconds! < 600 && learned.scenario.timing!.instanceUpgradeSeconds! >= 600 - 2 * grace - 60, JSON.stringify(learned.scenario.timing));
    assert.ok(learned.notes.some((n) => /last 1 completed OS upgrade/.test(n)));
    const none = scenarioFromLive({ ...liveSet, history: [] }, Date.now());
    assert.equal(none.scenario.timing?.instanceUpgradeSeconds, undefined, "no history: the simulator's own default stays");
  });
});
