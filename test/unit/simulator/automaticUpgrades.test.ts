// A1/A4/A5: publishing an image version starts automatic OS upgrades after the configured delay on
// the sets that enabled them; the platform rolls back instances that do not become healthy; history
// keeps the five newest runs within two months, paged with absolute nextLinks.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, sdkClients } from './helpers/clients';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { image, scaleSet, scenario, sub1 } from './helpers/scenarios';

const minutes = (n: number) => n * 60_000;
const autoPolicy = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } };

async function start(extra: Parameters<typeof scenario>[1] = {}) {
  const clock = new ManualClock();
  const sim = await Simulator.start({
    listen: false,
    clock,
    scenario: scenario(
      [
        scaleSet('auto', 6, { osVersion: '1.1.0', upgradePolicy: autoPolicy, instances: { count: 6, overrides: { '2': { afterUpgrade: { kind: 'unhealthyOnVersion', version: '1.2.0' } } } } }),
        scaleSet('off', 3, { osVersion: '1.1.0' }),
      ],
      extra,
    ),
  });
  const at = (ms: number) => {
    clock.advance(ms);
    sim.advance();
  };
  return { sim, clock, at, set: (name: string) => sim.world.scaleSets.find((s) => s.name === name)! };
}

describe('simulator automatic OS image upgrades (A1/A4/A5)', () => {
  it('a release starts a Platform rolling upgrade after the delay, only on sets that enabled it', async () => {
    const { sim, at, set } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(29));
    assert.equal(set('auto').upgradeRuns.length, 0, 'A4: not before the delay');
    at(minutes(2));
    assert.equal(set('auto').upgradeRuns.length, 1);
    assert.equal(set('auto').upgradeRuns[0].startedBy, 'Platform');
    at(minutes(240));
    assert.equal(set('off').upgradeRuns.length, 0);
    assert.ok(set('off').instances.every((i) => i.osImage.version === '1.1.0'));
  });

  it('the platform rolls back an instance that does not become healthy (default) and records it in history', async () => {
    const { sim, at, set } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31 + 240));
    const run = set('auto').upgradeRuns[0];
    assert.equal(run.code, 'Faulted', 'one failed instance in a 6-instance set breaches the 20% upgraded-unhealthy default (O5)');
    const history = await collect(sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.listOSUpgradeHistory('rg-test', 'auto'));
    assert.equal(history.length, 1);
    assert.equal(history[0].properties?.startedBy, 'Platform');
    assert.equal(history[0].properties?.rollbackInfo?.successfullyRolledbackInstanceCount, 1);
    assert.equal(history[0].properties?.targetImageReference?.version, '1.2.0');
    assert.equal(set('auto').instances[2].osImage.version, '1.1.0', 'rolled back to its previous OS disk');
  });

  it('useRollingUpgradePolicy applies the set’s own policy instead of the platform defaults', async () => {
    const { sim, at, set } = await start();
    await rawCall(sim, 'PATCH', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/auto`, {
      body: { properties: { upgradePolicy: { rollingUpgradePolicy: { maxUnhealthyUpgradedInstancePercent: 100 }, automaticOSUpgradePolicy: { useRollingUpgradePolicy: true } } } },
    });
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31 + 240));
    const run = set('auto').upgradeRuns[0];
    assert.equal(run.code, 'Completed');
    assert.equal(run.rolledBack, 1);
  });

  it('enabling automatic upgrades on a set behind the newest image schedules the first rollout (A4)', async () => {
    const { sim, at, set } = await start();
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(40));
    assert.equal(set('off').upgradeRuns.length, 0);
    const res = await rawCall(sim, 'PATCH', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/off`, {
      body: { properties: { upgradePolicy: { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } } },
    });
    assert.equal(res.status, 200);
    at(minutes(50));
    assert.equal(set('off').upgradeRuns.length, 0, 'the first rollout waits firstRolloutDelay (60 min here)');
    at(minutes(15));
    assert.equal(set('off').upgradeRuns.length, 1);
  });

  it('the control endpoint and scenario events publish versions too', async () => {
    const { sim, at } = await start({ events: [{ atSeconds: 600, publishImage: { ...image, version: '1.2.0' } }] });
    const versions = async () => ((await rawCall(sim, 'GET', `/subscriptions/${sub1}/providers/Microsoft.Compute/locations/westeurope/publishers/Canonical/artifacttypes/vmimage/offers/${image.offer}/skus/server/versions`)).body as { name: string }[]).map((v) => v.name);
    assert.deepEqual(await versions(), ['1.0.0', '1.1.0']);
    at(minutes(10));
    assert.deepEqual(await versions(), ['1.0.0', '1.1.0', '1.2.0']);
    const res = await rawCall(sim, 'POST', '/_simulator/images/publish', { apiVersion: null, body: { ...image, version: '1.3.0' } });
    assert.equal(res.status, 200);
    assert.deepEqual(await versions(), ['1.0.0', '1.1.0', '1.2.0', '1.3.0']);
    const newestFirst = await rawCall(sim, 'GET', `/subscriptions/${sub1}/providers/Microsoft.Compute/locations/westeurope/publishers/Canonical/artifacttypes/vmimage/offers/${image.offer}/skus/server/versions`, { query: '$orderby=name desc&$top=1' });
    assert.deepEqual(newestFirst.body, [{ name: '1.3.0', location: 'westeurope', id: `/Subscriptions/${sub1}/Providers/Microsoft.Compute/Locations/westeurope/Publishers/Canonical/ArtifactTypes/VMImage/Offers/${image.offer}/Skus/server/Versions/1.3.0` }]);
  });

  it('history keeps the five newest OS upgrades within two months, newest first, paged with absolute nextLinks', async () => {
    const { sim, at, set } = await start({ timing: { pageSize: 2 } });
    const path = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/off/osRollingUpgrade`;
    for (let i = 0; i < 7; i++) {
      sim.publishImageVersion({ ...image, version: `2.0.${i}` });
      assert.equal((await rawCall(sim, 'POST', path)).status, 202);
      at(minutes(60));
    }
    assert.equal(set('off').upgradeRuns.length, 7);
    const firstPage = await rawCall(sim, 'GET', path.replace('osRollingUpgrade', 'osUpgradeHistory'));
    const nextLink = (firstPage.body as { nextLink: string }).nextLink;
    assert.match(nextLink, /^https:\/\/127\.0\.0\.1:1\/subscriptions\/.+\/osUpgradeHistory\?api-version=2026-03-01&%24skiptoken=/);
    const items = await collect(sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.listOSUpgradeHistory('rg-test', 'off'));
    assert.deepEqual(items.map((h) => h.properties?.targetImageReference?.version), ['2.0.6', '2.0.5', '2.0.4', '2.0.3', '2.0.2']);
    assert.ok(items.every((h) => h.properties?.startedBy === 'User'));
    at(61 * 24 * minutes(60));
    assert.equal((await collect(sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.listOSUpgradeHistory('rg-test', 'off'))).length, 0, 'older than two months');
  });
});
