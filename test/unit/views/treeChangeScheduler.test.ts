// Change events held back while a node's children are being fetched (VS Code's refresh race,
// microsoft/vscode#71698): fired once after the load settles, never during it.
import * as assert from 'node:assert/strict';
import { TreeChangeScheduler } from '../../../src/views/treeChangeScheduler';
import type { TreeNode } from '../../../src/views/treeNodes';

const node = (key: string): TreeNode => ({ kind: 'message', key, reason: 'noInstances', parent: undefined }) as TreeNode;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(err: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('tree change events during a children load', () => {
  let fired: string[][];
  let scheduler: TreeChangeScheduler;
  beforeEach(() => {
    fired = [];
    scheduler = new TreeChangeScheduler((nodes) => fired.push(nodes.map((n) => n.key)), 20, 80);
  });
  afterEach(() => scheduler.dispose());

  it('fires at once for a node with no load in flight', () => {
    scheduler.changed([node('a'), node('b')]);
    assert.deepEqual(fired, [['a', 'b']]);
  });

  it('holds a change for a node whose children are loading, and fires it once after the load settles', async () => {
    const load = deferred<string[]>();
    const set = node('sub/set');
    scheduler.track(set, load.promise);
    scheduler.changed([set, node('other')]);
    scheduler.changed([set]);
    assert.deepEqual(fired, [['other']], 'only the node without a load fired');
    assert.ok(scheduler.isHeld(set));
    load.resolve(['children']);
    await load.promise;
    assert.deepEqual(fired, [['other']], 'not in the same turn as the children are handed over');
    await sleep(60);
    assert.deepEqual(fired, [['other'], ['sub/set']], 'one change after the load settled');
    assert.equal(scheduler.isHeld(set), false);
  });

  it('releases a held change after a failed load too', async () => {
    const load = deferred<string[]>();
    const set = node('sub/set');
    scheduler.track(set, load.promise).catch(() => undefined);
    scheduler.changed([set]);
    load.reject(new Error('throttled'));
    await sleep(60);
    assert.deepEqual(fired, [['sub/set']]);
  });

  it('waits for a second load of the same node that began before the first settled', async () => {
    const first = deferred<string[]>();
    const second = deferred<string[]>();
    const set = node('sub/set');
    scheduler.track(set, first.promise);
    scheduler.changed([set]);
    scheduler.track(set, second.promise);
    first.resolve([]);
    await sleep(60);
    assert.deepEqual(fired, [], 'still loading');
    second.resolve([]);
    await sleep(60);
    assert.deepEqual(fired, [['sub/set']]);
  });

  it("holds a change for a node while a descendant's children load (a row expanded under it), then fires it once", async () => {
    const domain = deferred<string[]>();
    const set = node('sub/set');
    scheduler.track(node('sub/set/ud:0'), domain.promise);
    scheduler.changed([set, node('sub/settled'), node('sub/set-other')]);
    assert.deepEqual(fired, [['sub/settled', 'sub/set-other']], 'a sibling whose key merely starts alike is not held');
    assert.ok(scheduler.isHeld(set));
    domain.resolve([]);
    await sleep(60);
    assert.deepEqual(fired, [['sub/settled', 'sub/set-other'], ['sub/set']]);
  });

  it('waits for a descendant load that began while the change was settling', async () => {
    const own = deferred<string[]>();
    const domain = deferred<string[]>();
    const set = node('sub/set');
    scheduler.track(set, own.promise);
    scheduler.changed([set]);
    own.resolve([]);
    await own.promise;
    scheduler.track(node('sub/set/zone:1/ud:0'), domain.promise);
    await sleep(60);
    assert.deepEqual(fired, [], 'held while the update domain loads');
    domain.resolve([]);
    await sleep(60);
    assert.deepEqual(fired, [['sub/set']]);
  });

  it("spaces one node's changes: a second change soon after the first fires once, after the spacing", async () => {
    const set = node('sub/set');
    scheduler.changed([set]);
    scheduler.changed([set, node('sub/other')]);
    scheduler.changed([set]);
    assert.deepEqual(fired, [['sub/set'], ['sub/other']], 'the second and third change of the set wait');
    await sleep(40);
    assert.deepEqual(fired, [['sub/set'], ['sub/other']], 'not before the spacing has passed');
    await sleep(80);
    assert.deepEqual(fired, [['sub/set'], ['sub/other'], ['sub/set']], 'once, after the spacing');
    await sleep(100);
    scheduler.changed([set]);
    assert.deepEqual(fired.length, 4, 'a change long after the last one fires at once');
  });

  it('holds a change below a node whose change just fired (its refetch takes the subtree along)', async () => {
    scheduler.changed([node('sub')]);
    scheduler.changed([node('sub/set'), node('subway')]);
    assert.deepEqual(fired, [['sub'], ['subway']]);
    await sleep(120);
    assert.deepEqual(fired, [['sub'], ['subway'], ['sub/set']]);
  });

  it('fires nothing after dispose', async () => {
    const load = deferred<string[]>();
    const set = node('sub/set');
    scheduler.track(set, load.promise);
    scheduler.changed([set]);
    scheduler.dispose();
    load.resolve([]);
    await sleep(60);
    scheduler.changed([node('x')]);
    assert.deepEqual(fired, []);
  });
});
