// A journal sink that "kills the process" at a chosen append: the record is not written (optionally
// half of it is, as a crash mid-write leaves it) and every later append fails too.
import * as fs from 'node:fs';
import type { JournalSink } from '../../../../src/core/journal/journalFile';
import type { JournalEntry } from '../../../../src/core/journal/records';

export class ProcessKilled extends Error {}

export class KillingSink implements JournalSink {
  private appends = 0;
  killed = false;

  constructor(
    private readonly inner: JournalSink & { readonly file: string },
    /** 1-based append at which the process dies. */
    private readonly killAt: number,
    private readonly tornWrite: boolean,
  ) {}

  append(entry: JournalEntry): void {
    if (this.killed) throw new ProcessKilled('the process is gone');
    if (++this.appends === this.killAt) {
      this.killed = true;
      if (this.tornWrite) {
        const line = JSON.stringify(entry);
        fs.appendFileSync(this.inner.file, line.slice(0, Math.max(1, Math.floor(line.length / 2))));
      }
      throw new ProcessKilled(`killed at journal append ${this.killAt}`);
    }
    this.inner.append(entry);
  }

  close(): void {
    this.inner.close();
  }
}
