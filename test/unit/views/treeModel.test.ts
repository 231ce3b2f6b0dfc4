// The Scale Sets tree's loading logic against the embedded simulator through the real gateway: what the
// default scenario holds must appear level by level, and every failure of issue 4 (item 5) must become a
// message row under the level that failed while the rest of the tree keeps working.
import * as assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ScaleSetSpec } from '../../../src/simulator/scenario/scenarioTypes';
import { createSessionCredential } from '../../../src/auth/sessionCredential';
import { messageAction } from '../../../src/views/messageAction';
import { scaleSetFacts } from '../../../src/views/scaleSetFacts';
import { ScaleSetTreeModel, type TreeModelOptions } from '../../../src/views/treeModel';
import type { MessageNode, ScaleSetNode, SubscriptionNode, TreeNode } from '../../../src/views/treeNodes';
import { defaultScenario, startSimulatedAzure, withAzure, type SimulatedAzure } from './simulatedAzure';
import { instancesBelow } from './treeWalk';

function modelOver(azure: SimulatedAzure, options: Partial<TreeModelOptions> = {}) {
  const changed: TreeNode[] = [];
  const model = new ScaleSetTreeModel({
    access: async () => azure.access,
    selectedSubscriptions: () => [],
    onNodesChanged: (nodes) => changed.push(...nodes),
    ...options,
  });
  return { model, changed };
}

const isSubscription = (n: TreeNode): n is SubscriptionNode => n.kind === 'subscription';
const isScaleSet = (n: TreeNode): n is ScaleSetNode => n.kind === 'scaleSet';
const isMessage = (n: TreeNode): n is MessageNode => n.kind === 'message';

async function subscriptionNamed(model: ScaleSetTreeModel, name: string): Promise<SubscriptionNode> {
  const node = (await model.getChildren(undefined)).filter(isSubscription).find((s) => s.subscription.displayName === name);
  assert.ok(node, `subscription ${name} missing`);
  return node;
}

function requestsTo(azure: SimulatedAzure, pattern: RegExp): number {
  return azure.simulator.requests().filter((r) => pattern.test(r.path)).length;
}

const scenario = defaultScenario();
const subscriptionName = (id: string) => scenario.subscriptions.find((s) => s.subscriptionId === id)!.displayName;
const specNamed = (name: string): ScaleSetSpec => scenario.scaleSets.find((s) => s.name === name)!;

describe('Scale Sets tree model on the simulator (default scenario)', function () {
  this.timeout(20_000);
  let azure: SimulatedAzure;
  before(async () => {
    azure = await startSimulatedAzure();
  });
  after(() => azure.stop());

  it("lists the scenario's subscriptions, sorted by name", async () => {
    const { model } = modelOver(azure);
    const root = await model.getChildren(undefined);
    assert.deepEqual(
      root.map((n) => (isSubscription(n) ? n.subscription.displayName : n.kind)),
      scenario.subscriptions.map((s) => s.displayName).sort((a, b) => a.localeCompare(b)),
    );
  });

  it('lists each subscription’s scale sets with orchestration, capacity, image, upgrade mode and automatic OS upgrade (A1)', async () => {
    const { model } = modelOver(azure);
    for (const sub of (await model.getChildren(undefined)).filter(isSubscription)) {
      const sets = (await model.getChildren(sub)).filter(isScaleSet);
      const specs = scenario.scaleSets.filter((s) => s.subscriptionId === sub.subscription.subscriptionId);
      assert.deepEqual(sets.map((s) => s.ref.name), specs.map((s) => s.name).sort((a, b) => a.localeCompare(b)));
      for (const set of sets) {
        const spec = specNamed(set.ref.name);
        const facts = scaleSetFacts(set);
        assert.equal(facts.orchestrationMode, spec.orchestrationMode ?? 'Uniform', set.ref.name);
        assert.equal(facts.capacity, spec.instances.count, set.ref.name);
        assert.equal(facts.image, [spec.image.publisher, spec.image.offer, spec.image.sku, spec.image.version].join('/'), set.ref.name);
        assert.equal(facts.upgradeMode, (spec.upgradePolicy?.mode as string | undefined) ?? 'Manual', set.ref.name);
        const autoOs = (spec.upgradePolicy?.automaticOSUpgradePolicy as { enableAutomaticOSUpgrade?: boolean } | undefined)?.enableAutomaticOSUpgrade === true;
        assert.equal(facts.autoOsUpgrade, autoOs, set.ref.name);
      }
    }
  });

  it('groups instances by zone, then update domain, each with its version, power and health (H3)', async () => {
    const { model } = modelOver(azure);
    const spec = specNamed('batch-workers');
    const sub = await subscriptionNamed(model, subscriptionName(spec.subscriptionId));
    const set = (await model.getChildren(sub)).filter(isScaleSet).find((s) => s.ref.name === spec.name)!;
    const zones = await model.getChildren(set);
    assert.deepEqual(zones.map((z) => (z.kind === 'instanceGroup' ? `${z.level}:${z.value}` : z.kind)), spec.zones!.map((z) => `zone:${z}`));
    const firstZone = zones[0];
    assert.ok(firstZone.kind === 'instanceGroup');
    const domains = await model.getChildren(firstZone);
    assert.ok(domains.length > 1 && domains.every((d) => d.kind === 'instanceGroup' && d.level === 'updateDomain'));

    const instances = await instancesBelow(model, set);
    assert.equal(instances.length, spec.instances.count);
    const overrides = spec.instances.overrides ?? {};
    for (const { instance } of instances) {
      const override = overrides[instance.instanceId] ?? {};
      assert.equal(instance.image.exactVersion, override.osVersion ?? spec.osVersion, instance.name);
      assert.equal(instance.powerState, override.powerState ?? 'running', instance.name);
      if (instance.powerState === 'running') assert.equal(instance.health, override.health ?? 'healthy', instance.name);
      assert.equal(instance.zone !== undefined && spec.zones!.includes(instance.zone), true, instance.name);
    }
  });

  it('reads the groups from what was loaded: expanding them makes no request', async () => {
    const { model } = modelOver(azure);
    const spec = specNamed('web-frontend');
    const sub = await subscriptionNamed(model, subscriptionName(spec.subscriptionId));
    const set = (await model.getChildren(sub)).filter(isScaleSet).find((s) => s.ref.name === spec.name)!;
    await model.getChildren(set);
    const before = azure.simulator.requests().length;
    const instances = await instancesBelow(model, set);
    assert.equal(instances.length, spec.instances.count);
    assert.equal(azure.simulator.requests().length, before);
  });

  it('shows only the selected subscriptions, and says so when the selection matches none', async () => {
    const chosen = scenario.subscriptions[1];
    const { model } = modelOver(azure, { selectedSubscriptions: () => [chosen.subscriptionId.toUpperCase()] });
    assert.deepEqual((await model.getChildren(undefined)).map((n) => (isSubscription(n) ? n.subscription.subscriptionId : n.kind)), [chosen.subscriptionId]);
    const none = modelOver(azure, { selectedSubscriptions: () => ['00000000-0000-0000-0000-000000000000'] }).model;
    const [message] = await none.getChildren(undefined);
    assert.ok(isMessage(message) && message.reason === 'noSelectedSubscriptions');
    assert.equal(messageAction(message, 'AzureCloud')?.command, 'vmssUpgrades.selectSubscriptions');
  });

  it('reloads only the subtree it is asked to', async () => {
    const { model } = modelOver(azure);
    const [first, second] = (await model.getChildren(undefined)).filter(isSubscription);
    await model.getChildren(first);
    await model.getChildren(second);
    const listCalls = () => requestsTo(azure, /\/virtualMachineScaleSets$/i);
    const before = listCalls();
    model.invalidate(first);
    await model.getChildren(first);
    await model.getChildren(second);
    assert.equal(listCalls(), before + 1);
  });
});

describe('Resource Graph overview when many subscriptions are selected', function () {
  this.timeout(20_000);
  // Twelve subscriptions: the scenario's two plus ten without scale sets.
  const tenantId = scenario.tenants[0].tenantId;
  const empty = Array.from({ length: 10 }, (_, i) => ({ subscriptionId: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`, displayName: `Empty ${i}`, tenantId }));
  const many = { subscriptions: [...scenario.subscriptions, ...empty] };

  it('counts scale sets per subscription with one query and needs no call for empty subscriptions', () =>
    withAzure({ scenario: many }, async (azure) => {
      const { model, changed } = modelOver(azure);
      const subs = (await model.getChildren(undefined)).filter(isSubscription);
      assert.equal(subs.length, 12);
      await until(() => changed.length > 0);
      assert.equal(requestsTo(azure, /Microsoft\.ResourceGraph\/resources$/i), 1);
      for (const sub of subs) {
        const expected = scenario.scaleSets.filter((s) => s.subscriptionId === sub.subscription.subscriptionId).length;
        assert.equal(sub.scaleSetCount, expected, sub.subscription.displayName);
      }
      const listCalls = () => requestsTo(azure, /\/virtualMachineScaleSets$/i);
      const emptyOne = subs.find((s) => s.scaleSetCount === 0)!;
      const [message] = await model.getChildren(emptyOne);
      assert.ok(isMessage(message) && message.reason === 'noScaleSets');
      assert.equal(listCalls(), 0, 'an empty subscription costs no call');
      const full = subs.find((s) => (s.scaleSetCount ?? 0) > 0)!;
      assert.equal((await model.getChildren(full)).filter(isScaleSet).length, full.scaleSetCount);
      assert.equal(listCalls(), 1, 'a non-empty one costs one listAll');
    }));

  it('falls back to listing each subscription when the query fails', () =>
    withAzure({ scenario: { ...many, faults: [{ path: 'Microsoft\\.ResourceGraph', status: 500 }] } }, async (azure) => {
      const { model } = modelOver(azure);
      const subs = (await model.getChildren(undefined)).filter(isSubscription);
      await until(() => requestsTo(azure, /Microsoft\.ResourceGraph/i) > 0 && azure.simulator.requests().every((r) => r.status !== 0));
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(subs.every((s) => s.scaleSetCount === undefined));
      const withSets = subs.find((s) => s.subscription.subscriptionId === scenario.subscriptions[0].subscriptionId)!;
      assert.ok((await model.getChildren(withSets)).filter(isScaleSet).length > 0);
    }));

  it('is not used below the threshold', () =>
    withAzure({}, async (azure) => {
      const { model } = modelOver(azure);
      await model.getChildren(undefined);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(requestsTo(azure, /Microsoft\.ResourceGraph/i), 0);
    }));
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('failures become message rows; the rest of the tree keeps working (issue 4, item 5)', function () {
  this.timeout(20_000);
  const [production, batch] = scenario.subscriptions;
  const scaleSetList = (subscriptionId: string) => `^/subscriptions/${subscriptionId}/providers/Microsoft\\.Compute/virtualMachineScaleSets$`;

  async function childrenOf(azure: SimulatedAzure, subscriptionId: string) {
    const { model } = modelOver(azure);
    const sub = (await model.getChildren(undefined)).filter(isSubscription).find((s) => s.subscription.subscriptionId === subscriptionId)!;
    return { model, sub, children: await model.getChildren(sub) };
  }

  it('403 on one subscription: that subscription says so and offers Retry; the other one lists its sets', () =>
    withAzure({ scenario: { faults: [{ path: scaleSetList(batch.subscriptionId), status: 403, code: 'AuthorizationFailed', message: 'The client does not have authorization' }] } }, async (azure) => {
      const denied = await childrenOf(azure, batch.subscriptionId);
      const [message] = denied.children;
      assert.ok(isMessage(message) && message.reason === 'loadFailed');
      assert.equal(message.error?.kind, 'forbidden');
      assert.equal(message.error?.code, 'AuthorizationFailed');
      assert.deepEqual(messageAction(message, 'Simulator'), { kind: 'retry', command: 'vmssUpgrades.refresh', arguments: [denied.sub] });
      const allowed = await childrenOf(azure, production.subscriptionId);
      assert.ok(allowed.children.length > 0 && allowed.children.every(isScaleSet));
    }));

  it('a throttled request with Retry-After is retried and the list still loads', () =>
    withAzure({ scenario: { faults: [{ path: scaleSetList(production.subscriptionId), status: 429, retryAfterSeconds: 0, occurrences: [1] }] } }, async (azure) => {
      const { children } = await childrenOf(azure, production.subscriptionId);
      assert.ok(children.length > 0 && children.every(isScaleSet));
      assert.equal(azure.access.stats().throttled, 1);
    }));

  it('persistent throttling (429 without Retry-After) shows a throttling message with Retry', () =>
    withAzure({ scenario: { faults: [{ path: scaleSetList(production.subscriptionId), status: 429 }] } }, async (azure) => {
      const { children, sub } = await childrenOf(azure, production.subscriptionId);
      const [message] = children;
      assert.ok(isMessage(message) && message.error?.kind === 'throttled');
      assert.equal(messageAction(message, 'Simulator')?.kind, 'retry');
      assert.ok((await childrenOf(azure, batch.subscriptionId)).children.every(isScaleSet), `${sub.subscription.displayName} throttled only`);
    }));

  it('a dropped connection is retried; one that keeps dropping shows a network message', () =>
    withAzure(
      {
        scenario: {
          faults: [
            { path: scaleSetList(production.subscriptionId), drop: true, occurrences: [1] },
            { path: scaleSetList(batch.subscriptionId), drop: true },
          ],
        },
      },
      async (azure) => {
        assert.ok((await childrenOf(azure, production.subscriptionId)).children.every(isScaleSet));
        const [message] = (await childrenOf(azure, batch.subscriptionId)).children;
        assert.ok(isMessage(message) && message.error?.kind === 'network', JSON.stringify(message));
        assert.equal(messageAction(message, 'Simulator')?.kind, 'restartSimulator');
      },
    ));

  it('server errors that outlast the retries show a server-error message', () =>
    withAzure({ scenario: { faults: [{ path: scaleSetList(batch.subscriptionId), status: 503 }] } }, async (azure) => {
      const [message] = (await childrenOf(azure, batch.subscriptionId)).children;
      assert.ok(isMessage(message) && message.error?.kind === 'server' && message.error.statusCode === 503);
    }));

  it('a stopped simulator: the next load says it cannot be reached and offers to restart it', () =>
    withAzure({ listen: true }, async (azure) => {
      const { model } = modelOver(azure);
      assert.ok((await model.getChildren(undefined)).every(isSubscription));
      await azure.simulator.stop();
      model.invalidate();
      const [message] = await model.getChildren(undefined);
      assert.ok(isMessage(message) && message.error?.kind === 'network', JSON.stringify(message));
      assert.equal(messageAction(message, 'Simulator')?.kind, 'restartSimulator');
    }));

  it('no session (signed out or expired): the root asks to sign in', () =>
    withAzure({ credential: createSessionCredential(async () => undefined) }, async (azure) => {
      const { model } = modelOver(azure);
      const [message] = await model.getChildren(undefined);
      assert.ok(isMessage(message) && message.reason === 'loadFailed' && message.error?.kind === 'auth', JSON.stringify(message));
      assert.deepEqual(messageAction(message, 'AzureCloud'), { kind: 'signIn', command: 'vmssUpgrades.signIn' });
      assert.equal(azure.simulator.requests().length, 0, 'nothing is sent without a token');
    }));

  // A scenario needs at least one subscription (scenario.schema.json), so the account's empty list is
  // made by dropping the items from the simulator's answer on the way back.
  const emptySubscriptionList: PipelinePolicy = {
    name: 'emptySubscriptionList',
    async sendRequest(request, next) {
      const response = await next(request);
      if (/\/subscriptions\?/.test(request.url)) response.bodyAsText = JSON.stringify({ value: [] });
      return response;
    },
  };

  it('an account without subscriptions says so', () =>
    withAzure({ policies: [emptySubscriptionList] }, async (azure) => {
      const [message] = await modelOver(azure).model.getChildren(undefined);
      assert.ok(isMessage(message) && message.reason === 'noSubscriptions');
    }));

  it('a cancelled load shows "cancelled" and is not remembered: loading again works', () =>
    withAzure({ scenario: { latencyMs: 300 } }, async (azure) => {
      const { model } = modelOver(azure);
      const cancel = new AbortController();
      const loading = model.getChildren(undefined, cancel.signal);
      setTimeout(() => cancel.abort(), 20);
      const [message] = await loading;
      assert.ok(isMessage(message) && message.reason === 'cancelled', JSON.stringify(message));
      assert.equal(messageAction(message, 'Simulator')?.kind, 'retry');
      assert.ok((await model.getChildren(undefined)).every(isSubscription));
    }));
});
