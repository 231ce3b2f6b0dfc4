// Whether the run journal may hold an unfinished run (issue 18): without loading the core, a journal
// file whose tail has no `runFinished` record. A hint only — the features confirm by reading the journal.
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const tailBytes = 4096;

function tail(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function mayHoldUnfinishedRun(journalDir: string): boolean {
  let files: string[];
  try {
    files = readdirSync(journalDir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return false; // no journal yet
  }
  return files.some((f) => {
    try {
      return !tail(path.join(journalDir, f)).includes('"runFinished"');
    } catch {
      return true; // unreadable: let the journal report it
    }
  });
}
