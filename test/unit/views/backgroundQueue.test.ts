import * as assert from 'node:assert/strict';
import { BackgroundQueue } from '../../../src/views/backgroundQueue';

const tick = () => new Promise((r) => setTimeout(r, 5));

function task(log: { running: number; peak: number; done: number }, gate: Promise<void>) {
  return async () => {
    log.running++;
    log.peak = Math.max(log.peak, log.running);
    await gate;
    log.running--;
    log.done++;
  };
}

describe('background queue of the tree', () => {
  it('runs at most `limit` tasks at once', async () => {
    const queue = new BackgroundQueue(3);
    const log = { running: 0, peak: 0, done: 0 };
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    for (let i = 0; i < 10; i++) queue.add(task(log, gate));
    await tick();
    assert.equal(log.running, 3);
    open();
    while (log.done < 10) await tick();
    assert.equal(log.peak, 3);
  });

  it('starts nothing while a foreground load is in flight, and resumes after it', async () => {
    const queue = new BackgroundQueue(4);
    const log = { running: 0, peak: 0, done: 0 };
    let finishLoad!: () => void;
    const load = queue.foregroundLoad(() => new Promise<string>((r) => (finishLoad = () => r('children'))));
    queue.add(task(log, Promise.resolve()));
    await tick();
    assert.equal(log.done, 0, 'waits for the load the user is waiting for');
    finishLoad();
    assert.equal(await load, 'children');
    while (log.done < 1) await tick();
  });

  it('drops waiting tasks when cleared (a refresh)', async () => {
    const queue = new BackgroundQueue(1);
    const log = { running: 0, peak: 0, done: 0 };
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    queue.add(task(log, gate));
    queue.add(task(log, gate));
    queue.clear();
    open();
    await tick();
    await tick();
    assert.equal(log.done, 1);
  });
});
