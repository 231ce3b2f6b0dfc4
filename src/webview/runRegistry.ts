// The embedded orchestrator's runs in this window, one per scale set: a plan under review (dry run),
// a running executor, or a run found unfinished in the journal. It subscribes to the executor's
// events (design.md: events out, commands in) and feeds the dashboard through RunProjection; the
// status bar and the tree listen to its changes. Pure — no vscode.
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import { scaleSetId } from '../azure/gateway';
import type { CommandResult, RolloutPlan, RunSummary } from '../core/contract';
import type { RolloutExecutor } from '../core/executor/executor';
import type { JournalStore } from '../core/journal/journalStore';
import { replayJournal } from '../core/journal/replay';
import type { startRun } from '../core/rollout';
import { loadRunCore } from './loadRunCore';
import type { Clock } from '../shared/clock';
import type { RunAction, RunView } from './contract';
import type { DashboardSession } from './dashboardSession';
import { RunProjection } from './runProjection';

export type RunPhase = 'review' | 'running' | 'interrupted' | 'finished';

export interface TrackedRun {
  readonly scaleSetId: string;
  readonly ref: ScaleSetRef;
  readonly plan: RolloutPlan;
  readonly phase: RunPhase;
  readonly runId?: string;
  /** Settles when the executor has finished (running runs only). */
  readonly done?: Promise<RunSummary>;
  /** A rehearsal on a private simulator (issue 15): nothing in Azure changes. */
  readonly rehearsal?: boolean;
  view(): RunView;
}

/** A rehearsal the registry shows and controls: its executor runs on a private simulator's clock. */
export interface RehearsalRun {
  readonly plan: RolloutPlan;
  readonly executor: RolloutExecutor;
  readonly clock: Clock;
  readonly assumptions: readonly string[];
}

export interface RunRegistryDeps {
  readonly journal: JournalStore;
  readonly clock: Clock;
  readonly session: (scaleSetId: string) => DashboardSession;
  /** The gateway for a set (its tenant's token). */
  readonly gatewayFor: (ref: ScaleSetRef) => Promise<AzureGateway>;
  /** The tree's in-flight indicator. */
  readonly watch?: (ref: ScaleSetRef, until: Promise<unknown>) => void;
  /** Called when a run has finished (the dashboard reloads its history). */
  readonly finished?: (scaleSetId: string) => void;
  /** Core executor options that tests shorten. */
  readonly retry?: Parameters<typeof startRun>[0]['retry'];
  /** Issue 17: a run was refused because another run holds the set's lease (the editor names the holder). */
  readonly leaseRefused?: (scaleSetId: string, heldBy: NonNullable<RunSummary['leaseHeldBy']>, reason: string) => void;
  /** Issue 17: lease options (holder name, timings) that tests set. */
  readonly lease?: Parameters<typeof startRun>[0]['lease'];
}

interface Entry {
  readonly ref: ScaleSetRef;
  readonly plan: RolloutPlan;
  phase: RunPhase;
  projection: RunProjection;
  executor?: RolloutExecutor;
  runId?: string;
  done?: Promise<RunSummary>;
  rehearsal?: { readonly clock: Clock; readonly assumptions: readonly string[] };
}

const key = (id: string) => id.toLowerCase();

export class RunRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: RunRegistryDeps) {}

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: string): TrackedRun | undefined {
    const entry = this.entries.get(key(id));
    return entry && this.tracked(key(id), entry);
  }

  /** Runs that are executing now. */
  running(): TrackedRun[] {
    return [...this.entries].filter(([, e]) => e.phase === 'running').map(([k, e]) => this.tracked(k, e));
  }

  /** Shows a plan in the dashboard as a dry run; nothing moves until start(). */
  review(ref: ScaleSetRef, plan: RolloutPlan): TrackedRun {
    const id = scaleSetId(ref);
    const existing = this.entries.get(key(id));
    if (existing?.phase === 'running') throw new Error(`A run on ${ref.name} is in progress: pause, cancel or let it finish first.`);
    const entry: Entry = { ref, plan, phase: 'review', projection: new RunProjection('plan', plan) };
    this.entries.set(key(id), entry);
    const session = this.deps.session(id);
    session.append([
      { level: 'info', text: `Plan (dry run): ${plan.batches.length} batch(es) for ${plan.instanceCount} instance(s) to ${plan.target.description}; ${plan.skipped.length} already on the target or not selected.` },
      ...plan.warnings.map((text) => ({ level: 'warning' as const, text })),
    ]);
    this.publish(id, entry);
    return this.tracked(key(id), entry);
  }

  /** Starts the reviewed plan: the journal gets its first record, then the executor runs. */
  async start(id: string, breakExpiredLease = false): Promise<TrackedRun> {
    const entry = this.entries.get(key(id));
    if (!entry || entry.phase !== 'review') throw new Error('There is no reviewed plan to start for this scale set.');
    const gateway = await this.deps.gatewayFor(entry.ref);
    const executor = loadRunCore().startRun({ gateway, clock: this.deps.clock, store: this.deps.journal, ...this.coreOptions(breakExpiredLease) }, entry.ref, entry.plan);
    this.attach(id, entry, executor);
    return this.tracked(key(id), entry);
  }

  /**
   * Shows a rehearsal (issue 15) in the set's dashboard, labelled as one, with the run controls; when it
   * has finished, `runForReal` starts the same plan on the set itself.
   */
  rehearse(ref: ScaleSetRef, rehearsal: RehearsalRun): TrackedRun {
    const id = scaleSetId(ref);
    if (this.entries.get(key(id))?.phase === 'running') throw new Error(`A run on ${ref.name} is in progress: pause, cancel or let it finish first.`);
    const entry: Entry = { ref, plan: rehearsal.plan, phase: 'running', projection: new RunProjection('plan', rehearsal.plan), rehearsal: { clock: rehearsal.clock, assumptions: rehearsal.assumptions } };
    this.entries.set(key(id), entry);
    this.deps.session(id).append([
      { level: 'info', text: `Rehearsal on a private simulator of ${ref.name}: nothing in Azure changes.` },
      ...rehearsal.assumptions.map((text) => ({ level: 'info' as const, text: `Rehearsal assumes: ${text}` })),
    ]);
    this.attach(id, entry, rehearsal.executor);
    return this.tracked(key(id), entry);
  }

  /** Shows a run the journal holds unfinished, without resuming it. */
  showInterrupted(runId: string): TrackedRun | undefined {
    const progress = replayJournal(this.deps.journal.read(runId).entries);
    if (!progress || progress.finished) return undefined;
    const id = scaleSetId(progress.scaleSet);
    const current = this.entries.get(key(id));
    if (current?.phase === 'running') return this.tracked(key(id), current);
    const projection = new RunProjection(runId, progress.plan);
    projection.sync({ batches: progress.batches, instances: Object.fromEntries([...progress.instances].filter(([, p]) => !p.deleted).map(([i, p]) => [i, p.state])) });
    projection.markInterrupted();
    const entry: Entry = { ref: progress.scaleSet, plan: progress.plan, phase: 'interrupted', projection, runId };
    this.entries.set(key(id), entry);
    this.deps.session(id).append([{ level: 'warning', text: `Run ${runId} was interrupted (the window closed or reloaded). Resume it to continue.` }]);
    this.publish(id, entry);
    return this.tracked(key(id), entry);
  }

  /** Continues an unfinished run from its journal; the executor reads Azure before it moves anything. */
  async resume(runId: string, breakExpiredLease = false): Promise<TrackedRun> {
    const report = this.deps.journal.read(runId);
    const progress = replayJournal(report.entries);
    if (!progress) throw new Error(`The journal of run ${runId} has no start record.`);
    const id = scaleSetId(progress.scaleSet);
    const current = this.entries.get(key(id));
    if (current?.phase === 'running') throw new Error(`A run on ${progress.scaleSet.name} is already running in this window.`);
    const gateway = await this.deps.gatewayFor(progress.scaleSet);
    const { executor, problems } = loadRunCore().resumeRun({ gateway, clock: this.deps.clock, store: this.deps.journal, ...this.coreOptions(breakExpiredLease) }, runId);
    const entry: Entry = { ref: progress.scaleSet, plan: progress.plan, phase: 'running', projection: new RunProjection(runId, progress.plan) };
    this.entries.set(key(id), entry);
    this.deps.session(id).append([
      { level: 'info', text: `Resuming run ${runId} from its journal (${report.entries.length} records); Azure is read again before anything moves.` },
      ...problems.map((text) => ({ level: 'warning' as const, text: `Journal: ${text}` })),
    ]);
    this.attach(id, entry, executor);
    return this.tracked(key(id), entry);
  }

  /**
   * Issue 17: after a refusal by a stale lease, the user confirmed breaking it: a refused resume is resumed
   * again, a refused new run starts its plan again — both allowed to break an expired lease (never a live one).
   */
  async breakLease(id: string): Promise<TrackedRun> {
    const entry = this.entries.get(key(id));
    if (!entry || entry.phase === 'running') throw new Error('There is no refused run to retry for this scale set.');
    if (entry.runId && this.deps.journal.unfinished(id).some((r) => r.runId === entry.runId)) return this.resume(entry.runId, true);
    entry.phase = 'review';
    return this.start(id, true);
  }

  private coreOptions(breakExpiredLease: boolean): Pick<Parameters<typeof startRun>[0], 'retry' | 'lease'> {
    const lease = { ...this.deps.lease, ...(breakExpiredLease ? { breakExpired: true } : {}) };
    return { ...(this.deps.retry ? { retry: this.deps.retry } : {}), lease };
  }

  /** The dashboard's and the palette's run controls. */
  async control(id: string, action: RunAction): Promise<CommandResult> {
    const entry = this.entries.get(key(id));
    if (!entry) return { accepted: false, message: 'There is no run for this scale set.' };
    if (action === 'start') {
      await this.start(id);
      return { accepted: true };
    }
    if (action === 'runForReal') {
      if (!entry.rehearsal) return { accepted: false, message: 'Only a rehearsal can be turned into a real run.' };
      if (entry.phase !== 'finished') return { accepted: false, message: 'The rehearsal is still running: let it finish or cancel it first.' };
      // The same plan, now on the set itself; the executor reads Azure again before it moves anything (O1).
      this.review(entry.ref, entry.plan);
      await this.start(id);
      return { accepted: true };
    }
    if (action === 'resume' && entry.phase === 'interrupted' && entry.runId) {
      await this.resume(entry.runId);
      return { accepted: true };
    }
    if (!entry.executor || entry.phase !== 'running') return { accepted: false, message: 'The run is not running.' };
    const command = { pause: 'pause', resume: 'resume', cancel: 'cancelAfterBatch', cancelNow: 'cancelNow' } as const;
    const result = entry.executor.send({ type: command[action] });
    if (result.accepted && (action === 'cancel' || action === 'cancelNow')) entry.projection.markCancelling();
    if (result.accepted) this.publish(id, entry);
    return result;
  }

  /** Approve or reject the open gate; a stale gate id (the dashboard showed an older one) is refused. */
  decide(id: string, gateId: string, decision: 'approve' | 'reject'): CommandResult {
    const entry = this.entries.get(key(id));
    if (!entry?.executor || entry.phase !== 'running') return { accepted: false, message: 'The run is not running.' };
    if (entry.projection.gateId !== gateId) return { accepted: false, message: 'That approval gate is no longer open.' };
    return entry.executor.send({ type: decision });
  }

  /** The id of the open gate of a set's run, if any (for palette commands). */
  openGate(id: string): string | undefined {
    return this.entries.get(key(id))?.projection.gateId;
  }

  private attach(id: string, entry: Entry, executor: RolloutExecutor): void {
    entry.executor = executor;
    entry.runId = executor.runId;
    entry.phase = 'running';
    entry.projection = new RunProjection(executor.runId, entry.plan);
    entry.projection.sync(executor.view());
    const session = this.deps.session(id);
    const subscription = executor.subscribe((event) => {
      session.append(entry.projection.apply(event));
      entry.projection.sync(executor.view());
      this.publish(id, entry);
    });
    entry.done = executor.run().finally(() => {
      subscription.dispose();
      entry.phase = 'finished';
      entry.executor = undefined;
      this.publish(id, entry);
      this.deps.finished?.(id);
    });
    entry.done.then(
      (summary) => {
        if (summary.leaseHeldBy) this.deps.leaseRefused?.(id, summary.leaseHeldBy, summary.reason ?? '');
      },
      (err: unknown) => session.append([{ level: 'error', text: `The run stopped with an error: ${(err as Error).message}` }]),
    );
    // The tree's in-flight mark means Azure is changing; a rehearsal changes nothing there.
    if (!entry.rehearsal) this.deps.watch?.(entry.ref, entry.done);
    this.publish(id, entry);
  }

  private publish(id: string, entry: Entry): void {
    const view = entry.projection.view();
    if (entry.rehearsal) this.deps.session(id).setRun({ ...view, rehearsal: { assumptions: entry.rehearsal.assumptions } }, entry.rehearsal.clock);
    else this.deps.session(id).setRun(view);
    for (const listener of this.listeners) listener();
  }

  private tracked(k: string, entry: Entry): TrackedRun {
    return {
      scaleSetId: scaleSetId(entry.ref),
      ref: entry.ref,
      plan: entry.plan,
      phase: entry.phase,
      ...(entry.runId ? { runId: entry.runId } : {}),
      ...(entry.done ? { done: entry.done } : {}),
      ...(entry.rehearsal ? { rehearsal: true } : {}),
      view: () => (this.entries.get(k) ?? entry).projection.view(),
    };
  }
}
