// Our own runs of a scale set as history entries, read from the journal (the source of truth for
// our runs, design.md). Counts come from replaying each run's records.
import type { JournalStore } from '../core/journal/journalStore';
import { replayJournal } from '../core/journal/replay';
import type { HistoryEntry } from './contract';

export function embeddedHistory(store: JournalStore, scaleSetId: string): HistoryEntry[] {
  return store
    .list()
    .filter((run) => run.scaleSetId?.toLowerCase() === scaleSetId.toLowerCase())
    .map((run): HistoryEntry => {
      const progress = replayJournal(store.read(run.runId).entries);
      // O8 maxSurge: a replacement's outcome is counted once, on the old instance it replaces.
      const states = [...(progress?.instances.values() ?? [])].filter((i) => !i.replaces).map((i) => i.state);
      const count = (...wanted: string[]) => states.filter((s) => wanted.includes(s)).length;
      return {
        id: run.runId,
        source: 'embedded',
        status: run.finished ? (run.outcome ?? 'finished') : 'unfinished',
        startedAt: run.startedAt,
        endedAt: run.finished ? run.lastAt : undefined,
        target: run.target,
        startedBy: 'User',
        succeeded: count('succeeded', 'replaced'),
        failed: count('failed', 'rollbackFailed'),
        rolledBack: count('rolledBack'),
        error: run.reason ?? (run.problems.length ? run.problems.join('; ') : undefined),
      };
    });
}
