// The fleet run's journal: one record per transition, appended (fsync'ed) before it is acted on, as a
// set's run journal is (src/core/journal). It lives in `<journal dir>/fleet/<fleetId>.jsonl`, apart from
// the per-set run journals (each set's embedded run keeps its own journal and resumes from it). Another
// process may append an approval (`fleet approve`): the running fleet reads it from here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileJournalSink, readJournal, type JournalReadReport } from '../journal/journalFile';
import type { JournalEntry } from '../journal/records';
import type { FleetOutcome } from './fleetEvents';
import type { FleetPlan } from './fleetPlan';

export type { FleetOutcome };

export type SetOutcome = 'succeeded' | 'failed';

export type FleetRecord =
  | { readonly type: 'fleetStarted'; readonly fleetId: string; readonly plan: FleetPlan; readonly startedAt: number }
  | { readonly type: 'approval'; readonly stage: string; readonly state: 'waiting' | 'approved' | 'rejected'; readonly by?: string }
  | { readonly type: 'stageStarted'; readonly stage: string }
  | { readonly type: 'setStarted'; readonly stage: string; readonly setId: string; readonly engine: 'embedded' | 'platform' }
  /** The set's embedded run (its own journal) — a resume continues that run. */
  | { readonly type: 'setRun'; readonly setId: string; readonly runId: string }
  | { readonly type: 'setFinished'; readonly stage: string; readonly setId: string; readonly outcome: SetOutcome; readonly reason?: string }
  | { readonly type: 'gate'; readonly stage: string; readonly kind: string; readonly ok: boolean; readonly detail: string }
  | { readonly type: 'waitStarted'; readonly stage: string; readonly until: number }
  | { readonly type: 'stageFinished'; readonly stage: string }
  | { readonly type: 'stopRequested'; readonly mode: 'afterGroups' | 'now' }
  | { readonly type: 'paused'; readonly paused: boolean }
  | { readonly type: 'fleetFinished'; readonly outcome: FleetOutcome; readonly reason?: string };

export type FleetEntry = FleetRecord & { readonly seq: number; readonly at: number };

export interface FleetListing {
  readonly fleetId: string;
  readonly file: string;
  readonly rolloutFile?: string;
  readonly name?: string;
  readonly startedAt?: number;
  readonly outcome?: FleetOutcome;
  readonly finished: boolean;
}

export class FleetJournalStore {
  readonly dir: string;
  constructor(journalDir: string) {
    this.dir = path.join(journalDir, 'fleet');
  }

  fileOf(fleetId: string): string {
    if (!/^[\w.-]+$/.test(fleetId)) throw new Error(`Not a fleet run id: ${fleetId}`);
    return path.join(this.dir, `${fleetId}.jsonl`);
  }

  newFleetId(name: string, now: number): string {
    const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    return `${stamp}-fleet-${name.replace(/[^\w-]/g, '-').slice(0, 40)}-${Math.random().toString(36).slice(2, 8)}`;
  }

  open(fleetId: string): FileJournalSink {
    return new FileJournalSink(this.fileOf(fleetId));
  }

  read(fleetId: string): { readonly entries: FleetEntry[]; readonly report: JournalReadReport } {
    const report = readJournal(this.fileOf(fleetId));
    return { entries: report.entries as unknown as FleetEntry[], report };
  }

  /** Appends one record from another process (an approval); the running fleet picks it up. */
  appendExternal(fleetId: string, record: FleetRecord, at: number): void {
    const { entries } = this.read(fleetId);
    const sink = this.open(fleetId);
    try {
      sink.append({ ...record, seq: Math.max(0, ...entries.map((e) => e.seq)) + 1, at } as unknown as JournalEntry);
    } finally {
      sink.close();
    }
  }

  list(): FleetListing[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => {
        const fleetId = f.slice(0, -'.jsonl'.length);
        const { entries } = this.read(fleetId);
        const first = entries.find((e): e is Extract<FleetEntry, { type: 'fleetStarted' }> => e.type === 'fleetStarted');
        const end = entries.find((e): e is Extract<FleetEntry, { type: 'fleetFinished' }> => e.type === 'fleetFinished');
        return {
          fleetId,
          file: this.fileOf(fleetId),
          ...(first ? { name: first.plan.name, startedAt: first.startedAt, ...(first.plan.file ? { rolloutFile: first.plan.file } : {}) } : {}),
          ...(end ? { outcome: end.outcome } : {}),
          finished: end !== undefined,
        };
      })
      .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  }

  /** The newest fleet run of a rollout file (absolute path), finished or not. */
  latestFor(rolloutFile: string): FleetListing | undefined {
    return this.list().find((l) => l.rolloutFile !== undefined && path.resolve(l.rolloutFile) === path.resolve(rolloutFile));
  }
}

/** Where a fleet run stands, rebuilt from its journal. */
export interface FleetProgress {
  readonly fleetId: string;
  readonly plan: FleetPlan;
  readonly startedAt: number;
  readonly stagesStarted: Set<string>;
  readonly stagesFinished: Set<string>;
  readonly approvals: Map<string, 'waiting' | 'approved' | 'rejected'>;
  readonly gatesPassed: Map<string, Set<string>>;
  readonly waits: Map<string, number>;
  readonly sets: Map<string, { stage: string; engine: 'embedded' | 'platform'; runId?: string; outcome?: SetOutcome; reason?: string }>;
  paused: boolean;
  finished?: { readonly outcome: FleetOutcome; readonly reason?: string };
}

export function replayFleet(entries: readonly FleetEntry[]): FleetProgress | undefined {
  const first = entries.find((e): e is Extract<FleetEntry, { type: 'fleetStarted' }> => e.type === 'fleetStarted');
  if (!first) return undefined;
  const p: FleetProgress = {
    fleetId: first.fleetId,
    plan: first.plan,
    startedAt: first.startedAt,
    stagesStarted: new Set(),
    stagesFinished: new Set(),
    approvals: new Map(),
    gatesPassed: new Map(),
    waits: new Map(),
    sets: new Map(),
    paused: false,
  };
  for (const e of entries) applyFleetRecord(p, e);
  return p;
}

export function applyFleetRecord(p: FleetProgress, e: FleetRecord): void {
  switch (e.type) {
    case 'approval': {
      // A decision stays: a later 'waiting' (a resumed process asking again) does not undo it.
      const now = p.approvals.get(e.stage);
      if (e.state !== 'waiting' || now === undefined) p.approvals.set(e.stage, e.state);
      break;
    }
    case 'stageStarted':
      p.stagesStarted.add(e.stage);
      break;
    case 'stageFinished':
      p.stagesFinished.add(e.stage);
      break;
    case 'setStarted':
      p.sets.set(e.setId.toLowerCase(), { stage: e.stage, engine: e.engine });
      break;
    case 'setRun': {
      const s = p.sets.get(e.setId.toLowerCase());
      if (s) s.runId = e.runId;
      break;
    }
    case 'setFinished': {
      const s = p.sets.get(e.setId.toLowerCase()) ?? { stage: e.stage, engine: 'embedded' as const };
      s.outcome = e.outcome;
      if (e.reason) s.reason = e.reason;
      p.sets.set(e.setId.toLowerCase(), s);
      break;
    }
    case 'gate':
      if (e.ok) p.gatesPassed.set(e.stage, new Set([...(p.gatesPassed.get(e.stage) ?? []), e.kind]));
      break;
    case 'waitStarted':
      p.waits.set(e.stage, e.until);
      break;
    case 'paused':
      p.paused = e.paused;
      break;
    case 'fleetFinished':
      p.finished = { outcome: e.outcome, ...(e.reason ? { reason: e.reason } : {}) };
      break;
    case 'fleetStarted':
    case 'stopRequested':
      break;
  }
}
