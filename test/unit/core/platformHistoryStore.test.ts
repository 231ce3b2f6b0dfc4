// Issue 15: Azure's OS upgrade history keeps five attempts within two months (A5); what this tool saw is
// kept beside the journal and shown with Azure's entries, each attempt once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { UpgradeOperationHistoricalStatusInfo } from '../../../src/azure/gateway';
import { historyFromLatest, PlatformHistoryStore, withKept } from '../../../src/core/journal/platformHistoryStore';
import { platformEntries } from '../../../src/webview/platformHistory';

const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web';
const attempt = (day: number, code: 'Completed' | 'Faulted' | 'RollingForward' = 'Completed', startedBy?: 'Platform' | 'User'): UpgradeOperationHistoricalStatusInfo =>
  ({ properties: { runningStatus: { code, startTime: new Date(Date.UTC(2026, 0, day)) }, ...(startedBy ? { startedBy } : {}), progress: { successfulInstanceCount: day } } }) as UpgradeOperationHistoricalStatusInfo;

describe('Kept platform history (A5 beyond five entries)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmss-kept-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an attempt Azure stopped listing is still shown, marked kept; one Azure lists is shown once', () => {
    const store = new PlatformHistoryStore(dir);
    store.record(id, [1, 2, 3, 4, 5].map((d) => attempt(d)));
    // A month later Azure lists only the newest five: day 1 dropped out.
    const azure = [2, 3, 4, 5, 6].map((d) => attempt(d));
    store.record(id, azure);
    const shown = withKept(azure, store.kept(id));
    assert.equal(shown.length, 6);
    assert.deepEqual(shown.map((h) => h.properties?.progress?.successfulInstanceCount), [6, 5, 4, 3, 2, 1], 'newest first');
    assert.deepEqual(shown.map((h) => h.keptOnly === true), [false, false, false, false, false, true]);
  });

  it('a later sighting of the same attempt replaces its status and keeps what only the history said', () => {
    const store = new PlatformHistoryStore(dir);
    store.record(id, [attempt(7, 'RollingForward', 'Platform')]);
    store.record(id, [historyFromLatest({ location: 'westeurope', runningStatus: { code: 'Faulted', startTime: new Date(Date.UTC(2026, 0, 7)), lastActionTime: new Date(Date.UTC(2026, 0, 8)) } })]);
    const [only] = store.kept(id);
    assert.equal(store.kept(id).length, 1);
    assert.equal(only.properties?.runningStatus?.code, 'Faulted');
    assert.equal(only.properties?.startedBy, 'Platform');
    assert.ok(only.properties?.runningStatus?.startTime instanceof Date, 'dates come back as dates');
  });

  it('sets are kept apart; a damaged file reads as empty and is rewritten', () => {
    const store = new PlatformHistoryStore(dir);
    store.record(id, [attempt(1)]);
    assert.deepEqual(store.kept(id.replace('/web', '/api')), []);
    for (const f of fs.readdirSync(dir)) fs.writeFileSync(path.join(dir, f), '{broken');
    assert.deepEqual(store.kept(id), []);
    store.record(id, [attempt(2)]);
    assert.equal(store.kept(id).length, 1);
  });

  it('the dashboard history: Azure entries plus kept ones flagged kept', () => {
    const journalDir = path.join(dir, 'journal');
    const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: 'fulfilled', value });
    platformEntries(journalDir, id, fulfilled(undefined), fulfilled([1, 2].map((d) => attempt(d))), (err) => assert.fail(String(err)));
    const entries = platformEntries(journalDir, id, fulfilled(undefined), fulfilled([attempt(2)]), (err) => assert.fail(String(err)));
    assert.deepEqual(entries.map((e) => [e.succeeded, e.kept === true]), [[2, false], [1, true]]);
  });
});
