// What the journal holds: one record per transition, appended before the transition is acted on
// (design.md: the journal is the source of truth for our runs). Replaying the records rebuilds the run.
import type { ImageRef, ScaleSetRef } from '../../azure/gateway';
import type { Lease } from '../lease/leaseTag';
import type { GateReason, GateVerdict, HealthState, RolloutPlan, RunOutcome, UpgradePolicyState } from '../contract';
import type { InstanceEvidence } from '../explain/evidence';

export interface RunOptionsRecord {
  /** Poll interval and such do not matter for replay; what decides behaviour is in the plan. */
  readonly estimatesFromSimulator?: boolean;
}

export type JournalRecord =
  | { readonly type: 'runStarted'; readonly runId: string; readonly scaleSet: ScaleSetRef; readonly plan: RolloutPlan; readonly startedAt: number }
  /** O1 before the first batch; O6 before every later batch. */
  | { readonly type: 'healthCheck'; readonly rule: 'O1' | 'O6'; readonly batch: number; readonly ok: boolean; readonly unhealthy: number; readonly total: number; /** A failed check: the first unhealthy instances as read (explain). */ readonly evidence?: readonly InstanceEvidence[] }
  /** The set's upgrade policy held for the run (plan.policyHold), before any model change or move. */
  | { readonly type: 'policyHold'; readonly phase: 'intent' | 'done'; readonly policy: UpgradePolicyState }
  /** The policy put back as the run ends (the original, or Manual kept with `note` saying why), before runFinished. */
  | { readonly type: 'policyRestore'; readonly phase: 'intent' | 'done'; readonly policy: UpgradePolicyState; readonly note?: string }
  | { readonly type: 'modelUpdate'; readonly phase: 'intent' | 'done'; readonly image: ImageRef }
  | { readonly type: 'batchStarted'; readonly batch: number }
  /** O2: health changed since planning; the tail of the batch moves in a new batch right after it. */
  | { readonly type: 'batchSplit'; readonly batch: number; readonly deferred: readonly string[] }
  | { readonly type: 'instanceSkipped'; readonly batch: number; readonly instanceId: string; readonly reason: 'onTarget' | 'gone' }
  /** `from`: what each instance ran before, so a rollback (and a resume) knows where to go back to. */
  | { readonly type: 'moveIntent'; readonly batch: number; readonly instances: readonly { readonly id: string; readonly from: ImageRef }[] }
  | { readonly type: 'moved'; readonly batch: number; readonly instanceId: string; readonly ok: boolean; readonly error?: string }
  | { readonly type: 'healthVerdict'; readonly batch: number; readonly instanceId: string; readonly healthy: boolean; readonly health: HealthState; /** An unhealthy verdict: the instance view last read (explain). */ readonly evidence?: InstanceEvidence }
  | { readonly type: 'rollbackIntent'; readonly batch: number; readonly instanceIds: readonly string[] }
  | { readonly type: 'rolledBack'; readonly batch: number; readonly instanceId: string; readonly ok: boolean; readonly error?: string }
  /**
   * O8 maxSurge, before the scale-out: the old instances the batch replaces, what they run, the set's
   * capacity before (the scale-out asks for capacity + their number, an absolute value, so asking again
   * after a crash cannot create more) and every instance id present before (new ones are the others).
   */
  | { readonly type: 'surgeIntent'; readonly batch: number; readonly instances: readonly { readonly id: string; readonly from: ImageRef }[]; readonly capacity: number; readonly known: readonly string[] }
  /** The scale-out was refused for quota: this batch moves in place instead. */
  | { readonly type: 'surgeRefused'; readonly batch: number; readonly reason: string }
  /** The new instances, each paired with the old instance it replaces. */
  | { readonly type: 'surgeCreated'; readonly batch: number; readonly pairs: readonly { readonly old: string; readonly created: string }[] }
  /** Old instances about to be deleted (their replacements are healthy, or rollback is off). */
  | { readonly type: 'retireIntent'; readonly batch: number; readonly instanceIds: readonly string[] }
  | { readonly type: 'retired'; readonly batch: number; readonly instanceIds: readonly string[]; readonly ok: boolean; readonly error?: string }
  /**
   * Cancel-now in a surge batch (O8): the batch was undone so that the set ends at its original capacity —
   * the new instances `deleted` (their old ones stayed in service), and old instances whose retirement had
   * begun `retired` (their healthy replacements stay).
   */
  | { readonly type: 'surgeUndone'; readonly batch: number; readonly deleted: readonly string[]; readonly retired: readonly string[] }
  | { readonly type: 'batchFinished'; readonly batch: number }
  | { readonly type: 'gate'; readonly batch: number; readonly reason: GateReason; readonly state: 'open' | 'approved' | 'rejected' }
  /**
   * Bake after a batch (issue 16): `started` fixes its end (`endsAt`, absolute: a reload resumes the rest of
   * the bake, never restarts or skips it) and the alert window's start (the batch's start); `verdict` holds
   * each gate's verdict with its evidence; `rolledBack` marks a breach's rollback as done.
   */
  | { readonly type: 'bake'; readonly batch: number; readonly phase: 'started'; readonly from: number; readonly endsAt: number }
  | { readonly type: 'bake'; readonly batch: number; readonly phase: 'verdict'; readonly ok: boolean; readonly verdicts: readonly GateVerdict[] }
  | { readonly type: 'paused'; readonly paused: boolean }
  | { readonly type: 'cancelRequested'; readonly mode: 'afterBatch' | 'now' }
  | { readonly type: 'waited'; readonly kind: 'health' | 'pause' | 'gate'; readonly ms: number }
  /**
   * ARM traffic of one process so far (cumulative), written before each batchFinished and runFinished:
   * a resumed run's summary adds what the processes before it spent (up to their last such record).
   */
  | { readonly type: 'armTraffic'; readonly process: string; readonly calls: number; readonly attempts: number; readonly throttled: number; readonly serverErrors: number }
  | { readonly type: 'runFinished'; readonly outcome: RunOutcome; readonly reason?: string }
  /**
   * Issue 17, one driver per set: the lease tag taken before the run changes anything (a resume re-takes
   * its own by run id); `broke`: another run's stale lease broken on purpose.
   */
  | { readonly type: 'leaseTaken'; readonly holder: string; readonly expiresAt: number; readonly broke?: Lease }
  | { readonly type: 'leaseRenewed'; readonly expiresAt: number }
  /** Another run holds the lease (`heldBy`), or it cannot be written; nothing was changed by this process. */
  | { readonly type: 'leaseRefused'; readonly reason: string; readonly heldBy?: Lease }
  /** Renewal failed (taken, removed, or not renewed before it expired): the run stops after the current batch. */
  | { readonly type: 'leaseLost'; readonly reason: string }
  /** The tag removed at the run's end (`released` false: it no longer named this run). */
  | { readonly type: 'leaseReleased'; readonly released: boolean }
  /** Issue 16: the next batch waits for the run's maintenance window to open at `until` (its occurrence ends at windowEnd). */
  | { readonly type: 'windowWait'; readonly batch: number; readonly until: number; readonly windowEnd: number }
  /** Issue 16: the window is open and the batch fits; the wait (if any) is over. */
  | { readonly type: 'windowOpen'; readonly batch: number; readonly windowEnd: number };

/** A record as stored: a sequence number and the simulated time it was written. */
export type JournalEntry = JournalRecord & { readonly seq: number; readonly at: number };
