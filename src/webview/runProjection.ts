// Folds the executor's events (src/core/contract.ts: events out) into the dashboard's RunView and a
// readable event log. Pure — no vscode — so it is unit-tested in Node and the status bar, the
// dashboard and canned scenarios all see a run the same way.
import type { InstanceRunState, PlannedInstance, RolloutPlan, RunEvent, RunOutcome, RunState, RunView as CoreRunView, Strategy } from '../core/contract';
import type { BakeView, BatchRow, BatchStatus, GateView, InstanceCell, InstanceState, LogLevel, RunCounts, RunStatus, RunView } from './contract';

/** Where a run stands structurally: the executor's view(), or a journal replay of a run not running here. */
export type RunStructure = Pick<CoreRunView, 'batches' | 'instances'> & Partial<Pick<CoreRunView, 'waitingForWindowUntil'>>;

export interface ProjectedLine {
  readonly at: number;
  readonly level: LogLevel;
  readonly text: string;
}

const instanceStateOf: Record<InstanceRunState, InstanceState> = {
  pending: 'pending',
  skipped: 'skipped',
  moving: 'upgrading',
  waitingHealth: 'waitingHealth',
  succeeded: 'succeeded',
  failed: 'failed',
  rollingBack: 'rollingBack',
  rolledBack: 'rolledBack',
  rollbackFailed: 'failed',
  // O8 maxSurge: the old instance is deleted once its replacement is healthy; its cell leaves with it.
  replaced: 'succeeded',
};

const runStatusOf: Record<Exclude<RunState, 'finished'>, RunStatus> = {
  starting: 'running',
  prechecking: 'running',
  running: 'running',
  awaitingApproval: 'waitingApproval',
  paused: 'paused',
  pausingBetweenBatches: 'pausingBetweenBatches',
  // Issue 16: its own status; the executor's view says until when (RunView.windowOpensAt).
  waitingForWindow: 'waitingForWindow',
};

const outcomeStatus: Record<RunOutcome, RunStatus> = {
  succeeded: 'completed',
  completedWithFailures: 'completedWithFailures',
  aborted: 'aborted',
  refused: 'refused',
  cancelled: 'cancelled',
  rejected: 'rejected',
  failed: 'failed',
};

function bakeViewOf(event: Extract<RunEvent, { type: 'bake' }>, previous: BakeView | undefined): BakeView {
  const startedAt = previous?.batch === event.batch ? previous.startedAt : event.at;
  const gates = (event.verdicts ?? []).map((v) => ({
    gate: v.gate,
    ok: v.ok,
    detail: v.detail,
    ...(v.alerts ? { alerts: v.alerts.map((a) => ({ name: a.name, severity: a.severity, startDateTime: a.startDateTime, target: a.targetResource.split('/').slice(-1)[0] ?? '' })) } : {}),
    ...(v.metric ? { metric: v.metric } : {}),
  }));
  return { batch: event.batch, state: event.state === 'started' ? 'baking' : event.state, startedAt, endsAt: event.endsAt, gates };
}

function bakeLine(event: Extract<RunEvent, { type: 'bake' }>): string {
  if (event.state === 'started') return `Batch ${event.batch + 1}: baking until ${new Date(event.endsAt).toISOString().slice(11, 19)} UTC`;
  const verdicts = (event.verdicts ?? []).map((v) => `${v.gate} ${v.ok ? 'ok' : 'BREACHED'}: ${v.detail}`).join('; ');
  return `Batch ${event.batch + 1}: bake ${event.state}${verdicts ? ` — ${verdicts}` : ''}`;
}

const gateName = { alerts: 'Alert gate', health: 'Health gate', metric: 'Metric gate' } as const;

const gateTitles = {
  canary: 'The canary batch is done — continue with the rest?',
  zone: 'A zone is done — continue with the next zone?',
  batch: 'A batch is done — continue with the next one?',
  breach: 'A bake gate was breached — continue anyway (reject rolls the batch back)?',
} as const;

export function describeStrategy(strategy: Strategy, plan: Pick<RolloutPlan, 'batchLimit' | 'policy'>): string {
  const base = {
    percentage: `${plan.policy.maxBatchInstancePercent}% per batch (at most ${plan.batchLimit})`,
    count: `${strategy.count ?? plan.batchLimit} per batch`,
    updateDomain: 'one update domain at a time',
    faultDomain: 'one fault domain at a time',
    zoneThenUpdateDomain: 'zone by zone, whole update domains per batch',
    crossZone: `across zones, ${plan.policy.maxBatchInstancePercent}% per batch`,
    explicit: 'chosen batches',
  }[strategy.kind];
  return strategy.canary ? `canary of ${strategy.canary}, then ${base}` : base;
}

function cellOf(instance: PlannedInstance, state: InstanceState): InstanceCell {
  return {
    id: instance.instanceId,
    name: instance.name,
    state,
    zone: instance.zone,
    updateDomain: instance.updateDomain,
    faultDomain: instance.faultDomain,
    version: instance.currentVersion,
  };
}

function batchLabel(batch: RolloutPlan['batches'][number]): string | undefined {
  if (batch.kind === 'canary') return 'canary';
  if (batch.zone !== undefined) return `zone ${batch.zone}`;
  return undefined;
}

function countsOf(cells: readonly InstanceCell[]): RunCounts {
  const count = (...states: InstanceState[]) => cells.filter((c) => states.includes(c.state)).length;
  return {
    total: cells.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    rolledBack: count('rolledBack'),
    inProgress: count('upgrading', 'waitingHealth', 'unhealthy', 'rollingBack'),
    pending: count('pending'),
  };
}

/** One run: the plan gives the batches and instances; events move them along. */
export class RunProjection {
  private status: RunStatus = 'planned';
  private windowOpensAt: number | undefined;
  private readonly cells = new Map<string, InstanceCell>();
  private batches: BatchRow[];
  private readonly lastHealth = new Map<string, string>();
  private gate: GateView | undefined;
  private bake: BakeView | undefined;
  private startedAt: number | undefined;
  private endedAt: number | undefined;
  private outcome: string | undefined;

  constructor(
    readonly runId: string,
    private readonly plan: RolloutPlan,
  ) {
    for (const batch of plan.batches) for (const i of batch.instances) this.cells.set(i.instanceId, cellOf(i, 'pending'));
    for (const s of plan.skipped) this.cells.set(s.instance.instanceId, { ...cellOf(s.instance, s.reason === 'onTarget' ? 'upToDate' : 'skipped'), detail: s.reason === 'onTarget' ? 'already on the target image' : 'not selected' });
    this.batches = plan.batches.map((b) => ({ index: b.index, instanceIds: b.instances.map((i) => i.instanceId), status: 'pending', label: batchLabel(b) }));
  }

  get gateId(): string | undefined {
    return this.gate?.id;
  }

  get finished(): boolean {
    return this.endedAt !== undefined;
  }

  /** Shows a run found unfinished in the journal and not running in this window. */
  markInterrupted(): void {
    if (!this.finished) this.status = 'interrupted';
  }

  /**
   * Aligns batches and instance states with the executor's own view: the executor may split a batch
   * (O2) and renumber the ones after it, and a resumed run starts from its journal, not from events.
   */
  sync(structure: RunStructure): void {
    this.windowOpensAt = structure.waitingForWindowUntil;
    this.batches = structure.batches.map((b) => {
      const old = this.batches[b.index];
      const status: BatchStatus = old?.status && old.status !== 'pending' ? old.status : b.state === 'finished' ? 'succeeded' : b.state === 'started' ? 'running' : 'pending';
      return { index: b.index, instanceIds: [...b.instanceIds], status, startedAt: old?.startedAt, endedAt: old?.endedAt, label: b.kind === 'canary' ? 'canary' : this.zoneLabel(b.instanceIds) };
    });
    // O8 maxSurge: instances the run deleted are gone from the executor's view; new ones appear in it.
    for (const id of [...this.cells.keys()]) if (!(id in structure.instances)) this.cells.delete(id);
    for (const [id, state] of Object.entries(structure.instances)) {
      if (!this.cells.has(id)) this.cells.set(id, { id, name: id, state: instanceStateOf[state] });
      const cell = this.cells.get(id);
      const mapped = instanceStateOf[state];
      // A health reading may show more than the executor's state ("unhealthy" while it still waits).
      if (cell && !(cell.state === 'unhealthy' && mapped === 'waitingHealth') && !(cell.state === 'upToDate' && mapped === 'skipped')) this.cells.set(id, { ...cell, state: mapped });
    }
  }

  /** The user asked to stop; the executor reports `finished` when it has. */
  markCancelling(): void {
    if (!this.finished) this.status = 'cancelling';
  }

  view(): RunView {
    const instances = [...this.cells.values()];
    return {
      runId: this.runId,
      status: this.status,
      target: this.plan.target.description,
      strategy: describeStrategy(this.plan.strategy, this.plan),
      thresholds: { maxUnhealthyUpgradedPercent: this.plan.policy.maxUnhealthyUpgradedInstancePercent, maxUnhealthyPercent: this.plan.policy.maxUnhealthyInstancePercent },
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      outcome: this.outcome,
      counts: countsOf(instances),
      batches: this.batches.map((b) => ({ ...b })),
      instances,
      gate: this.gate,
      ...(this.status === 'waitingForWindow' && this.windowOpensAt !== undefined ? { windowOpensAt: this.windowOpensAt } : {}),
      ...(this.bake ? { bake: this.bake } : {}),
    };
  }

  /** Applies one event; returns the log lines it is worth (none for a repeated health reading). */
  apply(event: RunEvent): ProjectedLine[] {
    this.startedAt ??= event.at;
    const line = (level: LogLevel, text: string): ProjectedLine[] => [{ at: event.at, level, text }];
    switch (event.type) {
      case 'run':
        // The `finished` event that follows says how it ended; this one would only repeat it.
        if (event.state === 'finished') return [];
        if (this.status !== 'cancelling') this.status = runStatusOf[event.state];
        return line('info', `Run ${event.state}${event.message ? `: ${event.message}` : ''}`);
      case 'batch': {
        const batch = this.batches[event.index];
        if (batch) {
          const status: BatchStatus = event.state === 'rechecking' || event.state === 'moving' ? 'running' : event.state;
          this.batches[event.index] = {
            ...batch,
            status,
            startedAt: batch.startedAt ?? event.at,
            endedAt: status === 'succeeded' || status === 'failed' ? event.at : undefined,
          };
        }
        return line(event.state === 'failed' ? 'error' : 'info', `Batch ${event.index + 1}: ${event.state}${event.message ? ` — ${event.message}` : ''}`);
      }
      case 'instance': {
        const cell = this.cells.get(event.instanceId);
        const state = instanceStateOf[event.state];
        if (cell) {
          const version = event.state === 'succeeded' ? (this.plan.target.image.exactVersion ?? this.plan.target.image.version ?? cell.version) : cell.version;
          this.cells.set(event.instanceId, { ...cell, state, version, detail: event.detail ?? (event.state === 'rollbackFailed' ? 'rollback failed' : undefined) });
        }
        const level: LogLevel = event.state === 'failed' || event.state === 'rollbackFailed' ? 'error' : event.state === 'rollingBack' || event.state === 'rolledBack' ? 'warning' : 'info';
        return line(level, `Instance ${event.instanceId}: ${event.state}${event.detail ? ` — ${event.detail}` : ''}`);
      }
      case 'health': {
        if (this.lastHealth.get(event.instanceId) === event.health) return [];
        this.lastHealth.set(event.instanceId, event.health);
        const cell = this.cells.get(event.instanceId);
        // H3: Unknown counts as unhealthy while the batch waits; the cell shows it until the verdict.
        if (cell && cell.state === 'waitingHealth' && (event.health === 'unhealthy' || event.health === 'unknown')) this.cells.set(event.instanceId, { ...cell, state: 'unhealthy', detail: `reports ${event.health}` });
        if (cell && cell.state === 'unhealthy' && event.health === 'healthy') this.cells.set(event.instanceId, { ...cell, state: 'waitingHealth', detail: undefined });
        return line(event.health === 'healthy' || event.health === 'initializing' ? 'info' : 'warning', `Instance ${event.instanceId} reports ${event.health}`);
      }
      case 'rollback':
        if (event.state === 'started') return line('warning', `Rolling back instance ${event.instanceId}${event.toVersion ? ` to ${event.toVersion}` : ''} (O4)`);
        return line(event.state === 'failed' ? 'error' : 'warning', `Rollback of instance ${event.instanceId} ${event.state === 'done' ? 'done' : 'failed'}`);
      case 'gate':
        if (event.state === 'open') {
          const breach = event.reason === 'breach' ? (this.bake?.gates ?? []).filter((g) => !g.ok).map((g) => `${gateName[g.gate]}: ${g.detail}. `).join('') : '';
          this.gate = { id: `gate-${event.afterBatch}`, title: gateTitles[event.reason], detail: `${breach}${this.gateDetail(event.afterBatch)}`, openedAt: event.at };
          return line('warning', `Waiting for approval after batch ${event.afterBatch + 1} (${event.reason})`);
        }
        this.gate = undefined;
        return line(event.state === 'rejected' ? 'warning' : 'info', `Gate after batch ${event.afterBatch + 1} ${event.state}`);
      case 'bake': {
        this.bake = bakeViewOf(event, this.bake);
        const batch = this.batches[event.batch];
        // The batch stays open while it bakes; its row says so (its batchFinished comes after the verdict).
        if (batch && event.state === 'started') this.batches[event.batch] = { ...batch, status: 'baking' };
        return line(event.state === 'breached' ? 'error' : 'info', bakeLine(event));
      }
      case 'check':
        return line(event.ok ? 'info' : 'error', `${event.rule}: ${event.unhealthy} of ${event.total} unhealthy (limit ${event.limitPercent}%) — ${event.ok ? 'ok' : 'limit exceeded'}`);
      case 'warning':
        return line('warning', event.message);
      case 'surge':
        return this.applySurge(event, line);
      case 'finished':
        this.status = outcomeStatus[event.outcome];
        this.endedAt = event.at;
        this.gate = undefined;
        this.outcome = event.summary.reason ?? (event.outcome === 'succeeded' ? 'Every planned instance is on the target image.' : undefined);
        return line(event.outcome === 'succeeded' ? 'info' : event.outcome === 'completedWithFailures' || event.outcome === 'cancelled' ? 'warning' : 'error', `Run finished: ${event.outcome}${event.summary.reason ? ` — ${event.summary.reason}` : ''}`);
    }
  }

  /** O8 maxSurge: new instances get cells (and join their batch) mid-run; deleted ones leave. */
  private applySurge(event: Extract<RunEvent, { type: 'surge' }>, line: (level: LogLevel, text: string) => ProjectedLine[]): ProjectedLine[] {
    const batch = this.batches[event.batch];
    if (event.state === 'created') {
      for (const i of event.created ?? []) {
        this.cells.set(i.instanceId, { id: i.instanceId, name: i.name, state: 'waitingHealth', zone: i.zone, updateDomain: i.updateDomain, faultDomain: i.faultDomain, detail: `replaces ${i.replaces}` });
      }
      if (batch) this.batches[event.batch] = { ...batch, instanceIds: [...batch.instanceIds, ...event.instanceIds.filter((id) => !batch.instanceIds.includes(id))] };
      return line('info', `Batch ${event.batch + 1}: created ${event.instanceIds.join(', ')} (maxSurge)`);
    }
    if (event.state === 'deleted') {
      for (const id of event.instanceIds) this.cells.delete(id);
      if (batch) this.batches[event.batch] = { ...batch, instanceIds: batch.instanceIds.filter((id) => !event.instanceIds.includes(id)) };
      return line('info', `Batch ${event.batch + 1}: deleted ${event.instanceIds.join(', ')} (maxSurge)`);
    }
    if (event.state === 'refused') return line('warning', `Batch ${event.batch + 1}: scale-out refused, moving in place — ${event.message ?? ''}`);
    return line('info', event.message ?? `Batch ${event.batch + 1}: scaling out (maxSurge)`);
  }

  private zoneLabel(ids: readonly string[]): string | undefined {
    const zones = new Set(ids.map((id) => this.cells.get(id)?.zone));
    const [zone] = zones;
    return zones.size === 1 && zone !== undefined ? `zone ${zone}` : undefined;
  }

  private gateDetail(afterBatch: number): string {
    const c = countsOf([...this.cells.values()]);
    return `After batch ${afterBatch + 1} of ${this.batches.length}: ${c.succeeded} upgraded, ${c.failed} failed, ${c.rolledBack} rolled back, ${c.pending} pending.`;
  }
}
