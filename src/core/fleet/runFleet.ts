// Runs a fleet plan: stages one after another; in a stage every group at once, each group's sets up to
// its maxParallel; node types of one Service Fabric cluster one at a time; then the stage's gates, its
// wait, and the next stage's approval. Every transition is journaled first (fleetJournal.ts), so a stop
// (Ctrl-C: after the sets already moving) or a crash resumes where it was. A failed set stops the stage
// (nothing new starts) and the rollout once more sets failed than the file allows.
import type { ScaleSetRef } from '../../azure/gateway';
import { scaleSetRefFromId } from '../../azure/gateway';
import type { RolloutExecutor } from '../executor/executor';
import type { JournalEntry } from '../journal/records';
import { describeTarget } from './describeTarget';
import type { FleetCommand, FleetEvent, FleetSetView, FleetStageView, FleetSummary, FleetView } from './fleetEvents';
import { applyFleetRecord, type FleetJournalStore, type FleetOutcome, type FleetProgress, type FleetRecord, replayFleet } from './fleetJournal';
import type { FleetPlan, PlannedFleetGroup, PlannedFleetSet, PlannedFleetStage } from './fleetPlan';
import { blockingFindings, readySets } from './fleetPlan';
import { driveEmbedded, drivePlatform, type SetDriverDeps, type SetResult } from './setDrivers';
import { stageGate } from './stageGates';

export interface FleetDeps extends SetDriverDeps {
  readonly fleetStore: FleetJournalStore;
  /** How often (real ms) a stage awaiting approval reads the journal for an approval from another process. */
  readonly approvalPollMs?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class FleetRefusedError extends Error {}

interface Waiter {
  resolve(): void;
}

export class FleetRunner {
  private readonly listeners = new Set<(e: FleetEvent) => void>();
  private readonly sets = new Map<string, Mutable<FleetSetView>>();
  private readonly stageState = new Map<string, FleetStageView['state']>();
  private readonly gateResults = new Map<string, Map<string, { ok: boolean; detail: string }>>();
  private readonly executors = new Map<string, RolloutExecutor>();
  private readonly clusterLocks = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private waiters: Waiter[] = [];
  private stopMode: 'afterGroups' | 'now' | undefined;
  private failed = 0;
  private running?: Promise<FleetSummary>;
  private seq: number;

  constructor(
    private readonly deps: FleetDeps,
    private readonly progress: FleetProgress,
    private readonly sink: { append(entry: JournalEntry): void; close(): void },
    lastSeq: number,
  ) {
    this.seq = lastSeq;
    for (const stage of progress.plan.stages) {
      this.stageState.set(stage.name, progress.stagesFinished.has(stage.name) ? 'finished' : 'pending');
      for (const group of stage.groups) for (const set of group.sets) this.sets.set(set.id.toLowerCase(), this.initialSetView(set, group));
    }
    this.failed = [...progress.sets.values()].filter((s) => s.outcome === 'failed').length;
  }

  get fleetId(): string {
    return this.progress.fleetId;
  }

  get plan(): FleetPlan {
    return this.progress.plan;
  }

  private initialSetView(set: PlannedFleetSet, group: PlannedFleetGroup): Mutable<FleetSetView> {
    const journaled = this.progress.sets.get(set.id.toLowerCase());
    // A set the journal shows started and not finished was moving when the fleet stopped (a resume continues it).
    const state = set.status === 'notReady' ? 'notReady' : set.status === 'onTarget' ? 'onTarget' : journaled?.outcome ?? (journaled ? 'running' : 'pending');
    return {
      id: set.id,
      name: set.name,
      group: group.name,
      engine: group.engine.kind,
      location: set.location,
      subscriptionId: set.subscriptionId,
      planned: set.status,
      state,
      done: journaled?.outcome === 'succeeded' || set.status === 'onTarget' ? set.instances : 0,
      total: set.instances,
      ...(journaled?.runId ? { runId: journaled.runId } : {}),
      ...(journaled?.reason ?? (set.status !== 'ready' ? set.reasons.join('; ') : undefined) ? { detail: journaled?.reason ?? set.reasons.join('; ') } : {}),
    };
  }

  subscribe(listener: (e: FleetEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(event: FleetEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private changed(): void {
    this.emit({ type: 'changed', at: this.deps.clock.now(), view: this.view() });
  }

  private log(level: 'info' | 'warning' | 'error', message: string): void {
    this.emit({ type: 'log', at: this.deps.clock.now(), level, message });
  }

  private record(record: FleetRecord): void {
    const at = this.deps.clock.now();
    this.sink.append({ ...record, seq: ++this.seq, at } as unknown as JournalEntry);
    applyFleetRecord(this.progress, record);
  }

  view(): FleetView {
    const p = this.progress;
    return {
      fleetId: p.fleetId,
      name: p.plan.name,
      target: describeTarget(p.plan.target),
      state: p.finished ? 'finished' : this.stopMode ? 'stopping' : p.paused ? 'paused' : 'running',
      ...(p.finished ? { outcome: p.finished.outcome, ...(p.finished.reason ? { reason: p.finished.reason } : {}) } : {}),
      failedSets: this.failed,
      maxFailedSets: p.plan.maxFailedSets,
      stages: p.plan.stages.map((stage) => {
        const approval = p.approvals.get(stage.name);
        const wait = p.waits.get(stage.name);
        const results = this.gateResults.get(stage.name);
        const passed = p.gatesPassed.get(stage.name);
        const state = this.stageState.get(stage.name) ?? 'pending';
        return {
          name: stage.name,
          state,
          requiresApproval: stage.requiresApproval,
          ...(approval ? { approval } : {}),
          waitAfterMs: stage.waitAfterMs,
          ...(wait !== undefined && state === 'waiting' ? { waitUntil: wait } : {}),
          gates: stage.gates.map((g) => {
            const r = results?.get(g.kind);
            return { kind: g.kind, state: passed?.has(g.kind) ? 'passed' : r && !r.ok ? 'failed' : 'pending', ...(r ? { detail: r.detail } : {}) } as const;
          }),
          sets: stage.groups.flatMap((g) => g.sets.map((s) => ({ ...this.sets.get(s.id.toLowerCase())! }))),
        };
      }),
    };
  }

  /** Commands in: each is journaled before it takes effect. */
  send(command: FleetCommand): { accepted: boolean; message?: string } {
    const p = this.progress;
    if (p.finished) return { accepted: false, message: 'The fleet rollout has finished.' };
    switch (command.type) {
      case 'approve':
      case 'reject': {
        const stage = command.stage ?? [...p.approvals.entries()].find(([, s]) => s === 'waiting')?.[0];
        if (!stage || p.approvals.get(stage) !== 'waiting') return { accepted: false, message: stage ? `Stage '${stage}' is not waiting for approval.` : 'No stage is waiting for approval.' };
        this.record({ type: 'approval', stage, state: command.type === 'approve' ? 'approved' : 'rejected', ...(command.by ? { by: command.by } : {}) });
        break;
      }
      case 'pause':
      case 'resume':
        if (p.paused === (command.type === 'pause')) return { accepted: false, message: `Already ${p.paused ? 'paused' : 'running'}.` };
        this.record({ type: 'paused', paused: command.type === 'pause' });
        for (const executor of this.executors.values()) executor.send({ type: command.type });
        break;
      case 'stop':
      case 'stopNow': {
        const mode = command.type === 'stop' ? 'afterGroups' : 'now';
        if (this.stopMode === mode || this.stopMode === 'now') return { accepted: false, message: 'Already stopping.' };
        this.record({ type: 'stopRequested', mode });
        this.stopMode = mode;
        if (mode === 'now') for (const executor of this.executors.values()) executor.send({ type: 'cancelAfterBatch' });
        // Waits (approval, stage wait) end at once; moving sets finish (their current batch with stopNow).
        this.abort.abort();
        break;
      }
    }
    this.wake();
    this.changed();
    return { accepted: true };
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
  }

  private nextWake(realMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = realMs !== undefined ? setTimeout(resolve, realMs) : undefined;
      this.waiters.push({
        resolve: () => {
          if (timer) clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  run(): Promise<FleetSummary> {
    this.running ??= this.execute();
    return this.running;
  }

  private async execute(): Promise<FleetSummary> {
    const p = this.progress;
    try {
      if (!p.finished) {
        const blocking = blockingFindings(p.plan);
        const outcome = blocking.length > 0 ? await this.finish('refused', blocking.map((f) => f.message).join('; ')) : await this.runStages();
        if (outcome) await this.finish(outcome.outcome, outcome.reason);
      }
    } finally {
      this.sink.close();
    }
    const summary = this.summary();
    this.emit({ type: 'finished', at: this.deps.clock.now(), summary });
    return summary;
  }

  private async finish(outcome: FleetOutcome, reason?: string): Promise<undefined> {
    for (const [name, state] of this.stageState) if (state !== 'finished' && state !== 'pending') this.stageState.set(name, 'stopped');
    for (const s of this.sets.values()) if (s.state === 'pending' || s.state === 'waitingForCluster') s.state = 'notStarted';
    this.record({ type: 'fleetFinished', outcome, ...(reason ? { reason } : {}) });
    this.log(outcome === 'succeeded' ? 'info' : 'warning', `Fleet rollout ${outcome}${reason ? ` — ${reason}` : ''}`);
    this.changed();
    return undefined;
  }

  private tooManyFailures(): boolean {
    return this.failed > this.progress.plan.maxFailedSets;
  }

  private async runStages(): Promise<{ outcome: FleetOutcome; reason?: string } | undefined> {
    const stages = this.progress.plan.stages;
    for (const [index, stage] of stages.entries()) {
      if (this.progress.stagesFinished.has(stage.name)) continue;
      if (stage.requiresApproval) {
        const decision = await this.awaitApproval(stage);
        if (decision === 'rejected') return { outcome: 'rejected', reason: `stage '${stage.name}' was not approved` };
        if (decision === 'stopped') return { outcome: 'stopped', reason: `stopped before stage '${stage.name}'` };
      }
      if (!this.progress.stagesStarted.has(stage.name)) this.record({ type: 'stageStarted', stage: stage.name });
      this.stageState.set(stage.name, 'running');
      this.log('info', `Stage '${stage.name}': ${readySets(stage).length} set(s)`);
      this.changed();
      await Promise.all(stage.groups.map((group) => this.runGroup(stage, group)));
      if (this.tooManyFailures()) return { outcome: 'aborted', reason: `${this.failed} set(s) failed; the rollout allows ${this.progress.plan.maxFailedSets}` };
      if (this.stopMode) return { outcome: 'stopped', reason: `stopped in stage '${stage.name}' after the sets that were moving` };
      const gateFailure = await this.runGates(stage);
      if (gateFailure) return { outcome: 'aborted', reason: gateFailure };
      if (stage.waitAfterMs > 0 && index < stages.length - 1) {
        const waited = await this.waitAfter(stage);
        if (!waited) return { outcome: 'stopped', reason: `stopped while waiting after stage '${stage.name}'` };
      }
      this.record({ type: 'stageFinished', stage: stage.name });
      this.stageState.set(stage.name, 'finished');
      this.changed();
    }
    return { outcome: this.failed > 0 ? 'completedWithFailures' : 'succeeded', ...(this.failed > 0 ? { reason: `${this.failed} set(s) failed (allowed ${this.progress.plan.maxFailedSets})` } : {}) };
  }

  private async awaitApproval(stage: PlannedFleetStage): Promise<'approved' | 'rejected' | 'stopped'> {
    const current = () => this.progress.approvals.get(stage.name);
    if (current() === undefined) this.record({ type: 'approval', stage: stage.name, state: 'waiting' });
    if (current() === 'waiting') {
      this.stageState.set(stage.name, 'awaitingApproval');
      this.log('info', `Stage '${stage.name}' waits for approval (vmss-upgrades fleet approve FILE --stage ${JSON.stringify(stage.name)})`);
      this.changed();
    }
    while (current() === 'waiting') {
      if (this.stopMode) return 'stopped';
      this.readExternalApprovals(stage.name);
      if (current() !== 'waiting') break;
      await this.nextWake(this.deps.approvalPollMs ?? 1000);
    }
    const decision = current();
    this.changed();
    return decision === 'approved' ? 'approved' : 'rejected';
  }

  /** An approval another process appended (`fleet approve`). */
  private readExternalApprovals(stage: string): void {
    const { entries } = this.deps.fleetStore.read(this.fleetId);
    const decision = entries.filter((e): e is Extract<typeof e, { type: 'approval' }> => e.type === 'approval' && e.stage === stage && e.state !== 'waiting').at(-1);
    if (!decision) return;
    applyFleetRecord(this.progress, decision);
    this.seq = Math.max(this.seq, ...entries.map((e) => e.seq));
    this.log('info', `Stage '${stage}' ${decision.state}${decision.by ? ` by ${decision.by}` : ''}`);
  }

  private canStart(): boolean {
    return !this.stopMode && !this.tooManyFailures() && !this.abort.signal.aborted;
  }

  private async runGroup(stage: PlannedFleetStage, group: PlannedFleetGroup): Promise<void> {
    const queue = group.sets.filter((s) => s.status === 'ready' && this.progress.sets.get(s.id.toLowerCase())?.outcome === undefined);
    const width = Math.max(1, Math.min(group.maxParallel ?? queue.length, queue.length));
    const worker = async () => {
      for (;;) {
        while (this.progress.paused && this.canStart()) await this.nextWake();
        if (!this.canStart()) return;
        const set = queue.shift();
        if (!set) return;
        await this.runSet(stage, group, set);
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
  }

  /** Node types of one Service Fabric cluster move one at a time: each waits for the one before. */
  private async withClusterLock<T>(set: PlannedFleetSet, view: Mutable<FleetSetView>, work: () => Promise<T>): Promise<T> {
    const cluster = set.serviceFabricCluster;
    if (!cluster) return work();
    const before = this.clusterLocks.get(cluster) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.clusterLocks.set(cluster, before.then(() => mine));
    view.state = 'waitingForCluster';
    this.changed();
    await before;
    try {
      return await work();
    } finally {
      release();
    }
  }

  private async runSet(stage: PlannedFleetStage, group: PlannedFleetGroup, set: PlannedFleetSet): Promise<void> {
    const key = set.id.toLowerCase();
    const view = this.sets.get(key)!;
    await this.withClusterLock(set, view, async () => {
      if (!this.canStart()) {
        view.state = 'pending';
        return;
      }
      const journaled = this.progress.sets.get(key);
      if (!journaled) this.record({ type: 'setStarted', stage: stage.name, setId: set.id, engine: group.engine.kind });
      view.state = 'running';
      this.changed();
      const ref: ScaleSetRef = scaleSetRefFromId(set.id);
      const hooks = {
        signal: new AbortController().signal,
        onRun: (runId: string) => {
          if (this.progress.sets.get(key)?.runId !== runId) this.record({ type: 'setRun', setId: set.id, runId });
          view.runId = runId;
          this.changed();
        },
        onProgress: (done: number, total: number) => {
          view.done = done;
          if (total > 0) view.total = total;
          this.changed();
        },
        onExecutor: (executor: RolloutExecutor | undefined) => {
          if (!executor) return void this.executors.delete(key);
          this.executors.set(key, executor);
          if (this.progress.paused) executor.send({ type: 'pause' });
          if (this.stopMode === 'now') executor.send({ type: 'cancelAfterBatch' });
        },
      };
      let result: SetResult;
      try {
        result =
          group.engine.kind === 'embedded'
            ? await driveEmbedded(this.deps, ref, set.id, group.engine, this.progress.plan.target, journaled?.runId, hooks)
            : await drivePlatform(this.deps, ref, journaled !== undefined, hooks, `${this.fleetId}-${ref.name}`.replace(/[^\w.-]/g, '-'));
      } catch (err) {
        result = { outcome: 'failed' as const, reason: (err as Error).message };
      }
      if (result.outcome === 'interrupted' && this.stopMode) {
        // Stopped by the fleet's own stop-now: not finished and not failed; a resume moves what is left.
        view.state = 'notStarted';
        view.detail = result.reason ?? 'stopped';
        this.changed();
        return;
      }
      const outcome = result.outcome === 'interrupted' ? 'failed' : result.outcome;
      this.record({ type: 'setFinished', stage: stage.name, setId: set.id, outcome, ...(result.reason ? { reason: result.reason } : {}) });
      view.state = outcome;
      if (outcome === 'succeeded') view.done = view.total;
      if (result.reason) view.detail = result.reason;
      if (outcome === 'failed') {
        this.failed++;
        this.log('error', `${set.name} failed: ${result.reason ?? ''}`);
        if (this.tooManyFailures()) this.log('error', `More sets failed (${this.failed}) than the rollout allows (${this.progress.plan.maxFailedSets}): no more sets start`);
      } else this.log('info', `${set.name} succeeded${result.reason ? ` (${result.reason})` : ''}`);
      this.changed();
    });
  }

  private async runGates(stage: PlannedFleetStage): Promise<string | undefined> {
    if (stage.gates.length === 0) return undefined;
    this.stageState.set(stage.name, 'gates');
    this.changed();
    // The health of every set the stage moved, failed ones included (a failure allowed is not a health excused).
    const ran = readySets(stage).filter((s) => this.progress.sets.get(s.id.toLowerCase())?.outcome !== undefined).map((s) => scaleSetRefFromId(s.id));
    for (const spec of stage.gates) {
      if (this.progress.gatesPassed.get(stage.name)?.has(spec.kind)) continue;
      const gate = stageGate(spec.kind);
      const verdict = gate ? await gate.check(spec, { gateway: this.deps.gateway, clock: this.deps.clock, sets: ran }).catch((err: Error) => ({ ok: false, detail: `could not be checked: ${err.message}` })) : { ok: false, detail: `unknown gate '${spec.kind}'` };
      this.record({ type: 'gate', stage: stage.name, kind: spec.kind, ok: verdict.ok, detail: verdict.detail });
      const results = this.gateResults.get(stage.name) ?? new Map<string, { ok: boolean; detail: string }>();
      results.set(spec.kind, verdict);
      this.gateResults.set(stage.name, results);
      this.log(verdict.ok ? 'info' : 'error', `Gate ${spec.kind} after stage '${stage.name}': ${verdict.ok ? 'passed' : 'FAILED'} — ${verdict.detail}`);
      this.changed();
      if (!verdict.ok) return `gate '${spec.kind}' after stage '${stage.name}' failed: ${verdict.detail}`;
    }
    return undefined;
  }

  /** The wait after a stage, journaled with its end so that a resume waits only what is left. */
  private async waitAfter(stage: PlannedFleetStage): Promise<boolean> {
    let until = this.progress.waits.get(stage.name);
    if (until === undefined) {
      until = this.deps.clock.now() + stage.waitAfterMs;
      this.record({ type: 'waitStarted', stage: stage.name, until });
    }
    this.stageState.set(stage.name, 'waiting');
    this.log('info', `Waiting ${Math.round(stage.waitAfterMs / 1000)} s after stage '${stage.name}'`);
    this.changed();
    const left = until - this.deps.clock.now();
    if (left > 0) await this.deps.clock.sleep(left, this.abort.signal).catch(() => undefined);
    return !this.stopMode;
  }

  private summary(): FleetSummary {
    const view = this.view();
    const sets = view.stages.flatMap((s) => s.sets);
    const count = (state: FleetSetView['state']) => sets.filter((s) => s.state === state).length;
    const finished = this.progress.finished ?? { outcome: 'stopped' as const };
    return {
      fleetId: this.fleetId,
      name: this.progress.plan.name,
      outcome: finished.outcome,
      ...(finished.reason ? { reason: finished.reason } : {}),
      durationMs: this.deps.clock.now() - this.progress.startedAt,
      sets: { total: sets.length, succeeded: count('succeeded'), failed: count('failed'), notReady: count('notReady'), onTarget: count('onTarget'), notStarted: sets.length - count('succeeded') - count('failed') - count('notReady') - count('onTarget') },
      view,
    };
  }
}

/** Journals the plan as the fleet run's first record and returns its runner; call `run()` to start. */
export function startFleet(deps: FleetDeps, plan: FleetPlan): FleetRunner {
  const now = deps.clock.now();
  const fleetId = deps.fleetStore.newFleetId(plan.name, now);
  const sink = deps.fleetStore.open(fleetId);
  sink.append({ type: 'fleetStarted', fleetId, plan, startedAt: now, seq: 1, at: now } as unknown as JournalEntry);
  const progress = replayFleet([{ type: 'fleetStarted', fleetId, plan, startedAt: now, seq: 1, at: now }])!;
  return new FleetRunner(deps, progress, sink, 1);
}

/** Continues a fleet run from its journal: finished sets stay finished, a set's unfinished run resumes. */
export function resumeFleet(deps: FleetDeps, fleetId: string): FleetRunner {
  const { entries } = deps.fleetStore.read(fleetId);
  const progress = replayFleet(entries);
  if (!progress) throw new Error(`The journal of fleet run ${fleetId} has no start record; it cannot be resumed.`);
  if (progress.finished && progress.finished.outcome !== 'stopped') throw new Error(`Fleet run ${fleetId} has finished (${progress.finished.outcome}); start a new one with 'fleet run'.`);
  // A stop is lifted by resuming on purpose, as a pause is.
  progress.finished = undefined;
  progress.paused = false;
  const sink = deps.fleetStore.open(fleetId);
  return new FleetRunner(deps, progress, sink, Math.max(0, ...entries.map((e) => e.seq)));
}

/** Where a fleet run stands from its journal alone (no Azure): `fleet status`. */
export function fleetViewFromJournal(fleetStore: FleetJournalStore, fleetId: string): FleetView {
  const progress = replayFleet(fleetStore.read(fleetId).entries);
  if (!progress) throw new Error(`The journal of fleet run ${fleetId} has no start record.`);
  const idle = { now: () => progress.startedAt, sleep: () => Promise.resolve(), timeScale: 1 };
  const runner = new FleetRunner({ fleetStore, clock: idle } as unknown as FleetDeps, progress, { append: () => undefined, close: () => undefined }, 0);
  return runner.view();
}
