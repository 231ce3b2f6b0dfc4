// The executor: a state machine over the journal. Each step records its intent durably, then acts on
// Azure, then records the result; commands (approve, reject, pause, resume, cancel) are recorded too.
// A resumed run replays the journal and continues with the same loop, which always reads Azure before
// it moves anything (moveInstances.ts), so no instance is moved twice and none is skipped.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { CallStats } from '../../azure/callStats';
import type { AzureGateway, InstanceSnapshot } from '../../azure/gateway';
import { scaleSetId } from '../../azure/gateway';
import { describeAzureError } from '../../azure/azureError';
import type { Clock } from '../../shared/clock';
import type { CommandResult, RunCommand, RunOutcome, RunState, RunSummary, RunView } from '../contract';
import type { JournalSink } from '../journal/journalFile';
import type { JournalEntry, JournalRecord } from '../journal/records';
import { applyRecord, type BatchProgress, type RunProgress } from '../journal/replay';
import { EventHub, type RunEventListener, type Subscription } from './eventHub';
import { countUnhealthy, isSettled, withinUnhealthyLimit } from './health';
import { isOnTarget } from '../target';
import { ensureModelImage } from './modelImage';
import { moveInstances } from './moveInstances';
import { readFleet } from './readFleet';
import { rollBack } from './rollback';
import { surgeBatch } from './surge';
import { newestImageVersion } from '../imageVersion';
import type { RunContext, RunEventBody } from './runContext';
import { diffStats, summarize, wholeRunStats } from './summary';
import { defaultRetryPlan, type RetryPlan, withRetries } from './transient';
import { waitForHealth } from './waitForHealth';

export interface ExecutorOptions {
  readonly gateway: AzureGateway;
  readonly clock: Clock;
  readonly sink: JournalSink;
  /** A fresh run (startProgress) or a replayed one (replayJournal). */
  readonly progress: RunProgress;
  /** Sequence number of the last record already in the journal. */
  readonly lastSeq: number;
  readonly retry?: RetryPlan;
  /** Longest one move may stay "updating" (simulated ms); default one hour. */
  readonly moveTimeoutMs?: number;
}

class JournalWriteError extends Error {}

/** A stop decided by a rule or a command, recorded as the run's outcome. */
interface Stop {
  readonly outcome: RunOutcome;
  readonly reason: string;
}

const copyStats = (s: CallStats): CallStats => ({ ...s });

export class RolloutExecutor {
  private readonly hub = new EventHub();
  private readonly abort = new AbortController();
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

  constructor(private readonly options: ExecutorOptions) {
    this.seq = options.lastSeq;
    // Every request of a batch (hundreds at once) listens on the run's one abort signal.
    setMaxListeners(0, this.abort.signal);
    this.statsBefore = copyStats(options.gateway.stats);
    const progress = options.progress;
    this.ctx = {
      gateway: options.gateway,
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
      paused: p.paused,
      ...(p.cancel ? { cancelRequested: p.cancel } : {}),
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

  // ── the run ───────────────────────────────────────────────────────────────────────────────────

  private async execute(): Promise<RunSummary> {
    const p = this.options.progress;
    this.emit({ type: 'run', state: 'starting', message: `Run ${p.runId}: ${p.plan.batches.length} batch(es) to ${p.plan.target.description}` });
    try {
      if (p.finished) return this.summaryOf(p.finished.outcome, p.finished.reason);
      // Killed between a failed O1/O6 check and its runFinished: the journaled decision stands (idempotent resume).
      if (p.failedCheck) {
        const { rule, batch, unhealthy, total } = p.failedCheck;
        return this.finish({ outcome: rule === 'O1' ? 'refused' : 'aborted', reason: this.checkReason(rule, batch, unhealthy, total) });
      }
      if (p.cancel === 'now') return this.finish({ outcome: 'cancelled', reason: 'Cancelled.' });
      if (!p.precheckPassed) {
        const refusal = await this.precheck();
        if (refusal) return this.finish(refusal);
        this.prechecked = true;
      }
      this.setState('running');
      if (this.ctx.target.method === 'model' && p.model !== 'updated') {
        const image = this.ctx.target.modelImage ?? this.ctx.target.image;
        this.record({ type: 'modelUpdate', phase: 'intent', image });
        await ensureModelImage(this.ctx, image);
        this.record({ type: 'modelUpdate', phase: 'done', image });
      } else if (this.ctx.policy.maxSurge && p.model !== 'updated') {
        await this.surgeModel();
      }
      for (;;) {
        const batch = p.batches.find((b) => b.state !== 'finished');
        if (!batch) break;
        if (batch.state === 'pending') {
          const stop = await this.beforeBatch(batch);
          if (stop) return this.finish(stop);
        }
        const stop = await this.runBatch(batch);
        if (stop) return this.finish(stop);
      }
      const stop = this.afterLastBatch();
      return this.finish(stop);
    } catch (err) {
      if (this.journalError) return this.failed(this.journalError.message);
      if (this.abort.signal.aborted && p.cancel === 'now') {
        return this.finish({ outcome: 'cancelled', reason: 'Cancelled now. Operations already sent to Azure continue there; instances in flight were not rolled back.' });
      }
      return this.failed(`${describeAzureError(err).message} — the run can be resumed.`);
    }
  }

  /** Refuses to start while a platform rolling upgrade runs (A6), or against O1. */
  private async precheck(): Promise<Stop | undefined> {
    this.setState('prechecking');
    const { ctx } = this;
    const latest = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getLatestRollingUpgrade(ctx.ref, ctx.signal), ctx.retry);
    if (latest?.runningStatus?.code === 'RollingForward') {
      const since = latest.runningStatus.startTime ? ` (started ${new Date(latest.runningStatus.startTime).toISOString()})` : '';
      return { outcome: 'refused', reason: `A platform rolling upgrade is in progress on this scale set${since}. Wait for it to finish or cancel it (A6) before starting.` };
    }
    const check = await this.healthCheck('O1', 0);
    if (!check.ok) return { outcome: 'refused', reason: check.reason };
    return undefined;
  }

  /** O1/O6 over the whole set; Initializing instances are waited for first (H3). */
  private async healthCheck(rule: 'O1' | 'O6', batch: number): Promise<{ ok: boolean; reason: string; fleet: Map<string, InstanceSnapshot> }> {
    const { ctx } = this;
    const started = ctx.clock.now();
    let fleet = await readFleet(ctx);
    while (countUnhealthy([...fleet.values()]).initializing > 0 && ctx.clock.now() - started < ctx.policy.healthTimeoutMs) {
      await ctx.clock.sleep(ctx.policy.healthPollMs, ctx.signal);
      fleet = await readFleet(ctx);
    }
    const count = countUnhealthy([...fleet.values()]);
    const ok = withinUnhealthyLimit(count, ctx.policy.maxUnhealthyInstancePercent);
    this.record({ type: 'healthCheck', rule, batch, ok, unhealthy: count.unhealthy, total: count.total });
    this.emit({ type: 'check', rule, ok, unhealthy: count.unhealthy, total: count.total, limitPercent: ctx.policy.maxUnhealthyInstancePercent });
    return { ok, reason: this.checkReason(rule, batch, count.unhealthy, count.total), fleet };
  }

  private checkReason(rule: 'O1' | 'O6', batch: number, unhealthy: number, total: number): string {
    const percent = total === 0 ? 0 : (unhealthy * 100) / total;
    const limit = this.ctx.policy.maxUnhealthyInstancePercent;
    return `${rule}: ${unhealthy} of ${total} instances are unhealthy (${percent.toFixed(1)}%), the limit is ${limit}%${rule === 'O1' ? '; nothing was moved' : `; stopped before batch ${batch + 1}`}.`;
  }

  /** Between batches: O5 on what ran so far, cancel-after-batch, the gate, the pause (O8), pause/resume. */
  private async beforeBatch(batch: BatchProgress): Promise<Stop | undefined> {
    const p = this.options.progress;
    const previous = p.batches[batch.index - 1];
    if (previous) {
      const o5 = this.o5Breach();
      if (o5) return { outcome: 'aborted', reason: o5 };
    }
    if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled after the current batch.' };
    if (previous?.gateAfter) {
      const decision = await this.gate(previous);
      if (decision) return decision;
    }
    if (previous && this.ctx.policy.pauseBetweenBatchesMs > 0) {
      this.setState('pausingBetweenBatches', `Pausing ${this.ctx.policy.pauseTimeBetweenBatches} (O8).`);
      const started = this.ctx.clock.now();
      await this.ctx.clock.sleep(this.ctx.policy.pauseBetweenBatchesMs, this.ctx.signal);
      this.record({ type: 'waited', kind: 'pause', ms: this.ctx.clock.now() - started });
    }
    while (p.paused && !p.cancel) {
      this.setState('paused');
      await this.nextCommand();
    }
    if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled between batches.' };
    this.setState('running');
    return undefined;
  }

  private async gate(after: BatchProgress): Promise<Stop | undefined> {
    const p = this.options.progress;
    const reason = after.gateAfter!;
    const decided = () => (p.gate?.batch === after.index ? p.gate.state : undefined);
    if (decided() === undefined) {
      this.record({ type: 'gate', batch: after.index, reason, state: 'open' });
    }
    if (decided() === 'open') {
      this.emit({ type: 'gate', afterBatch: after.index, reason, state: 'open' });
      this.setState('awaitingApproval', `Approve to continue after batch ${after.index + 1} (${reason}).`);
      const started = this.ctx.clock.now();
      while (decided() === 'open' && !p.cancel) await this.nextCommand();
      this.record({ type: 'waited', kind: 'gate', ms: this.ctx.clock.now() - started });
    }
    if (decided() === 'rejected') return { outcome: 'rejected', reason: `The gate after batch ${after.index + 1} was rejected.` };
    if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled at an approval gate.' };
    return undefined;
  }

  /**
   * O8 maxSurge with the reimage method: new VMs get what the model's `latest` resolves to. When that is
   * not the target (a pin or a downgrade), the model is set to the target version first (O9), as the
   * 'model' method does — otherwise the replacements would come up on the wrong image.
   */
  private async surgeModel(): Promise<void> {
    const { ctx } = this;
    const image = ctx.target.image;
    if (image.id || !image.exactVersion) return;
    const set = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
    const versions = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.listImageVersions(ctx.ref.subscriptionId, set.location, image.publisher!, image.offer!, image.sku!, ctx.signal), ctx.retry);
    if (newestImageVersion(versions) === image.exactVersion) return;
    const pinned = { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.exactVersion };
    this.record({ type: 'modelUpdate', phase: 'intent', image: pinned });
    this.emit({ type: 'warning', message: `maxSurge: the model is set to ${image.exactVersion} so that new instances come up on the target (O9).` });
    await ensureModelImage(ctx, pinned);
    this.record({ type: 'modelUpdate', phase: 'done', image: pinned });
  }

  /** O5: the share of upgraded instances that did not become healthy. */
  private o5Breach(): string | undefined {
    let upgraded = 0;
    let failed = 0;
    for (const i of this.options.progress.instances.values()) {
      // A surge replacement's outcome is counted once, on the old instance it replaces.
      if (i.replaces) continue;
      if (i.state === 'succeeded' || i.state === 'replaced') upgraded++;
      else if (i.state === 'failed' || i.state === 'rolledBack' || i.state === 'rollbackFailed') {
        upgraded++;
        failed++;
      }
    }
    const percent = upgraded === 0 ? 0 : (failed * 100) / upgraded;
    const limit = this.ctx.policy.maxUnhealthyUpgradedInstancePercent;
    if (percent <= limit) return undefined;
    this.emit({ type: 'check', rule: 'O5', ok: false, unhealthy: failed, total: upgraded, limitPercent: limit });
    return `O5: ${failed} of ${upgraded} upgraded instances did not become healthy (${percent.toFixed(1)}%), the limit is ${limit}%.`;
  }

  private async runBatch(batch: BatchProgress): Promise<Stop | undefined> {
    const { ctx } = this;
    const p = this.options.progress;
    let fleet: Map<string, InstanceSnapshot> | undefined;
    if (batch.state === 'pending') {
      this.emit({ type: 'batch', index: batch.index, state: 'rechecking', instanceIds: batch.instanceIds });
      if (batch.index === 0 && this.prechecked) {
        fleet = await readFleet(ctx);
      } else {
        // O6: other maintenance may have taken instances down since the last batch.
        const check = await this.healthCheck('O6', batch.index);
        if (!check.ok) return { outcome: 'aborted', reason: check.reason };
        fleet = check.fleet;
      }
      this.record({ type: 'batchStarted', batch: batch.index });
      this.splitIfUnhealthy(batch, fleet);
    }
    const stateOf = (id: string) => p.instances.get(id)!.state;
    const pending = batch.instanceIds.filter((id) => stateOf(id) === 'pending');
    if (pending.length > 0) {
      fleet ??= await readFleet(ctx);
      const toMove: string[] = [];
      for (const id of pending) {
        const s = fleet.get(id);
        if (!s) this.skip(batch.index, id, 'gone');
        else if (isSettled(s) && isOnTarget(s, ctx.target)) this.skip(batch.index, id, 'onTarget');
        else toMove.push(id);
      }
      if (toMove.length > 0 && this.surges(batch)) {
        const set = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
        const capacity = set.sku?.capacity ?? fleet.size;
        this.record({ type: 'surgeIntent', batch: batch.index, instances: toMove.map((id) => ({ id, from: fleet!.get(id)!.image })), capacity, known: [...fleet.keys()] });
      } else if (toMove.length > 0) this.record({ type: 'moveIntent', batch: batch.index, instances: toMove.map((id) => ({ id, from: fleet!.get(id)!.image })) });
    }
    if (batch.surge && !batch.surge.refused) {
      const result = await surgeBatch(ctx, batch);
      // Quota: the old instances are pending again and move in place (O8 fallback).
      if (result === 'refused') return this.runBatch(batch);
      return this.endBatch(batch);
    }
    const resumedInFlight = new Set(batch.instanceIds.filter((id) => stateOf(id) === 'moving' && !pending.includes(id)));
    const moving = batch.instanceIds.filter((id) => stateOf(id) === 'moving');
    if (moving.length > 0) {
      this.emit({ type: 'batch', index: batch.index, state: 'moving', instanceIds: moving });
      await moveInstances(ctx, batch.index, moving, fleet, resumedInFlight);
    }
    const waiting = batch.instanceIds.filter((id) => stateOf(id) === 'waitingHealth');
    if (waiting.length > 0) {
      this.emit({ type: 'batch', index: batch.index, state: 'waitingHealth', instanceIds: waiting });
      await waitForHealth(ctx, batch.index, waiting);
    }
    const toRollBack = batch.instanceIds.filter((id) => stateOf(id) === 'rollingBack' || (ctx.policy.rollbackFailedInstances && stateOf(id) === 'failed'));
    if (toRollBack.length > 0) {
      this.emit({ type: 'batch', index: batch.index, state: 'rollingBack', instanceIds: toRollBack });
      await rollBack(ctx, batch.index, toRollBack);
    }
    return this.endBatch(batch);
  }

  /** O8 maxSurge applies to this batch unless its scale-out was refused for quota. */
  private surges(batch: BatchProgress): boolean {
    return this.ctx.policy.maxSurge && !batch.surge?.refused;
  }

  private endBatch(batch: BatchProgress): undefined {
    const stateOf = (id: string) => this.options.progress.instances.get(id)!.state;
    this.recordTraffic();
    this.record({ type: 'batchFinished', batch: batch.index });
    const failed = batch.instanceIds.some((id) => !['succeeded', 'skipped', 'replaced'].includes(stateOf(id)));
    this.emit({ type: 'batch', index: batch.index, state: failed ? 'failed' : 'succeeded', instanceIds: batch.instanceIds });
    return undefined;
  }

  private skip(batch: number, id: string, reason: 'onTarget' | 'gone'): void {
    this.record({ type: 'instanceSkipped', batch, instanceId: id, reason });
    this.emit({ type: 'instance', instanceId: id, state: 'skipped', batch, detail: reason === 'gone' ? 'no longer in the set' : 'already on the target' });
  }

  /** O2: unhealthy instances outside the batch are out of service already; the batch shrinks by them. */
  private splitIfUnhealthy(batch: BatchProgress, fleet: Map<string, InstanceSnapshot>): void {
    const inBatch = new Set(batch.instanceIds);
    const unhealthyOutside = [...fleet.values()].filter((s) => !inBatch.has(s.instanceId) && s.health !== 'healthy').length;
    const allowed = Math.max(1, this.options.progress.plan.batchLimit - unhealthyOutside);
    if (batch.instanceIds.length <= allowed) return;
    const deferred = batch.instanceIds.slice(allowed);
    this.record({ type: 'batchSplit', batch: batch.index, deferred });
    this.emit({ type: 'warning', message: `${unhealthyOutside} instance(s) outside batch ${batch.index + 1} are unhealthy: it moves ${allowed} now and ${deferred.length} in the next batch (O2).` });
  }

  private afterLastBatch(): Stop {
    const o5 = this.o5Breach();
    if (o5) return { outcome: 'aborted', reason: o5 };
    const states = [...this.options.progress.instances.values()].filter((i) => !i.replaces).map((i) => i.state);
    const failed = states.filter((s) => s === 'failed' || s === 'rolledBack' || s === 'rollbackFailed').length;
    if (failed > 0) return { outcome: 'completedWithFailures', reason: `${failed} instance(s) did not become healthy${this.ctx.policy.rollbackFailedInstances ? ' and were rolled back' : ''}.` };
    const moved = states.filter((s) => s === 'succeeded' || s === 'replaced').length;
    return { outcome: 'succeeded', reason: moved === 0 ? 'Every instance already runs the target.' : `${moved} instance(s) moved to ${this.ctx.target.description}.` };
  }

  // ── endings ───────────────────────────────────────────────────────────────────────────────────

  private summaryOf(outcome: RunOutcome, reason?: string): RunSummary {
    const p = this.options.progress;
    const stats = wholeRunStats(p, this.processId, diffStats(this.options.gateway.stats, this.statsBefore));
    return summarize(p, outcome, reason, p.finished?.at ?? this.options.clock.now(), stats);
  }

  private finish(stop: Stop): RunSummary {
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
  private failed(reason: string): RunSummary {
    try {
      this.options.sink.close();
    } catch {
      // Already broken.
    }
    return this.conclude(this.summaryOf('failed', reason));
  }

  private conclude(summary: RunSummary): RunSummary {
    this.finishedSummary = summary;
    this.abort.abort();
    this.state = 'finished';
    this.emit({ type: 'run', state: 'finished', message: summary.reason ?? summary.outcome });
    this.emit({ type: 'finished', outcome: summary.outcome, summary });
    return summary;
  }
}
