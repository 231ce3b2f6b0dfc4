// Polling a scale set only while an operation on it is in flight (tree.watch), and the rolling-upgrade
// indicator (A6), against the simulator through the real gateway.
import * as assert from 'node:assert/strict';
import { ScaledClock } from '../../../src/shared/clock';
import { scaleSetFacts } from '../../../src/views/scaleSetFacts';
import { ScaleSetWatcher } from '../../../src/views/scaleSetWatcher';
import { ScaleSetTreeModel } from '../../../src/views/treeModel';
import type { ScaleSetNode, TreeNode } from '../../../src/views/treeNodes';
import { defaultScenario, startSimulatedAzure, type SimulatedAzure } from './simulatedAzure';

const scenario = defaultScenario();
const webFrontend = scenario.scaleSets.find((s) => s.name === 'web-frontend')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits (real time, bounded) until `count()` reaches `atLeast`: polls are timers, a loaded machine delays them. */
async function until(count: () => number, atLeast: number, limitMs = 5_000): Promise<number> {
  const deadline = Date.now() + limitMs;
  while (count() < atLeast && Date.now() < deadline) await sleep(10);
  return count();
}

async function loadedScaleSet(model: ScaleSetTreeModel, name: string): Promise<ScaleSetNode> {
  const spec = scenario.scaleSets.find((s) => s.name === name)!;
  const sub = (await model.getChildren(undefined)).find((n) => n.kind === 'subscription' && n.subscription.subscriptionId === spec.subscriptionId)!;
  const set = (await model.getChildren(sub)).find((n): n is ScaleSetNode => n.kind === 'scaleSet' && n.ref.name === name);
  assert.ok(set, `${name} not listed`);
  return set;
}

describe('watching a scale set while an operation runs', function () {
  this.timeout(20_000);
  let azure: SimulatedAzure;
  let model: ScaleSetTreeModel;
  let notified: TreeNode[];
  let watcher: ScaleSetWatcher;
  const intervalMs = 25;

  beforeEach(async () => {
    azure = await startSimulatedAzure();
    notified = [];
    model = new ScaleSetTreeModel({ access: async () => azure.access, selectedSubscriptions: () => [], onNodesChanged: (nodes) => notified.push(...nodes) });
    watcher = new ScaleSetWatcher(model, (nodes) => notified.push(...nodes), new ScaledClock(1), intervalMs);
  });
  afterEach(async () => {
    watcher.dispose();
    model.dispose();
    await azure.stop();
  });

  const reads = (name: string) => azure.simulator.requests().filter((r) => r.method === 'GET' && new RegExp(`/virtualMachineScaleSets/${name}$`, 'i').test(r.path)).length;

  it('polls only while the operation is in flight, then reads once more and stops', async () => {
    const set = await loadedScaleSet(model, webFrontend.name);
    assert.equal(reads(webFrontend.name), 0, 'listing the sets reads none of them one by one');
    let finish!: () => void;
    watcher.watch(set.ref, new Promise<void>((resolve) => (finish = resolve)));
    assert.equal(set.watching, true);
    assert.ok(notified.includes(set), 'the row is redrawn at once as busy');
    assert.equal(scaleSetFacts(set).busy, true);
    const whileRunning = await until(() => reads(webFrontend.name), 3);
    assert.ok(whileRunning >= 3, `expected several polls, saw ${whileRunning}`);
    finish();
    await sleep(intervalMs * 2);
    assert.equal(set.watching, false);
    const afterFinish = reads(webFrontend.name);
    await sleep(intervalMs * 6);
    assert.equal(reads(webFrontend.name), afterFinish, 'no polling after the operation settled');
  });

  it('refreshes the instances too when they are shown', async () => {
    const set = await loadedScaleSet(model, webFrontend.name);
    await model.getChildren(set);
    const instanceLists = () => azure.simulator.requests().filter((r) => /\/web-frontend\/virtualMachines$/i.test(r.path)).length;
    const before = instanceLists();
    const handle = watcher.watch(set.ref, new Promise(() => undefined));
    await until(instanceLists, before + 2);
    handle.dispose();
    assert.ok(instanceLists() >= before + 2);
    assert.ok(model.cachedChildren(set), 'children stay cached (no reload flicker)');
  });

  it('shares one poll loop between watches of the same set and stops when the last one ends', async () => {
    const set = await loadedScaleSet(model, webFrontend.name);
    const first = watcher.watch(set.ref, new Promise(() => undefined));
    const second = watcher.watch(set.ref, new Promise(() => undefined));
    await sleep(intervalMs * 8);
    const twoWatches = reads(webFrontend.name);
    assert.ok(twoWatches <= 10, `one loop polls about 8 times in this period, saw ${twoWatches}`);
    first.dispose();
    assert.equal(watcher.isWatching(set.ref), true);
    second.dispose();
    assert.equal(watcher.isWatching(set.ref), false);
  });

  it('makes no call for a set whose subscription is not expanded', async () => {
    const ref = { subscriptionId: webFrontend.subscriptionId, resourceGroup: webFrontend.resourceGroup, name: webFrontend.name };
    const handle = watcher.watch(ref, new Promise(() => undefined));
    await sleep(intervalMs * 4);
    handle.dispose();
    assert.equal(azure.simulator.requests().length, 0);
  });
});

describe('the rolling-upgrade indicator (A6)', function () {
  this.timeout(30_000);

  it('marks a set while a platform rolling upgrade runs on it, found in the background after listing', async () => {
    const azure = await startSimulatedAzure();
    const ref = { subscriptionId: webFrontend.subscriptionId, resourceGroup: webFrontend.resourceGroup, name: webFrontend.name };
    const gateway = azure.access.gateway();
    // A newer image than the instances run is available at start, so the upgrade has work to do.
    const upgrade = gateway.startOsRollingUpgrade(ref).catch(() => undefined);
    try {
      while ((await gateway.getLatestRollingUpgrade(ref))?.runningStatus?.code !== 'RollingForward') await sleep(20);
      const notified: TreeNode[] = [];
      const model = new ScaleSetTreeModel({ access: async () => azure.access, selectedSubscriptions: () => [], onNodesChanged: (nodes) => notified.push(...nodes) });
      const set = await loadedScaleSet(model, webFrontend.name);
      while (!notified.includes(set)) await sleep(10);
      const facts = scaleSetFacts(set);
      assert.equal(facts.rollingUpgrade, true);
      assert.equal(facts.rollingProgress?.total, webFrontend.instances.count);
      const others = (await model.getChildren(set.subscription)).filter((n): n is ScaleSetNode => n.kind === 'scaleSet' && n !== set);
      assert.ok(others.every((o) => !scaleSetFacts(o).rollingUpgrade), 'only the set being upgraded is marked');
    } finally {
      await gateway.cancelRollingUpgrade(ref).catch(() => undefined);
      await upgrade;
      await azure.stop();
    }
  });
});
