// The journal directory (the extension passes its globalStorage; the CLI ~/.vmss-upgrades/journal):
// one `<runId>.jsonl` per run. Lists runs, finds the unfinished ones to offer for resume.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scaleSetId } from '../../azure/gateway';
import type { RunOutcome } from '../contract';
import { FileJournalSink, readJournal, type JournalReadReport, type JournalSink } from './journalFile';
import type { JournalEntry } from './records';

export interface RunListing {
  readonly runId: string;
  readonly file: string;
  readonly scaleSetId?: string;
  readonly target?: string;
  readonly startedAt?: number;
  readonly lastAt?: number;
  readonly outcome?: RunOutcome;
  readonly reason?: string;
  readonly finished: boolean;
  /** What reading found wrong (partial last line, damaged lines), for the user to see. */
  readonly problems: readonly string[];
}

export function describeReadProblems(report: JournalReadReport): string[] {
  const problems: string[] = [];
  if (report.partialTail) problems.push(`a partial last record (${report.partialTail.bytes} bytes, a crash mid-write) is ignored`);
  if (report.corruptLines.length > 0) problems.push(`damaged line(s) ${report.corruptLines.join(', ')} are skipped`);
  return problems;
}

export class JournalStore {
  constructor(readonly dir: string) {}

  fileOf(runId: string): string {
    if (!/^[\w.-]+$/.test(runId)) throw new Error(`Not a run id: ${runId}`);
    return path.join(this.dir, `${runId}.jsonl`);
  }

  newRunId(name: string, now: number): string {
    const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const safe = name.replace(/[^\w-]/g, '-').slice(0, 40);
    return `${stamp}-${safe}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Opens the run's journal for appending (cutting a partial tail a crash left). */
  open(runId: string): JournalSink & { readonly file: string } {
    return new FileJournalSink(this.fileOf(runId));
  }

  read(runId: string): JournalReadReport {
    return readJournal(this.fileOf(runId));
  }

  list(): RunListing[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => this.listing(f.slice(0, -'.jsonl'.length)))
      .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  }

  /** Runs that started and never finished: offered for resume. */
  unfinished(scaleSet?: string): RunListing[] {
    return this.list().filter((r) => !r.finished && r.startedAt !== undefined && (!scaleSet || r.scaleSetId?.toLowerCase() === scaleSet.toLowerCase()));
  }

  private listing(runId: string): RunListing {
    const file = this.fileOf(runId);
    let report: JournalReadReport;
    try {
      report = readJournal(file);
    } catch (err) {
      return { runId, file, finished: false, problems: [`cannot be read: ${(err as Error).message}`] };
    }
    const first = report.entries.find((e): e is Extract<JournalEntry, { type: 'runStarted' }> => e.type === 'runStarted');
    const last = report.entries.at(-1);
    const end = report.entries.find((e): e is Extract<JournalEntry, { type: 'runFinished' }> => e.type === 'runFinished');
    return {
      runId,
      file,
      ...(first ? { scaleSetId: scaleSetId(first.scaleSet), target: first.plan.target.description, startedAt: first.startedAt } : {}),
      ...(last ? { lastAt: last.at } : {}),
      ...(end ? { outcome: end.outcome, ...(end.reason ? { reason: end.reason } : {}) } : {}),
      finished: end !== undefined,
      problems: [...(first ? [] : ['no start record']), ...describeReadProblems(report)],
    };
  }
}
