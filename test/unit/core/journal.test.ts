import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { FileJournalSink, parseJournal, readJournal } from '../../../src/core/journal/journalFile';
import { JournalStore } from '../../../src/core/journal/journalStore';
import type { JournalEntry } from '../../../src/core/journal/records';
import { replayJournal } from '../../../src/core/journal/replay';
import { planRollout } from '../../../src/core/planner/planRollout';
import { fleet, policy, reimageTarget } from './planFixtures';

const ref = { subscriptionId: 'sub', resourceGroup: 'rg', name: 'web' };
const plan = planRollout({ scaleSetId: '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', instances: fleet(10), target: reimageTarget, policy: policy({ maxBatchInstancePercent: 50 }), strategy: { kind: 'percentage' }, gates: { afterEachBatch: true } });

function entries(): JournalEntry[] {
  let seq = 0;
  const e = (r: object): JournalEntry => ({ ...r, seq: ++seq, at: 1000 + seq }) as JournalEntry;
  return [
    e({ type: 'runStarted', runId: 'run-1', scaleSet: ref, plan, startedAt: 1000 }),
    e({ type: 'healthCheck', rule: 'O1', batch: 0, ok: true, unhealthy: 0, total: 10 }),
    e({ type: 'batchStarted', batch: 0 }),
    e({ type: 'batchSplit', batch: 0, deferred: ['3', '4'] }),
    e({ type: 'moveIntent', batch: 0, instances: ['0', '1', '2'].map((id) => ({ id, from: { sku: 'server', exactVersion: '1.0.0' } })) }),
    e({ type: 'moved', batch: 0, instanceId: '0', ok: true }),
    e({ type: 'moved', batch: 0, instanceId: '1', ok: true }),
    e({ type: 'healthVerdict', batch: 0, instanceId: '0', healthy: true, health: 'healthy' }),
    e({ type: 'healthVerdict', batch: 0, instanceId: '1', healthy: false, health: 'unhealthy' }),
  ];
}

const text = (list: readonly JournalEntry[]) => list.map((x) => `${JSON.stringify(x)}\n`).join('');

describe('journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmss-journal-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replays a run: batches, a split (O2) that carries the gate to its last piece, moves in flight, verdicts', () => {
    const p = replayJournal(entries())!;
    assert.equal(p.precheckPassed, true);
    assert.deepEqual(p.batches.map((b) => b.instanceIds), [['0', '1', '2'], ['3', '4'], ['5', '6', '7', '8', '9']]);
    assert.equal(p.batches[0].gateAfter, undefined);
    assert.equal(p.batches[1].gateAfter, 'batch');
    assert.equal(p.instances.get('0')!.state, 'succeeded');
    assert.equal(p.instances.get('1')!.state, 'failed');
    assert.equal(p.instances.get('2')!.state, 'moving');
    assert.equal(p.instances.get('2')!.moveInFlight, true);
    assert.deepEqual(p.instances.get('2')!.from, { sku: 'server', exactVersion: '1.0.0' });
    assert.equal(p.instances.get('3')!.batch, 1);
  });

  it('tolerates and reports a partial last line left by a crash mid-write', () => {
    const full = text(entries());
    const cut = full.slice(0, full.length - 25);
    const report = parseJournal(cut);
    assert.equal(report.entries.length, entries().length - 1);
    assert.ok(report.partialTail && report.partialTail.bytes > 0);
    assert.equal(report.corruptLines.length, 0);
  });

  it('property: any crash point leaves a readable prefix of whole records', () => {
    const full = text(entries());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length }), (at) => {
        const report = parseJournal(full.slice(0, at));
        const complete = full.slice(0, at).split('\n').length - 1;
        assert.equal(report.entries.length, complete);
        assert.equal(report.partialTail !== undefined, at > 0 && full[at - 1] !== '\n');
      }),
      { numRuns: 200 },
    );
  });

  it('reports and skips a damaged line in the middle, never fails', () => {
    const lines = text(entries()).split('\n');
    lines[3] = '{"type":"moved", garbage';
    const report = parseJournal(lines.join('\n'));
    assert.deepEqual(report.corruptLines, [4]);
    assert.equal(report.entries.length, entries().length - 1);
  });

  it('appending after a crash first cuts the partial tail, so the file stays line-per-record', () => {
    const file = path.join(dir, 'run-1.jsonl');
    const full = text(entries());
    fs.writeFileSync(file, full + full.split('\n')[1].slice(0, 30));
    const sink = new FileJournalSink(file);
    sink.append({ type: 'paused', paused: true, seq: 99, at: 5 });
    sink.close();
    const report = readJournal(file);
    assert.equal(report.partialTail, undefined);
    assert.equal(report.corruptLines.length, 0);
    assert.equal(report.entries.at(-1)!.type, 'paused');
    assert.equal(report.entries.length, entries().length + 1);
  });

  it('the store lists runs and offers the unfinished ones for resume', () => {
    const store = new JournalStore(dir);
    fs.writeFileSync(store.fileOf('run-1'), text(entries()));
    const finished = entries().map((e) => ({ ...e, runId: 'run-2' }));
    fs.writeFileSync(store.fileOf('run-2'), text([...finished, { type: 'runFinished', outcome: 'succeeded', seq: 50, at: 9999 } as JournalEntry]));
    fs.writeFileSync(store.fileOf('broken'), '{"half":');
    const all = store.list();
    assert.equal(all.length, 3);
    assert.deepEqual(store.unfinished().map((r) => r.runId), ['run-1']);
    assert.deepEqual(store.unfinished('/subscriptions/SUB/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/WEB').map((r) => r.runId), ['run-1']);
    assert.deepEqual(store.unfinished('/subscriptions/other/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web'), []);
    const broken = all.find((r) => r.runId === 'broken')!;
    assert.ok(broken.problems.some((p) => /partial last record/.test(p)));
    assert.equal(all.find((r) => r.runId === 'run-2')!.outcome, 'succeeded');
  });

  it('refuses run ids that would leave the journal directory', () => {
    assert.throws(() => new JournalStore(dir).fileOf('../etc/passwd'));
  });
});
