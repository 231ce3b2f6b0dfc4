// The gateway's deferral support against the simulator through the real SDK (A1 osRollingUpgradeDeferral):
// instances waiting for approval show as `pendingOsUpgrade`; approve all, chosen ids, or one instance (the
// VM operation on Uniform, the set-level call with its id on Flexible).
import * as assert from 'node:assert/strict';
import { ArmGateway } from '../../../src/azure/armGateway';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { deferralEnabled } from '../../../src/azure/osUpgradeDeferral';
import { staticTokenCredential } from '../../../src/cli/connect';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from '../simulator/helpers/clocks';
import { image, scaleSet, scenario, sub1 } from '../simulator/helpers/scenarios';

const deferred = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, osRollingUpgradeDeferral: true } };
const ref = (name: string) => ({ subscriptionId: sub1, resourceGroup: 'rg-test', name });

async function waitingWorld() {
  const clock = new ManualClock();
  const sim = await Simulator.start({
    listen: false,
    clock,
    scenario: scenario([
      scaleSet('uni', 10, { osVersion: '1.1.0', upgradePolicy: deferred }),
      scaleSet('flex', 5, { osVersion: '1.1.0', upgradePolicy: deferred, orchestrationMode: 'Flexible' }),
    ]),
  });
  sim.publishImageVersion({ ...image, version: '1.2.0' });
  clock.advance(31 * 60_000);
  sim.advance();
  const factory = createClientFactory({ credential: staticTokenCredential(), endpoint: sim.url, httpClient: sim.httpClient, pollSleep: async (ms) => {
        // Polls advance the simulated clock (a model update takes 5 simulated seconds).
        clock.advance(Math.max(ms, 1000));
        sim.advance();
      } }, 0);
  const gateway = new ArmGateway(factory);
  const after = (minutes: number) => {
    clock.advance(minutes * 60_000);
    sim.advance();
  };
  const waiting = async (name: string) => (await gateway.listInstances(ref(name))).filter((i) => i.pendingOsUpgrade !== undefined);
  return { sim, gateway, after, waiting };
}

describe('gateway: deferred OS upgrades (osRollingUpgradeDeferral, approveRollingUpgrade)', () => {
  it('reads the deferral flag and the waiting instances (pendingOsUpgrade = the tag)', async () => {
    const { sim, gateway, waiting } = await waitingWorld();
    try {
      assert.equal(deferralEnabled(await gateway.getScaleSet(ref('uni'))), true);
      const list = await waiting('uni');
      assert.ok(list.length > 0);
      assert.ok(list.every((i) => i.pendingOsUpgrade === '1.2.0'));
    } finally {
      await sim.stop();
    }
  });

  it('approves chosen ids, then one instance, then all; an empty list is refused before any call', async () => {
    const { sim, gateway, after, waiting } = await waitingWorld();
    try {
      const [first, second] = (await waiting('uni')).map((i) => i.instanceId);
      await gateway.approveRollingUpgrade(ref('uni'), [first]);
      assert.deepEqual((await waiting('uni')).map((i) => i.instanceId), [second]);
      await gateway.approveInstanceRollingUpgrade(ref('uni'), second);
      assert.deepEqual(await waiting('uni'), []);
      after(10);
      assert.ok((await waiting('uni')).length > 0, 'the next batch waits');
      await gateway.approveRollingUpgrade(ref('uni'));
      assert.deepEqual(await waiting('uni'), []);
      await assert.rejects(gateway.approveRollingUpgrade(ref('uni'), []), /at least one instance id/);
    } finally {
      await sim.stop();
    }
  });

  it('on a Flexible set approves one instance through the set-level call (the VM path is a Uniform API)', async () => {
    const { sim, gateway, waiting } = await waitingWorld();
    try {
      const [one] = await waiting('flex');
      assert.ok(one, 'a Flexible instance waits');
      await gateway.approveInstanceRollingUpgrade(ref('flex'), one.instanceId);
      assert.ok(!(await waiting('flex')).some((i) => i.instanceId === one.instanceId));
      assert.ok(sim.requests().some((r) => r.method === 'POST' && /virtualMachineScaleSets\/flex\/approveRollingUpgrade$/i.test(r.path)));
    } finally {
      await sim.stop();
    }
  });

  it('turning deferral off with a PATCH of the one flag keeps automatic upgrades on (what Enable/Disable Upgrade Deferral sends)', async () => {
    const { sim, gateway } = await waitingWorld();
    try {
      const after = await gateway.updateScaleSet(ref('uni'), { upgradePolicy: { automaticOSUpgradePolicy: { osRollingUpgradeDeferral: false } } });
      assert.equal(deferralEnabled(after), false);
      assert.equal(after.upgradePolicy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade, true);
    } finally {
      await sim.stop();
    }
  });
});

