// Issue 18: at activation, the features (and the core) load only when the journal may hold a run a
// reload interrupted — decided from the journal files' tails, written by the real journal sink.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mayHoldUnfinishedRun } from '../../../src/activation/unfinishedRunHint';
import { JournalStore } from '../../../src/core/journal/journalStore';
import type { JournalEntry } from '../../../src/core/journal/records';

describe('unfinished-run hint at activation (issue 18)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vmss-hint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const finished = { type: 'runFinished', at: 2, outcome: 'succeeded' } as unknown as JournalEntry;
  const started = { type: 'runStarted', at: 1, startedAt: 1 } as unknown as JournalEntry;

  it('is false without a journal folder or with only finished runs', () => {
    assert.equal(mayHoldUnfinishedRun(path.join(dir, 'missing')), false);
    const sink = new JournalStore(dir).open('run-1');
    sink.append(started);
    sink.append(finished);
    sink.close();
    assert.equal(mayHoldUnfinishedRun(dir), false);
  });

  it('is true when one run has no finish record', () => {
    const store = new JournalStore(dir);
    const done = store.open('run-1');
    done.append(started);
    done.append(finished);
    done.close();
    const open = store.open('run-2');
    open.append(started);
    open.close();
    assert.equal(mayHoldUnfinishedRun(dir), true);
  });

  it('ignores files that are not journals', () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    assert.equal(mayHoldUnfinishedRun(dir), false);
  });
});
