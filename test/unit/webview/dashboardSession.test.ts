import * as assert from 'node:assert/strict';
import type { HostMessage, RunView } from '../../../src/webview/contract';
import { DashboardSession, maxLogEntries } from '../../../src/webview/dashboardSession';

const clock = { now: () => 5_000, sleep: async () => {}, timeScale: 10 };
const header = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', name: 'web', resourceGroup: 'rg' };
const run = (status: RunView['status']): RunView => ({ runId: 'r', status, target: 't', strategy: 's', counts: { total: 0, succeeded: 0, failed: 0, rolledBack: 0, inProgress: 0, pending: 0 }, batches: [], instances: [] });

describe('DashboardSession: the dashboard state lives in the extension', () => {
  it('numbers log entries and sends only the new ones', () => {
    const session = new DashboardSession(header, clock);
    const sent: HostMessage[] = [];
    session.subscribe((m) => sent.push(m));
    session.append([{ level: 'info', text: 'a' }, { level: 'warning', text: 'b', at: 7 }]);
    session.append([{ level: 'error', text: 'c' }]);
    assert.deepEqual(sent, [
      { type: 'log', entries: [{ seq: 0, at: 5_000, level: 'info', text: 'a' }, { seq: 1, at: 7, level: 'warning', text: 'b' }] },
      { type: 'log', entries: [{ seq: 2, at: 5_000, level: 'error', text: 'c' }] },
    ]);
    assert.deepEqual(session.snapshot().log.map((e) => e.text), ['a', 'b', 'c']);
  });

  it('coalesces run changes made in one tick into one message with the latest run', async () => {
    const session = new DashboardSession(header, clock);
    const sent: HostMessage[] = [];
    session.subscribe((m) => sent.push(m));
    session.setRun(run('running'));
    session.setRun(run('paused'));
    assert.equal(sent.length, 0);
    await Promise.resolve();
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0], { type: 'run', run: run('paused'), clock: { now: 5_000, timeScale: 10 } });
  });

  it('a snapshot carries everything a reloaded webview needs', () => {
    const session = new DashboardSession(header, clock);
    session.setRun(run('running'));
    session.setPlatform({ status: 'RollingForward', successful: 1, failed: 0, inProgress: 1, pending: 3 });
    session.setHistory([{ id: 'h', source: 'platform', status: 'Completed', succeeded: 5, failed: 0, rolledBack: 0 }]);
    session.append([{ level: 'info', text: 'x' }]);
    const snap = session.snapshot();
    assert.equal(snap.run?.status, 'running');
    assert.equal(snap.platform?.status, 'RollingForward');
    assert.equal(snap.history.length, 1);
    assert.equal(snap.log.length, 1);
    assert.deepEqual(snap.clock, { now: 5_000, timeScale: 10 });
  });

  it('keeps at most maxLogEntries lines, dropping the oldest', () => {
    const session = new DashboardSession(header, clock);
    session.append(Array.from({ length: maxLogEntries + 5 }, (_, i) => ({ level: 'info' as const, text: String(i) })));
    const log = session.snapshot().log;
    assert.equal(log.length, maxLogEntries);
    assert.equal(log[0].text, '5');
  });

  it('stops sending to a listener that unsubscribed', () => {
    const session = new DashboardSession(header, clock);
    const sent: HostMessage[] = [];
    const unsubscribe = session.subscribe((m) => sent.push(m));
    unsubscribe();
    session.append([{ level: 'info', text: 'x' }]);
    assert.equal(sent.length, 0);
  });
});
