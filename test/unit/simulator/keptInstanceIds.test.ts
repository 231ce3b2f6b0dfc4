// Scenario instances may keep the ids a live set has (issue 15: a snapshot reproduces the set), and the
// simulator stays Azure-true with them: Uniform ids are numbers that a scale-out never reuses, Flexible
// ids are the VM names, and an id used twice is refused when the scenario loads.
import * as assert from 'node:assert/strict';
import { buildWorld } from '../../../src/simulator/scenario/buildWorld';
import { loadScenario, startSimulator, type Scenario } from '../../../src/simulator/simulator-entry';

const subscriptionId = '00000000-0000-4000-8000-0000000000aa';

function scenario(instances: Scenario['scaleSets'][number]['instances'], orchestrationMode: 'Uniform' | 'Flexible' = 'Uniform'): Scenario {
  return {
    tenants: [{ tenantId: '00000000-0000-4000-8000-0000000000bb', displayName: 'T' }],
    subscriptions: [{ subscriptionId, displayName: 'S', tenantId: '00000000-0000-4000-8000-0000000000bb' }],
    images: [{ publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', locations: ['westeurope'], versions: ['24.04.202410020'] }],
    scaleSets: [{ subscriptionId, resourceGroup: 'rg', name: 'kept', location: 'westeurope', orchestrationMode, image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }, healthSignal: { kind: 'extension' }, instances }],
  };
}

/** What Simulator.start does before it serves: check the schema, then build the world. */
function build(s: Scenario): void {
  buildWorld(loadScenario(s), Date.now());
}

describe('scenario instances with kept ids (issue 15)', () => {
  it('a Uniform set serves the kept ids, and a scale-out continues above the highest', async () => {
    const sim = await startSimulator({ scenario: scenario({ count: 3, overrides: { '0': { instanceId: '4' }, '1': { instanceId: '9' }, '2': { instanceId: '12' } } }), listen: false });
    try {
      const set = sim.world.scaleSets[0];
      assert.deepEqual(set.instances.map((i) => [i.instanceId, i.name]), [['4', 'kept_4'], ['9', 'kept_9'], ['12', 'kept_12']]);
      assert.equal(set.nextInstanceNumber, 13);
    } finally {
      await sim.stop();
    }
  });

  it('a Flexible set keeps its VM names as ids', async () => {
    const sim = await startSimulator({ scenario: scenario({ count: 2, overrides: { '0': { instanceId: 'kept_1a2b3c4d' }, '1': { instanceId: 'kept_5e6f7a8b' } } }, 'Flexible'), listen: false });
    try {
      assert.deepEqual(sim.world.scaleSets[0].instances.map((i) => i.instanceId), ['kept_1a2b3c4d', 'kept_5e6f7a8b']);
    } finally {
      await sim.stop();
    }
  });

  it('refuses an id used twice and a Uniform id that is not a number', () => {
    assert.throws(() => build(scenario({ count: 2, overrides: { '1': { instanceId: '0' } } })), /instance id '0' is used twice/);
    assert.throws(() => build(scenario({ count: 1, overrides: { '0': { instanceId: 'web_1' } } })), /is not a Uniform instance id/);
  });
});

