// Issue 18, the tree's speed: VS Code renders a level only after every expanded child below it has
// loaded, so a slow subscription must not hold back the first level (levelBudget.ts); and a refresh
// asks for the expanded subscriptions' scale sets together with the subscription list, not one round
// trip after it. Behaviour only — which rows are delivered while what is still in flight, which requests
// went out before which answers — never timings.
import * as assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ScaleSetTreeModel, type TreeModelOptions } from '../../../src/views/treeModel';
import { ExpansionMemory, rememberedLimit } from '../../../src/views/expansionMemory';
import type { SubscriptionNode, TreeNode } from '../../../src/views/treeNodes';
import { ManualSleepClock } from './manualSleepClock';
import { defaultScenario, withAzure, type SimulatedAzure } from './simulatedAzure';

const scenario = defaultScenario();
const [production, batch] = scenario.subscriptions;
const scaleSetList = (subscriptionId: string) => `^/subscriptions/${subscriptionId}/providers/Microsoft\\.Compute/virtualMachineScaleSets$`;
const isSubscription = (n: TreeNode): n is SubscriptionNode => n.kind === 'subscription';

/** Requests as the client sees them: `send <path>` when one leaves, `answer <path>` when its answer is in. */
function trafficLog(): { events: string[]; policy: PipelinePolicy } {
  const events: string[] = [];
  return {
    events,
    policy: {
      name: 'testTrafficLog',
      async sendRequest(request, next) {
        const path = new URL(request.url).pathname;
        events.push(`send ${path}`);
        try {
          return await next(request);
        } finally {
          events.push(`answer ${path}`);
        }
      },
    },
  };
}

function modelOver(access: () => SimulatedAzure['access'], options: Partial<TreeModelOptions> = {}) {
  const changed: TreeNode[] = [];
  const model = new ScaleSetTreeModel({ access: async () => access(), selectedSubscriptions: () => [], onNodesChanged: (nodes) => changed.push(...nodes), ...options });
  return { model, changed };
}

const subscriptionNode = (nodes: TreeNode[], id: string) => nodes.filter(isSubscription).find((n) => n.subscription.subscriptionId === id)!;
const listPath = (id: string) => `/subscriptions/${id}/providers/Microsoft.Compute/virtualMachineScaleSets`;

describe('the Scale Sets tree under load (issue 18)', function () {
  this.timeout(30_000);

  it('delivers the first level while a slow subscription is still listing, and that subscription\'s sets once they arrive', () =>
    withAzure({ scenario: { faults: [{ path: scaleSetList(batch.subscriptionId), delayMs: 400 }] } }, async (azure) => {
      const clock = new ManualSleepClock();
      const { model, changed } = modelOver(() => azure.access, { levelBudget: { ms: 250, clock } });
      const root = await model.viewChildren(undefined);
      const fast = subscriptionNode(root, production.subscriptionId);
      const slow = subscriptionNode(root, batch.subscriptionId);
      // What VS Code does: it asks for every expanded subscription and renders once all have answered.
      let slowListed = false;
      void model.getChildren(slow).then(() => (slowListed = true));
      const level = Promise.all([model.viewChildren(fast), model.viewChildren(slow)]);
      await model.getChildren(fast);
      await new Promise((r) => setImmediate(r));
      assert.equal(clock.pending, 1, 'only the slow subscription waits on its budget');
      clock.advance(250);
      const [fastChildren, slowChildren] = await level;
      assert.equal(slowListed, false, 'the level was delivered while the slow list was still in flight');
      assert.ok(fastChildren.length > 0 && fastChildren.every((n) => n.kind === 'scaleSet'), 'the fast subscription shows its sets');
      assert.deepEqual(slowChildren.map((n) => n.kind === 'message' && n.reason), ['loading']);
      assert.ok(!changed.includes(slow), 'no change event before the list arrived');

      await model.getChildren(slow);
      await new Promise((r) => setImmediate(r));
      assert.ok(changed.includes(slow), 'the slow subscription is redrawn once its list is in');
      const expected = scenario.scaleSets.filter((s) => s.subscriptionId === batch.subscriptionId).map((s) => s.name).sort();
      assert.deepEqual((await model.viewChildren(slow)).map((n) => n.kind === 'scaleSet' && n.ref.name), expected);
      model.dispose();
    }));

  it('without a level budget (plain callers) a level waits for its children as before', () =>
    withAzure({ scenario: { faults: [{ path: scaleSetList(batch.subscriptionId), delayMs: 50 }] } }, async (azure) => {
      const { model } = modelOver(() => azure.access);
      const slow = subscriptionNode(await model.viewChildren(undefined), batch.subscriptionId);
      assert.ok((await model.viewChildren(slow)).every((n) => n.kind === 'scaleSet'));
      model.dispose();
    }));

  it('a refresh requests the expanded subscriptions\' scale sets together with the subscription list, and no collapsed one', async () => {
    const traffic = trafficLog();
    await withAzure({ policies: [traffic.policy], scenario: { latencyMs: 30 } }, async (azure) => {
      const { model } = modelOver(() => azure.access);
      await model.getChildren(subscriptionNode(await model.getChildren(undefined), production.subscriptionId));
      traffic.events.length = 0;

      model.invalidate();
      const root = await model.getChildren(undefined);
      const sent = traffic.events.indexOf(`send ${listPath(production.subscriptionId)}`);
      assert.ok(sent >= 0, `the expanded subscription's list was requested with the root: ${traffic.events.join(', ')}`);
      assert.ok(sent < traffic.events.indexOf('answer /subscriptions'), `before the subscription list was answered: ${traffic.events.join(', ')}`);
      assert.ok(!traffic.events.includes(`send ${listPath(batch.subscriptionId)}`), 'a collapsed subscription is not listed');

      const fresh = subscriptionNode(root, production.subscriptionId);
      const sets = await model.getChildren(fresh);
      assert.ok(sets.length > 0 && sets.every((n) => n.kind === 'scaleSet' && n.subscription === fresh), 'rows hang under the new subscription row');
      assert.equal(traffic.events.filter((e) => e === `send ${listPath(production.subscriptionId)}`).length, 1, 'the prefetched list is used, not asked again');
      model.dispose();
    });
  });

  it('a refresh with every subscription expanded sends no Resource Graph overview: each list is already on its way', async () => {
    const traffic = trafficLog();
    await withAzure({ policies: [traffic.policy] }, async (azure) => {
      const { model } = modelOver(() => azure.access, { resourceGraphThreshold: 1 });
      const root = await model.getChildren(undefined);
      await Promise.all(root.map((n) => model.getChildren(n)));
      assert.ok(traffic.events.includes('send /providers/Microsoft.ResourceGraph/resources'), 'control: the overview is used at this threshold');
      traffic.events.length = 0;
      model.invalidate();
      await Promise.all((await model.getChildren(undefined)).map((n) => model.getChildren(n)));
      await new Promise((r) => setImmediate(r));
      assert.ok(!traffic.events.some((e) => e.includes('ResourceGraph')), traffic.events.join(', '));
      model.dispose();
    });
  });

  it('after a connection change nothing is requested ahead: the old rows may not exist for the new account', async () => {
    const traffic = trafficLog();
    await withAzure({ policies: [traffic.policy] }, async (azure) => {
      let access = azure.access;
      const { model } = modelOver(() => access);
      await model.getChildren(subscriptionNode(await model.getChildren(undefined), production.subscriptionId));
      access = { ...azure.access };
      traffic.events.length = 0;
      model.invalidate();
      await model.getChildren(undefined);
      assert.ok(!traffic.events.some((e) => e.endsWith('/virtualMachineScaleSets')), traffic.events.join(', '));
      model.dispose();
    });
  });
});

describe('the Scale Sets tree after a reload (issue 18, expansionMemory.ts)', function () {
  this.timeout(30_000);

  /** globalState as a map. */
  function memoryStore() {
    const values = new Map<string, unknown>();
    return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key: string, value: unknown) => void values.set(key, value) };
  }

  it('requests the scale sets of the subscriptions the user left expanded together with the subscription list', async () => {
    const traffic = trafficLog();
    const store = memoryStore();
    await withAzure({ policies: [traffic.policy], scenario: { latencyMs: 30 } }, async (azure) => {
      // The session before the reload: the user expands one subscription.
      const before = modelOver(() => azure.access, { expansion: new ExpansionMemory(store) }).model;
      const root = await before.getChildren(undefined);
      await before.getChildren(subscriptionNode(root, production.subscriptionId));
      before.rememberExpanded(subscriptionNode(root, production.subscriptionId), true);
      before.dispose();
      traffic.events.length = 0;

      // After the reload: a new model over the same store.
      const { model } = modelOver(() => azure.access, { expansion: new ExpansionMemory(store) });
      const after = await model.getChildren(undefined);
      const sent = traffic.events.indexOf(`send ${listPath(production.subscriptionId)}`);
      assert.ok(sent >= 0 && sent < traffic.events.indexOf('answer /subscriptions'), `requested before the subscription list was answered: ${traffic.events.join(', ')}`);
      assert.ok(!traffic.events.includes(`send ${listPath(batch.subscriptionId)}`), 'a subscription never expanded is not listed');
      await model.getChildren(subscriptionNode(after, production.subscriptionId));
      assert.equal(traffic.events.filter((e) => e === `send ${listPath(production.subscriptionId)}`).length, 1, 'the prefetched list is used, not asked again');
      model.dispose();
    });
  });

  it('forgets a subscription the user collapsed', async () => {
    const traffic = trafficLog();
    const store = memoryStore();
    await withAzure({ policies: [traffic.policy] }, async (azure) => {
      const before = modelOver(() => azure.access, { expansion: new ExpansionMemory(store) }).model;
      const node = subscriptionNode(await before.getChildren(undefined), production.subscriptionId);
      before.rememberExpanded(node, true);
      before.rememberExpanded(node, false);
      before.dispose();
      traffic.events.length = 0;
      const { model } = modelOver(() => azure.access, { expansion: new ExpansionMemory(store) });
      await model.getChildren(undefined);
      assert.ok(!traffic.events.some((e) => e.endsWith('/virtualMachineScaleSets')), traffic.events.join(', '));
      model.dispose();
    });
  });

  it('keeps what each cloud had expanded apart, and ignores what it cannot read', () => {
    const store = memoryStore();
    const memory = new ExpansionMemory(store);
    memory.setExpanded('AzureCloud', { subscriptionId: 'a' }, true);
    memory.setExpanded('Simulator', { subscriptionId: 'b', tokenTenant: 't' }, true);
    assert.deepEqual(memory.remembered('AzureCloud'), [{ subscriptionId: 'a' }]);
    assert.deepEqual(memory.remembered('Simulator'), [{ subscriptionId: 'b', tokenTenant: 't' }]);
    store.values.set('vmssUpgrades.tree.expandedSubscriptions', { AzureCloud: [{ subscriptionId: 3 }, { subscriptionId: 'c' }], Simulator: 'x' });
    assert.deepEqual(memory.remembered('AzureCloud'), [{ subscriptionId: 'c' }]);
    assert.deepEqual(memory.remembered('Simulator'), []);
    for (let i = 0; i < rememberedLimit + 5; i++) memory.setExpanded('AzureCloud', { subscriptionId: `s${i}` }, true);
    assert.equal(memory.remembered('AzureCloud').length, rememberedLimit, 'bounded; the oldest goes first');
    assert.equal(memory.remembered('AzureCloud')[0].subscriptionId, 's5');
  });
});
