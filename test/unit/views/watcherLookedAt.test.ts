// Issue 18: the background watcher polls a set only while someone looks at it — its row in the visible
// Scale Sets view (subscription expanded) or its dashboard. A hidden set is not polled and holds no
// timer; it is read at once when shown again, then polled as before. Time is a manual clock.
import * as assert from 'node:assert/strict';
import { LookedAt } from '../../../src/views/lookedAt';
import { ScaleSetWatcher } from '../../../src/views/scaleSetWatcher';
import { ScaleSetTreeModel } from '../../../src/views/treeModel';
import type { ScaleSetNode, SubscriptionNode, TreeNode } from '../../../src/views/treeNodes';
import { ManualSleepClock } from './manualSleepClock';
import { startSimulatedAzure, type SimulatedAzure } from './simulatedAzure';

const intervalMs = 5_000;
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

describe('background watchers poll only what someone looks at (issue 18)', function () {
  this.timeout(20_000);
  let azure: SimulatedAzure;
  let model: ScaleSetTreeModel;
  let clock: ManualSleepClock;
  let lookedAt: LookedAt;
  let watcher: ScaleSetWatcher;
  let subscription: SubscriptionNode;
  let set: ScaleSetNode;

  const reads = () => azure.simulator.requests().filter((r) => r.method === 'GET' && new RegExp(`/virtualMachineScaleSets/${set.ref.name}$`, 'i').test(r.path)).length;
  /** One poll period passes; the read it starts (if any) is answered. */
  async function tick(): Promise<void> {
    clock.advance(intervalMs);
    await settle(); // the in-memory transport answers within these turns
  }

  beforeEach(async () => {
    azure = await startSimulatedAzure();
    model = new ScaleSetTreeModel({ access: async () => azure.access, selectedSubscriptions: () => [], onNodesChanged: () => undefined });
    clock = new ManualSleepClock();
    lookedAt = new LookedAt();
    watcher = new ScaleSetWatcher(model, (_nodes: readonly TreeNode[]) => undefined, clock, intervalMs, lookedAt);
    subscription = (await model.getChildren(undefined)).find((n): n is SubscriptionNode => n.kind === 'subscription')!;
    set = (await model.getChildren(subscription)).find((n): n is ScaleSetNode => n.kind === 'scaleSet')!;
    lookedAt.setExpanded(subscription.key, true);
  });
  afterEach(async () => {
    watcher.dispose();
    model.dispose();
    await azure.stop();
  });

  it('a set whose subscription is collapsed is not polled and holds no timer; expanding it reads at once and polls again', async () => {
    watcher.watch(set.ref, new Promise(() => undefined));
    await tick();
    await tick();
    assert.equal(reads(), 2, 'polled while its row is visible');

    lookedAt.setExpanded(subscription.key, false);
    await tick();
    assert.equal(clock.pending, 0, 'no timer while nobody looks');
    assert.equal(lookedAt.waiting, 1);
    for (let i = 0; i < 10; i++) await tick();
    assert.equal(reads(), 2, 'no reads while collapsed');

    lookedAt.setExpanded(subscription.key, true);
    await settle();
    assert.equal(reads(), 3, 'read at once when shown again');
    assert.equal(clock.pending, 1, 'and polling resumes');
    await tick();
    assert.equal(reads(), 4);
  });

  it('a hidden view stops the polls too; an open dashboard of the set keeps them going', async () => {
    watcher.watch(set.ref, new Promise(() => undefined));
    lookedAt.setViewVisible(false);
    await tick();
    await tick();
    assert.equal(reads(), 0, 'view hidden: nobody sees the row');

    lookedAt.setDashboardVisible(set.ref, true);
    await settle();
    assert.equal(reads(), 1, 'its dashboard opened: read at once');
    await tick();
    assert.equal(reads(), 2, 'polled while the dashboard shows it');

    lookedAt.setDashboardVisible(set.ref, false);
    await tick();
    await tick();
    assert.equal(reads(), 2);
  });

  it('a set nobody looks at still ends its watch: disposing stops the waiting loop', async () => {
    lookedAt.setExpanded(subscription.key, false);
    const handle = watcher.watch(set.ref, new Promise(() => undefined));
    await tick();
    assert.equal(lookedAt.waiting, 1);
    handle.dispose();
    await settle();
    assert.equal(lookedAt.waiting, 0, 'no listener left behind');
    assert.equal(watcher.isWatching(set.ref), false);
  });
});
