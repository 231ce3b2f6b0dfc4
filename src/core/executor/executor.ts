// The executor: a state machine over the journal. Each step records its intent durably, then acts on
// Azure, then records the result; commands (approve, reject, pause, resume, cancel) are recorded too.
// A resumed run replays the journal and continues with the same loop, which always reads Azure before
// it moves anything (moveInstances.ts), so no instance is moved twice and none is skipped.
//
// This class is the coordinator (commands in, events out, the journal, the endings). Each state of the
// machine lives in its own file:
//   precheck (A6, O1)            states/precheck.ts
//   model update (O9, maxSurge)  states/modelStep.ts
//   between batches: O5, cancel, gates, pause (O8)   states/gates.ts
//   batch start: O6, O2 split, move intent           states/batchStart.ts
//   one batch end to end         states/runBatch.ts
//     move                       moveInstances.ts, surge.ts (O8 maxSurge)
//     health wait (O4, H3)       waitForHealth.ts
//     rollback (O4)              rollback.ts
//   verdict after the last batch states/verdict.ts
//   upgrade policy held for the run and restored at its end   states/policyHold.ts
//   cancel-now in a surge batch: undone back to the capacity  states/cancelSurge.ts
//   one driver per set: the lease tag taken, renewed, released (issue 17)   states/lease.ts
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AlertsReader } from '../../azure/alerts/alertsClient';
import type { MetricsReader } from '../../azure/metrics/metricTypes';
import type { CallStats } from '../../azure/callStats';
import type { AzureGateway } from '../../azure/gateway';
import { scaleSetId } from '../../azure/gateway';
import { describeAzureError } from '../../azure/azureError';
import type { Clock } from '../../shared/clock';
import type { CommandResult, RunCommand, RunOutcome, RunState, RunSummary, RunView } from '../contract';
import type { JournalSink } from '../journal/journalFile';
import type { JournalEntry, JournalRecord } from '../journal/records';
import { applyRecord, type RunProgress } from '../journal/replay';
import { EventHub, type RunEventListener, type Subscription } from './eventHub';
import type { RunContext, RunEventBody } from './runContext';
import { undoSurges } from './states/cancelSurge';
import { journaledBreach } from './states/bake';
import { beforeBatch } from './states/gates';
import type { RunHost, Stop } from './states/host';
import { prepareModel } from './states/modelStep';
import { type LeaseOptions, RunLease } from './states/lease';
import { holdPolicy, restorePolicy } from './states/policyHold';
import { checkReason, precheck } from './states/precheck';
import { runBatch } from './states/runBatch';
import { afterLastBatch } from './states/verdict';
import { waitForWindow } from './states/windowWait';
import { diffStats, summarize, wholeRunStats } from './summary';
import { defaultRetryPlan, type RetryPlan } from './transient';

export interface ExecutorOptions {
  readonly gateway: AzureGateway;
  /** Azure Monitor alerts for the bake's alert gate (issue 16). */
  readonly alerts?: AlertsReader;
  /** Azure Monitor metrics for the bake's metric gates (issue 16). */
  readonly metrics?: MetricsReader;
  readonly clock: Clock;
  readonly sink: JournalSink;
  /** A fresh run (startProgress) or a replayed one (replayJournal). */
  readonly progress: RunProgress;
  /** Sequence number of the last record already in the journal. */
  readonly lastSeq: number;
  readonly retry?: RetryPlan;
  /** Longest one move may stay "updating" (simulated ms); default one hour. */
  readonly moveTimeoutMs?: number;
  /** The scale set's lease (issue 17): holder, breaking a stale one, timings. */
  readonly lease?: LeaseOptions;
}

class JournalWriteError extends Error {}

/** The last bake (issue 16), for a late subscriber. */
function bakeView(p: RunProgress): Pick<RunView, 'bake'> {
  const last = [...p.bakes.entries()].sort((a, b) => a[0] - b[0]).pop();
  if (!last) return {};
  const [batch, b] = last;
  const state = !b.verdict ? 'baking' : b.verdict.ok ? 'passed' : 'breached';
  return { bake: { batch, startedAt: b.startedAt, endsAt: b.endsAt, state, ...(b.verdict ? { verdicts: b.verdict.verdicts } : {}) } };
}

const copyStats = (s: CallStats): CallStats => ({ ...s });

export class RolloutExecutor {
  private readonly hub = new EventHub();
  private readonly abort = new AbortController();
  /** The ending's own signal: after cancel-now the run's signal is aborted, yet the set must be put back. */
  private readonly ending = new AbortController();
  private readonly ctx: RunContext;
  private readonly statsBefore: CallStats;
  /** Names this process's armTraffic records (a resumed run has several processes). */
  private readonly processId = randomUUID();
  private state: RunState = 'starting';
  private seq: number;
  private wake: (() => void) | undefined;
  private running: Promise<RunSummary> | undefined;
  private journalError: Error | undefined;
  private finishedSummary: RunSummary | undefined;
  private prechecked = false;
  private readonly lease: RunLease;

  constructor(private readonly options: ExecutorOptions) {
    this.seq = options.lastSeq;
    // Every request of a batch (hundreds at once) listens on the run's one abort signal.
    setMaxListeners(0, this.abort.signal);
    this.statsBefore = copyStats(options.gateway.stats);
    const progress = options.progress;
    this.ctx = {
      gateway: options.gateway,
      ...(options.alerts ? { alerts: options.alerts } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
      clock: options.clock,
      ref: progress.scaleSet,
      progress,
      target: progress.plan.target,
      policy: progress.plan.policy,
      signal: this.abort.signal,
      retry: options.retry ?? defaultRetryPlan,
      moveTimeoutMs: options.moveTimeoutMs ?? 60 * 60_000,
      record: (record) => this.record(record),
      emit: (event) => this.emit(event),
    };
    this.lease = new RunLease(this.ctx, options.lease);
  }

  get runId(): string {
    return this.options.progress.runId;
  }

  subscribe(listener: RunEventListener): Subscription {
    return this.hub.subscribe(listener);
  }

  /** Runs (or continues) the rollout; calling it again returns the same promise. */
  run(): Promise<RunSummary> {
    this.running ??= this.execute();
    return this.running;
  }

  view(): RunView {
    const p = this.options.progress;
    const instances: Record<string, RunView['instances'][string]> = {};
    // Instances the run deleted (O8 maxSurge) are no longer in the set.
    for (const [id, i] of p.instances) if (!i.deleted) instances[id] = i.state;
    return {
      runId: p.runId,
      scaleSetId: scaleSetId(p.scaleSet),
      target: p.plan.target.description,
      state: this.state,
      ...(p.finished ? { outcome: p.finished.outcome, ...(p.finished.reason ? { reason: p.finished.reason } : {}) } : {}),
      batches: p.batches.map((b) => ({ index: b.index, kind: b.kind, state: b.state, instanceIds: [...b.instanceIds], ...(b.gateAfter ? { gateAfter: b.gateAfter } : {}) })),
      instances,
      ...(p.gate ? { gate: { afterBatch: p.gate.batch, reason: p.gate.reason, state: p.gate.state } } : {}),
      ...bakeView(p),
      paused: p.paused,
      ...(p.cancel ? { cancelRequested: p.cancel } : {}),
      ...(p.windowWait && !p.finished ? { waitingForWindowUntil: p.windowWait.until } : {}),
    };
  }

  /** Commands in: each is recorded before it takes effect. */
  send(command: RunCommand): CommandResult {
    const p = this.options.progress;
    if (p.finished || this.finishedSummary) return { accepted: false, message: 'The run has finished.' };
    try {
      switch (command.type) {
        case 'approve':
        case 'reject': {
          if (p.gate?.state !== 'open') return { accepted: false, message: 'No approval gate is open.' };
          const state = command.type === 'approve' ? 'approved' : 'rejected';
          this.record({ type: 'gate', batch: p.gate.batch, reason: p.gate.reason, state });
          this.emit({ type: 'gate', afterBatch: p.gate.batch, reason: p.gate.reason, state });
          break;
        }
        case 'pause':
          if (p.paused) return { accepted: false, message: 'The run is already paused.' };
          this.record({ type: 'paused', paused: true });
          this.emit({ type: 'run', state: this.state, message: 'Pausing after the current batch.' });
          break;
        case 'resume':
          if (!p.paused) return { accepted: false, message: 'The run is not paused.' };
          this.record({ type: 'paused', paused: false });
          break;
        case 'cancelAfterBatch':
          if (p.cancel) return { accepted: false, message: 'Cancellation was already requested.' };
          this.record({ type: 'cancelRequested', mode: 'afterBatch' });
          this.emit({ type: 'run', state: this.state, message: 'Cancelling after the current batch.' });
          break;
        case 'cancelNow':
          if (p.cancel === 'now') return { accepted: false, message: 'Cancellation is under way.' };
          this.record({ type: 'cancelRequested', mode: 'now' });
          this.abort.abort();
          break;
      }
    } catch (err) {
      return { accepted: false, message: (err as Error).message };
    }
    this.notify();
    return { accepted: true };
  }

  // ── recording and events ──────────────────────────────────────────────────────────────────────

  private record(record: JournalRecord): JournalEntry {
    if (this.journalError) throw this.journalError;
    const entry = { ...record, seq: this.seq + 1, at: this.options.clock.now() } as JournalEntry;
    try {
      this.options.sink.append(entry);
    } catch (err) {
      // Without the journal nothing may happen: stop every request in flight.
      this.journalError = new JournalWriteError(`The journal could not be written: ${(err as Error).message}`);
      this.abort.abort(this.journalError);
      this.ending.abort(this.journalError);
      throw this.journalError;
    }
    this.seq = entry.seq;
    applyRecord(this.options.progress, entry);
    return entry;
  }

  /** This process's ARM traffic so far, so that a later resume can report the whole run's. */
  private recordTraffic(): void {
    this.record({ type: 'armTraffic', process: this.processId, ...diffStats(this.options.gateway.stats, this.statsBefore) });
  }

  private emit(event: RunEventBody): void {
    this.hub.emit({ ...event, runId: this.runId, at: this.options.clock.now() } as Parameters<RunEventListener>[0]);
  }

  private setState(state: RunState, message?: string): void {
    this.state = state;
    this.emit({ type: 'run', state, ...(message ? { message } : {}) });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Waits for the next command (or cancel-now). */
  private nextCommand(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.abort.signal.aborted) return reject(this.abort.signal.reason);
      const onAbort = () => reject(this.abort.signal.reason);
      this.abort.signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => {
        this.abort.signal.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  }

  // ── the run: each state lives in states/ ──────────────────────────────────────────────────────

  private async execute(): Promise<RunSummary> {
    const p = this.options.progress;
    const host = this.host();
    this.emit({ type: 'run', state: 'starting', message: `Run ${p.runId}: ${p.plan.batches.length} batch(es) to ${p.plan.target.description}` });
    try {
      if (p.finished) return this.summaryOf(p.finished.outcome, p.finished.reason);
      // Before anything can change the set (the precheck holds the policy): one driver per set.
      const refused = await this.lease.take();
      if (refused) return refused.finish ? await this.finish(refused.stop) : this.failed(refused.stop.reason, refused.stop.outcome);
      // Killed between a failed O1/O6 check and its runFinished: the journaled decision stands (idempotent resume).
      if (p.failedCheck) {
        const { rule, batch, unhealthy, total } = p.failedCheck;
        return await this.finish({ outcome: rule === 'O1' ? 'refused' : 'aborted', reason: checkReason(this.ctx, rule, batch, unhealthy, total) });
      }
      if (p.cancel === 'now') return await this.finish({ outcome: 'cancelled', reason: 'Cancelled.' });
      if (!p.precheckPassed) {
        const refusal = await precheck(host);
        if (refusal) return await this.finish(refusal);
        this.prechecked = true;
      }
      this.setState('running');
      await holdPolicy(this.ctx);
      await prepareModel(this.ctx);
      for (;;) {
        const batch = p.batches.find((b) => b.state !== 'finished');
        if (!batch) break;
        if (this.lease.lost) return this.failed(this.lease.lost);
        if (batch.state === 'pending') {
          // A breach journaled by a process that died before runFinished (states/bake.ts) stands.
          const stop = journaledBreach(this.ctx) ?? (await beforeBatch(host, batch)) ?? (await waitForWindow(host, batch));
          if (stop) return await this.finish(stop);
        }
        // Issue 17: never start a batch on an expired lease (a window wait may outlast renewals that fell behind).
        const lost = await this.lease.ensureLive();
        if (lost) return this.failed(lost);
        const stop = await runBatch(host, batch);
        if (stop) return await this.finish(stop);
      }
      return await this.finish(journaledBreach(this.ctx) ?? afterLastBatch(this.ctx));
    } catch (err) {
      if (this.journalError) return this.failed(this.journalError.message);
      if (this.abort.signal.aborted && p.cancel === 'now') {
        return await this.finish({ outcome: 'cancelled', reason: 'Cancelled now. Operations already sent to Azure continue there; instances in flight were not rolled back.' });
      }
      return this.failed(`${describeAzureError(err).message} — the run can be resumed.`);
    }
  }

  private endingContext(): RunContext {
    return { ...this.ctx, signal: this.ending.signal };
  }

  /** What the states see of the coordinator. */
  private host(): RunHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      ctx: this.ctx,
      setState: (state, message) => this.setState(state, message),
      nextCommand: () => this.nextCommand(),
      get prechecked() {
        return self.prechecked;
      },
      recordTraffic: () => this.recordTraffic(),
    };
  }

  // ── endings ───────────────────────────────────────────────────────────────────────────────────

  private summaryOf(outcome: RunOutcome, reason?: string): RunSummary {
    const p = this.options.progress;
    const stats = wholeRunStats(p, this.processId, diffStats(this.options.gateway.stats, this.statsBefore));
    return summarize(p, outcome, reason, p.finished?.at ?? this.options.clock.now(), stats);
  }

  /** Ends the run: the set's policy goes back (policyHold.ts), then runFinished is recorded. */
  private async finish(stop: Stop): Promise<RunSummary> {
    let note: string | undefined;
    try {
      const ending = this.endingContext();
      // Cancel-now mid-surge: the set goes back to its capacity before the policy goes back.
      const undone = this.options.progress.cancel === 'now' ? await undoSurges(ending) : undefined;
      const restored = await restorePolicy(ending);
      const unreleased = await this.lease.release(ending);
      note = [undone, restored, unreleased].filter(Boolean).join(' ') || undefined;
    } catch (err) {
      if (this.journalError) return this.failed(this.journalError.message);
      return this.failed(`The run could not be ended cleanly: ${describeAzureError(err).message} — the run can be resumed.`);
    }
    if (note) stop = { ...stop, reason: `${stop.reason} ${note}` };
    try {
      this.recordTraffic();
      this.record({ type: 'runFinished', outcome: stop.outcome, reason: stop.reason });
    } catch {
      return this.failed(this.journalError?.message ?? 'The journal could not be written.');
    }
    this.options.sink.close();
    const summary = this.summaryOf(stop.outcome, stop.reason);
    return this.conclude(summary);
  }

  /** Stopped by an error it could not get past: not recorded as finished, so it can be resumed. */
  private failed(reason: string, outcome: RunOutcome = 'failed'): RunSummary {
    try {
      this.options.sink.close();
    } catch {
      // Already broken.
    }
    return this.conclude(this.summaryOf(outcome, reason));
  }

  private conclude(summary: RunSummary): RunSummary {
    this.lease.stopRenewal();
    if (this.lease.heldBy) summary = { ...summary, leaseHeldBy: this.lease.heldBy };
    this.finishedSummary = summary;
    this.abort.abort();
    this.state = 'finished';
    this.emit({ type: 'run', state: 'finished', message: summary.reason ?? summary.outcome });
    this.emit({ type: 'finished', outcome: summary.outcome, summary });
    return summary;
  }
}
