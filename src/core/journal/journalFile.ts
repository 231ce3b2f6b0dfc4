// One run's journal as JSON lines. Every append is written and fsync'ed before the caller acts on it.
// Reading tolerates a crash mid-write: a partial last line (no newline, or not JSON) is reported and
// cut off before the next append; a damaged line in the middle is reported and skipped, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JournalEntry } from './records';

export interface JournalReadReport {
  readonly entries: JournalEntry[];
  /** Bytes of a partial last line left by a crash mid-write. */
  readonly partialTail?: { readonly bytes: number; readonly text: string };
  /** 1-based line numbers that were not valid records. */
  readonly corruptLines: readonly number[];
  /** Byte length of the well-formed prefix (where the next append goes). */
  readonly validLength: number;
}

/** Where appends go; the executor holds one. Synchronous so that order on disk is order of acts. */
export interface JournalSink {
  append(entry: JournalEntry): void;
  close(): void;
}

function isEntry(value: unknown): value is JournalEntry {
  const v = value as Partial<JournalEntry> | null;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && typeof v.seq === 'number' && typeof v.at === 'number';
}

export function parseJournal(text: string): JournalReadReport {
  const entries: JournalEntry[] = [];
  const corruptLines: number[] = [];
  const lastNewline = text.lastIndexOf('\n');
  const complete = lastNewline < 0 ? '' : text.slice(0, lastNewline + 1);
  const tail = text.slice(lastNewline + 1);
  const lines = complete.split('\n');
  lines.pop();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value)) entries.push(value);
      else corruptLines.push(i + 1);
    } catch {
      corruptLines.push(i + 1);
    }
  });
  const validLength = Buffer.byteLength(complete);
  if (tail.length === 0) return { entries, corruptLines, validLength };
  // A last line without its newline is the write a crash interrupted — even when it happens to parse.
  return { entries, corruptLines, validLength, partialTail: { bytes: Buffer.byteLength(tail), text: tail.slice(0, 200) } };
}

export function readJournal(file: string): JournalReadReport {
  return parseJournal(fs.readFileSync(file, 'utf8'));
}

/** Appends with fsync; opening an existing journal first cuts off a partial tail. */
export class FileJournalSink implements JournalSink {
  private fd: number | undefined;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'a+');
    const size = fs.fstatSync(fd).size;
    if (size > 0) {
      const { validLength } = readJournal(file);
      if (validLength < size) fs.ftruncateSync(fd, validLength);
    }
    this.fd = fd;
  }

  append(entry: JournalEntry): void {
    if (this.fd === undefined) throw new Error(`The journal ${this.file} is closed`);
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fs.fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
