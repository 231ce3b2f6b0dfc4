// The simulator's request log stays bounded in a long demo (issue 18) and still counts SDK retries.
import * as assert from 'node:assert/strict';
import { RequestLog } from '../../../src/simulator/http/requestLog';

const entry = (clientRequestId?: string) => ({ method: 'GET', path: '/x', query: '', status: 200, simTime: '', realTime: '', durationMs: 0, faults: [], ...(clientRequestId ? { clientRequestId } : {}) });

describe('simulator request log (issue 18)', () => {
  it('keeps the newest entries only, with seq still counting', () => {
    const log = new RequestLog(100);
    for (let i = 0; i < 1000; i++) log.record(entry());
    const kept = log.entries();
    assert.equal(kept.length, 100);
    assert.equal(kept[0].seq, 901);
    assert.equal(kept.at(-1)!.seq, 1000);
  });

  it('answers what came after a seq a poller saw', () => {
    const log = new RequestLog(100);
    for (let i = 0; i < 250; i++) log.record(entry());
    assert.deepEqual(log.entries(245).map((e) => e.seq), [246, 247, 248, 249, 250]);
    assert.equal(log.entries(250).length, 0);
    // Older than anything kept: everything kept (the rest is gone, not invented).
    assert.equal(log.entries(10)[0].seq, 151);
  });

  it('numbers an SDK retry (same x-ms-client-request-id) as attempt 2, and forgets an id only with its entries', () => {
    const log = new RequestLog(4);
    assert.equal(log.record(entry('a')).attempt, 1);
    assert.equal(log.record(entry('a')).attempt, 2);
    for (let i = 0; i < 10; i++) log.record(entry());
    assert.equal(log.record(entry('a')).attempt, 1, 'the earlier attempts left the log');
    assert.equal(log.record(entry('a')).attempt, 2);
  });

  it('refuses a limit below one', () => {
    assert.throws(() => new RequestLog(0), /at least one/);
  });
});
