import * as assert from 'node:assert/strict';
import type { DashboardState, LogEntry } from '../../../src/webview/contract';
import { DashboardModel } from '../../../src/webview-client/dashboardModel';

const entry = (seq: number): LogEntry => ({ seq, at: seq, level: 'info', text: `e${seq}` });
const state = (log: LogEntry[]): DashboardState => ({
  scaleSet: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', name: 'web', resourceGroup: 'rg' },
  log,
  history: [],
  clock: { now: 1_000, timeScale: 60 },
});

describe('DashboardModel (client): applies host messages', () => {
  it('ignores updates before the first snapshot', () => {
    const model = new DashboardModel();
    assert.equal(model.apply({ type: 'log', entries: [entry(0)] }, 0).sections.size, 0);
    assert.equal(model.state, undefined);
  });

  it('a snapshot replaces everything, including the log', () => {
    const model = new DashboardModel();
    const change = model.apply({ type: 'snapshot', state: state([entry(0), entry(1)]) }, 0);
    assert.equal(change.logReplaced, true);
    assert.deepEqual([...change.sections].sort(), ['header', 'history', 'log', 'platform', 'run', 'why']);
    assert.equal(model.log.length, 2);
  });

  it('appends only log entries it does not have (a snapshot and an update may overlap)', () => {
    const model = new DashboardModel();
    model.apply({ type: 'snapshot', state: state([entry(0), entry(1)]) }, 0);
    const change = model.apply({ type: 'log', entries: [entry(1), entry(2)] }, 0);
    assert.deepEqual(change.appended.map((e) => e.seq), [2]);
    assert.deepEqual(model.log.map((e) => e.seq), [0, 1, 2]);
    assert.equal(model.apply({ type: 'log', entries: [entry(2)] }, 0).sections.size, 0);
  });

  it('advances simulated time between messages at the clock’s time scale', () => {
    const model = new DashboardModel();
    model.apply({ type: 'snapshot', state: state([]) }, 500);
    assert.equal(model.simulatedNow(510), 1_000 + 10 * 60);
    model.apply({ type: 'run', run: null, clock: { now: 9_000, timeScale: 1 } }, 600);
    assert.equal(model.simulatedNow(700), 9_100);
  });
});
