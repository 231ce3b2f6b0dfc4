// Rebuilds a run from its journal. The executor applies every record through `applyRecord` right after
// appending it, so a live run and a replayed one have the same state by construction.
import type { CallStats } from '../../azure/callStats';
import type { ImageRef, ScaleSetRef } from '../../azure/gateway';
import type { InstanceRunState, PlannedBatch, RolloutPlan, RunOutcome, UpgradePolicyState } from '../contract';
import type { JournalEntry } from './records';

export interface InstanceProgress {
  readonly instanceId: string;
  batch: number;
  state: InstanceRunState;
  /** What it ran before the move (rollback target). */
  from?: ImageRef;
  /** Simulated time the move finished (the health wait counts from here). */
  movedAt?: number;
  /** A move was asked for and not confirmed yet. */
  moveInFlight: boolean;
  rollbackInFlight: boolean;
  error?: string;
  /** O8 maxSurge: the new instance that replaces this one. */
  replacement?: string;
  /** O8 maxSurge: on a new instance, the old one it replaces. */
  replaces?: string;
  /** Asked to be deleted (retired) and not confirmed yet. */
  retireInFlight?: boolean;
  /** Deleted by the run (an old instance after its replacement, or a failed replacement). */
  deleted?: boolean;
}

/** O8 maxSurge progress of one batch. */
export interface SurgeProgress {
  /** Capacity before the scale-out; the scale-out asks for capacity + the number of old instances. */
  readonly capacity: number;
  /** Instance ids present before the scale-out. */
  readonly known: readonly string[];
  /** The new instance ids (after `surgeCreated`). */
  created?: string[];
  /** The scale-out was refused (quota): the batch moves in place. */
  refused?: string;
}

export interface BatchProgress {
  readonly index: number;
  readonly kind: PlannedBatch['kind'];
  readonly gateAfter?: PlannedBatch['gateAfter'];
  readonly zone?: string;
  instanceIds: string[];
  state: 'pending' | 'started' | 'finished';
  surge?: SurgeProgress;
}

export interface RunProgress {
  readonly runId: string;
  readonly scaleSet: ScaleSetRef;
  readonly plan: RolloutPlan;
  readonly startedAt: number;
  lastAt: number;
  batches: BatchProgress[];
  readonly instances: Map<string, InstanceProgress>;
  model: 'unchanged' | 'updating' | 'updated';
  /** The set's upgrade policy held for the run (plan.policyHold) and put back at its end. */
  policy: { state: 'asFound' | 'holding' | 'held' | 'restoring' | 'restored'; restore?: UpgradePolicyState; note?: string };
  precheckPassed: boolean;
  gate?: { readonly batch: number; readonly reason: NonNullable<PlannedBatch['gateAfter']>; readonly state: 'open' | 'approved' | 'rejected' };
  paused: boolean;
  cancel?: 'afterBatch' | 'now';
  finished?: { readonly outcome: RunOutcome; readonly reason?: string; readonly at: number };
  waits: { healthMs: number; pauseMs: number; gateMs: number };
  /** The last O1/O6 check, when it failed and nothing started after it (the run must stop there). */
  failedCheck?: { readonly rule: 'O1' | 'O6'; readonly batch: number; readonly unhealthy: number; readonly total: number };
  /** ARM traffic per process that worked on the run (its last armTraffic record). */
  readonly armByProcess: Map<string, CallStats>;
  /** Issue 17: the set's lease as the journal last saw it (absent before it was first taken). */
  lease?: LeaseProgress;
}

export interface LeaseProgress {
  state: 'held' | 'lost' | 'released' | 'refused';
  /** The lease was taken at some point: a later refusal leaves the run resumable. */
  taken: boolean;
  holder?: string;
  expiresAt?: number;
  reason?: string;
}

function startProgress(entry: Extract<JournalEntry, { type: 'runStarted' }>): RunProgress {
  const instances = new Map<string, InstanceProgress>();
  const batches: BatchProgress[] = entry.plan.batches.map((b) => {
    for (const i of b.instances) instances.set(i.instanceId, { instanceId: i.instanceId, batch: b.index, state: 'pending', moveInFlight: false, rollbackInFlight: false });
    return {
      index: b.index,
      kind: b.kind,
      ...(b.gateAfter ? { gateAfter: b.gateAfter } : {}),
      ...(b.zone !== undefined ? { zone: b.zone } : {}),
      instanceIds: b.instances.map((i) => i.instanceId),
      state: 'pending',
    };
  });
  for (const s of entry.plan.skipped) instances.set(s.instance.instanceId, { instanceId: s.instance.instanceId, batch: -1, state: 'skipped', moveInFlight: false, rollbackInFlight: false });
  return {
    runId: entry.runId,
    scaleSet: entry.scaleSet,
    plan: entry.plan,
    startedAt: entry.startedAt,
    lastAt: entry.at,
    batches,
    instances,
    model: 'unchanged',
    policy: { state: 'asFound' },
    precheckPassed: false,
    paused: false,
    waits: { healthMs: 0, pauseMs: 0, gateMs: 0 },
    armByProcess: new Map(),
  };
}

/** A move (in place or by surge) is about to be sent: each instance remembers what it ran before. */
function markMoving(p: RunProgress, moves: readonly { readonly id: string; readonly from: ImageRef }[]): void {
  for (const m of moves) {
    const i = instance(p, m.id);
    i.state = 'moving';
    i.from = m.from;
    i.moveInFlight = true;
  }
}

function instance(p: RunProgress, id: string): InstanceProgress {
  let found = p.instances.get(id);
  if (!found) {
    found = { instanceId: id, batch: -1, state: 'pending', moveInFlight: false, rollbackInFlight: false };
    p.instances.set(id, found);
  }
  return found;
}

/** Applies one record to the run (mutates and returns it). */
export function applyRecord(p: RunProgress, e: JournalEntry): RunProgress {
  p.lastAt = e.at;
  switch (e.type) {
    case 'runStarted':
      return p;
    case 'healthCheck':
      if (e.rule === 'O1' && e.ok) p.precheckPassed = true;
      // A failed O1/O6 check is a decision already taken: a resume ends the run with it.
      if (e.ok) p.failedCheck = undefined;
      else p.failedCheck = { rule: e.rule, batch: e.batch, unhealthy: e.unhealthy, total: e.total };
      return p;
    case 'policyHold':
      p.policy = { state: e.phase === 'intent' ? 'holding' : 'held' };
      return p;
    case 'policyRestore':
      p.policy = { state: e.phase === 'intent' ? 'restoring' : 'restored', restore: e.policy, ...(e.note ? { note: e.note } : {}) };
      return p;
    case 'modelUpdate':
      p.model = e.phase === 'intent' ? 'updating' : 'updated';
      return p;
    case 'batchStarted':
      p.batches[e.batch].state = 'started';
      p.failedCheck = undefined;
      return p;
    case 'batchSplit': {
      // The gate (if any) moves to the last piece: it opens after the whole planned batch.
      const { gateAfter, ...batch } = p.batches[e.batch];
      const deferred = new Set(e.deferred);
      p.batches[e.batch] = { ...batch, instanceIds: batch.instanceIds.filter((id) => !deferred.has(id)) };
      const inserted: BatchProgress = {
        index: e.batch + 1,
        kind: 'batch',
        ...(gateAfter ? { gateAfter } : {}),
        ...(batch.zone !== undefined ? { zone: batch.zone } : {}),
        instanceIds: [...e.deferred],
        state: 'pending',
      };
      p.batches.splice(e.batch + 1, 0, inserted);
      p.batches = p.batches.map((b, i) => ({ ...b, index: i }));
      for (const b of p.batches) for (const id of b.instanceIds) instance(p, id).batch = b.index;
      return p;
    }
    case 'instanceSkipped': {
      const i = instance(p, e.instanceId);
      i.state = 'skipped';
      i.moveInFlight = false;
      return p;
    }
    case 'moveIntent':
      markMoving(p, e.instances);
      return p;
    case 'moved': {
      const i = instance(p, e.instanceId);
      i.moveInFlight = false;
      i.state = e.ok ? 'waitingHealth' : 'failed';
      i.movedAt = e.at;
      if (e.error) i.error = e.error;
      return p;
    }
    case 'healthVerdict': {
      const i = instance(p, e.instanceId);
      i.state = e.healthy ? 'succeeded' : 'failed';
      if (!e.healthy) i.error = `not healthy in time (${e.health})`;
      return p;
    }
    case 'rollbackIntent':
      for (const id of e.instanceIds) {
        const i = instance(p, id);
        i.state = 'rollingBack';
        i.rollbackInFlight = true;
      }
      return p;
    case 'rolledBack': {
      const i = instance(p, e.instanceId);
      i.rollbackInFlight = false;
      i.state = e.ok ? 'rolledBack' : 'rollbackFailed';
      if (e.error) i.error = e.error;
      if (i.replaces) {
        // O4 for surge: the failed replacement was deleted; the old instance never left service.
        if (e.ok) i.deleted = true;
        const old = instance(p, i.replaces);
        old.state = i.state;
        if (e.error) old.error = e.error;
      }
      return p;
    }
    case 'surgeIntent':
      p.batches[e.batch].surge = { capacity: e.capacity, known: [...e.known] };
      markMoving(p, e.instances);
      return p;
    case 'surgeRefused': {
      const batch = p.batches[e.batch];
      if (batch.surge) batch.surge.refused = e.reason;
      for (const id of batch.instanceIds) {
        const i = instance(p, id);
        if (i.state === 'moving' && i.moveInFlight && !i.replacement) {
          i.state = 'pending';
          i.moveInFlight = false;
        }
      }
      return p;
    }
    case 'surgeCreated': {
      const batch = p.batches[e.batch];
      if (batch.surge) batch.surge.created = e.pairs.map((pair) => pair.created);
      for (const pair of e.pairs) {
        const old = instance(p, pair.old);
        old.replacement = pair.created;
        old.moveInFlight = false;
        const created = instance(p, pair.created);
        created.batch = e.batch;
        created.state = 'waitingHealth';
        created.replaces = pair.old;
        created.movedAt = e.at;
        if (old.from) created.from = old.from;
      }
      return p;
    }
    case 'retireIntent':
      for (const id of e.instanceIds) instance(p, id).retireInFlight = true;
      return p;
    case 'retired':
      for (const id of e.instanceIds) {
        const old = instance(p, id);
        old.retireInFlight = false;
        if (!e.ok) {
          old.error = e.error;
          continue;
        }
        old.deleted = true;
        // Healthy replacement: replaced. Rollback off and an unhealthy replacement: the slot failed (O5).
        const replacement = old.replacement ? p.instances.get(old.replacement) : undefined;
        old.state = replacement?.state === 'succeeded' ? 'replaced' : 'failed';
      }
      return p;
    case 'surgeUndone': {
      for (const id of e.deleted) {
        const created = instance(p, id);
        created.deleted = true;
        if (created.replaces) {
          // The old instance never left service and was not moved.
          const old = instance(p, created.replaces);
          old.state = 'pending';
          old.moveInFlight = false;
          old.replacement = undefined;
        }
      }
      for (const id of e.retired) {
        const old = instance(p, id);
        old.deleted = true;
        old.retireInFlight = false;
        old.state = 'replaced';
      }
      for (const i of p.instances.values()) {
        if (i.batch === e.batch && i.state === 'moving' && !i.replacement) {
          i.state = 'pending';
          i.moveInFlight = false;
        }
      }
      return p;
    }
    case 'batchFinished':
      p.batches[e.batch].state = 'finished';
      return p;
    case 'gate':
      p.gate = { batch: e.batch, reason: e.reason, state: e.state };
      return p;
    case 'paused':
      p.paused = e.paused;
      return p;
    case 'cancelRequested':
      p.cancel = e.mode;
      return p;
    case 'waited':
      p.waits[`${e.kind}Ms`] += e.ms;
      return p;
    case 'armTraffic':
      p.armByProcess.set(e.process, { calls: e.calls, attempts: e.attempts, throttled: e.throttled, serverErrors: e.serverErrors });
      return p;
    case 'leaseTaken':
      p.lease = { state: 'held', taken: true, holder: e.holder, expiresAt: e.expiresAt };
      return p;
    case 'leaseRenewed':
      if (p.lease) p.lease.expiresAt = e.expiresAt;
      return p;
    case 'leaseRefused':
      p.lease = { taken: p.lease?.taken ?? false, state: 'refused', reason: e.reason };
      return p;
    case 'leaseLost':
      p.lease = { taken: true, state: 'lost', reason: e.reason };
      return p;
    case 'leaseReleased':
      if (p.lease) p.lease.state = 'released';
      return p;
    case 'runFinished':
      p.finished = { outcome: e.outcome, ...(e.reason ? { reason: e.reason } : {}), at: e.at };
      return p;
  }
}

/** Replays a journal; undefined when it has no start record. */
export function replayJournal(entries: readonly JournalEntry[]): RunProgress | undefined {
  const start = entries.find((e): e is Extract<JournalEntry, { type: 'runStarted' }> => e.type === 'runStarted');
  if (!start) return undefined;
  const progress = startProgress(start);
  for (const e of entries) if (e !== start) applyRecord(progress, e);
  return progress;
}

export { startProgress };
