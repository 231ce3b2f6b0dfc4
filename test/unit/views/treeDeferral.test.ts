// The Scale Sets tree with deferred automatic OS upgrades (A1 osRollingUpgradeDeferral), against the simulator
// through the real gateway (scenario src/simulator/scenarios/deferral.json): the set is marked deferralOn and,
// once its instances are listed, approvable with its waiting count; waiting instances carry their own look.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import { instanceAppearance, instanceContextValue } from '../../../src/views/instanceAppearance';
import { scaleSetContextValue, scaleSetFacts } from '../../../src/views/scaleSetFacts';
import { ScaleSetTreeModel } from '../../../src/views/treeModel';
import type { ScaleSetNode } from '../../../src/views/treeNodes';
import { startSimulatedAzure } from './simulatedAzure';
import { instancesBelow } from './treeWalk';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

describe('tree: instances waiting for OS upgrade approval (osRollingUpgradeDeferral)', () => {
  it('marks the deferred set, counts its waiting instances and gives them the waiting look', async () => {
    const azure = await startSimulatedAzure({ scenario: loadScenario(path.join(root, 'src', 'simulator', 'scenarios', 'deferral.json')), timeScale: 600 });
    try {
      await new Promise((r) => setTimeout(r, 50)); // 30 simulated seconds: the release (1 s) starts the upgrade
      const model = new ScaleSetTreeModel({ access: async () => azure.access, selectedSubscriptions: () => [], onNodesChanged: () => undefined });
      const [subscription] = await model.getChildren(undefined);
      const sets = (await model.getChildren(subscription)).filter((n): n is ScaleSetNode => n.kind === 'scaleSet');
      const orders = sets.find((s) => s.ref.name === 'orders-api')!;
      const plain = sets.find((s) => s.ref.name === 'reports-plain')!;
      assert.match(scaleSetContextValue(scaleSetFacts(orders)), /;deferralOn(;|$)/);
      assert.doesNotMatch(scaleSetContextValue(scaleSetFacts(plain)), /deferralOn/);
      const instances = await instancesBelow(model, orders);
      const waiting = instances.filter((n) => n.instance.pendingOsUpgrade !== undefined);
      assert.ok(waiting.length > 0, 'the first batch waits for approval');
      assert.ok(waiting.length < instances.length, 'only the batch waits, not the whole set');
      assert.equal(scaleSetFacts(orders).awaitingApproval, waiting.length);
      assert.match(scaleSetContextValue(scaleSetFacts(orders)), /;approvable$/);
      for (const n of waiting) {
        assert.equal(n.instance.pendingOsUpgrade, '24.04.202411050');
        assert.equal(instanceAppearance(n.instance).icon, 'bell-dot');
        assert.match(instanceContextValue(n.instance), /;awaitingApproval$/);
      }
    } finally {
      await azure.stop();
    }
  });

  it('records the waiting instances also when the same listing finds the rolling upgrade new (no short-circuit)', async () => {
    const azure = await startSimulatedAzure({ scenario: loadScenario(path.join(root, 'src', 'simulator', 'scenarios', 'deferral.json')), timeScale: 600 });
    try {
      await new Promise((r) => setTimeout(r, 50));
      const changed: string[] = [];
      const model = new ScaleSetTreeModel({ access: async () => azure.access, selectedSubscriptions: () => [], onNodesChanged: (nodes) => changed.push(...nodes.map((n) => n.key)) });
      const [subscription] = await model.getChildren(undefined);
      const orders = (await model.getChildren(subscription)).find((n): n is ScaleSetNode => n.kind === 'scaleSet' && n.ref.name === 'orders-api')!;
      const rollingCode = () => orders.rolling?.runningStatus?.code;
      for (let i = 0; i < 100 && rollingCode() !== 'RollingForward'; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(rollingCode(), 'RollingForward', "Azure's rolling upgrade of the first batch is under way (the background look-up saw it)");
      // As when the set is expanded before its background look-up has answered: the listing finds both.
      orders.rolling = undefined;
      const instances = await instancesBelow(model, orders);
      const waiting = instances.filter((n) => n.instance.pendingOsUpgrade !== undefined).length;
      assert.ok(waiting > 0);
      assert.equal(scaleSetFacts(orders).awaitingApproval, waiting, 'the waiting count is recorded, not skipped because the rolling state changed first');
      assert.equal(rollingCode(), 'RollingForward');
      await new Promise((r) => setTimeout(r, 0));
      assert.ok(changed.includes(orders.key), 'the row is redrawn');
    } finally {
      await azure.stop();
    }
  });
});
