// What a rehearsal predicts, in one shape for `rehearse --json`, the text output and the dashboard:
// the batches as they went on the private simulator, where the run stopped and why, what was rolled
// back, the simulated duration next to the plan's prediction, and the ARM calls it cost.
import type { ScaleSetRef } from '../azure/gateway';
import type { InstanceRunState, RolloutPlan, RunEvent, RunOutcome, RunSummary } from '../core/contract';

export interface RehearsedBatch {
  readonly index: number;
  readonly kind: RolloutPlan['batches'][number]['kind'];
  readonly instanceIds: readonly string[];
  /** `notStarted` when the run stopped before it. */
  readonly result: 'succeeded' | 'failed' | 'notStarted';
  readonly failed: readonly string[];
  readonly rolledBack: readonly string[];
}

export interface RehearsalReport {
  readonly rehearsal: true;
  readonly scaleSet: ScaleSetRef;
  readonly outcome: RunOutcome;
  readonly reason?: string;
  readonly target?: string;
  readonly batches: readonly RehearsedBatch[];
  /** The first batch that failed or after which the run stopped (1-based), and why. */
  readonly stoppedAt?: { readonly batch: number; readonly reason: string };
  readonly instances?: RunSummary['instances'];
  readonly predictedMs?: number;
  /** Simulated time the rehearsed run took. */
  readonly durationMs?: number;
  readonly arm?: RunSummary['arm'];
  /** What the rehearsal assumed: the faults, gate answers, the snapshot's notes. */
  readonly assumptions: readonly string[];
}

interface ReportInput {
  readonly ref: ScaleSetRef;
  readonly refused?: readonly string[];
  readonly plan?: RolloutPlan;
  readonly summary?: RunSummary;
  readonly events?: readonly RunEvent[];
  readonly assumptions: readonly string[];
}

function batchesOf(plan: RolloutPlan, events: readonly RunEvent[], finalStates: Readonly<Record<string, InstanceRunState>>): RehearsedBatch[] {
  const last = new Map<number, string>();
  for (const e of events) if (e.type === 'batch' && e.state !== 'rechecking') last.set(e.index, e.state);
  return plan.batches.map((b) => {
    const ids = b.instances.map((i) => i.instanceId);
    const state = last.get(b.index);
    const failed = ids.filter((id) => ['failed', 'rolledBack', 'rollbackFailed'].includes(finalStates[id] ?? ''));
    return {
      index: b.index,
      kind: b.kind,
      instanceIds: ids,
      result: state === undefined ? 'notStarted' : state === 'succeeded' && failed.length === 0 ? 'succeeded' : 'failed',
      failed,
      rolledBack: ids.filter((id) => finalStates[id] === 'rolledBack'),
    };
  });
}

export function reportOf(input: ReportInput): RehearsalReport {
  const { ref, plan, summary } = input;
  if (input.refused || !plan || !summary) {
    const reason = input.refused?.join(' ') ?? 'the rehearsal did not run';
    return { rehearsal: true, scaleSet: ref, outcome: 'refused', reason, batches: [], stoppedAt: { batch: 1, reason }, assumptions: input.assumptions };
  }
  const batches = batchesOf(plan, input.events ?? [], summary.finalStates);
  const firstFailed = batches.find((b) => b.result === 'failed');
  const lastStarted = [...batches].reverse().find((b) => b.result !== 'notStarted');
  // A run refused by its precheck (O1) stops before its first batch.
  const stopped = summary.outcome !== 'succeeded' ? (firstFailed ?? lastStarted ?? batches[0]) : undefined;
  return {
    rehearsal: true,
    scaleSet: ref,
    outcome: summary.outcome,
    ...(summary.reason ? { reason: summary.reason } : {}),
    target: summary.target,
    batches,
    ...(stopped ? { stoppedAt: { batch: stopped.index + 1, reason: summary.reason ?? summary.outcome } } : {}),
    instances: summary.instances,
    predictedMs: plan.predictedMs,
    durationMs: summary.durationMs,
    arm: summary.arm,
    assumptions: input.assumptions,
  };
}

export function reportLines(report: RehearsalReport, formatDuration: (ms: number) => string): string[] {
  const lines = [`REHEARSAL of ${report.scaleSet.name} (private simulator; nothing in Azure changes): ${report.outcome}${report.reason ? ` — ${report.reason}` : ''}`];
  for (const b of report.batches) {
    const extra = [b.failed.length ? `failed ${b.failed.join(', ')}` : '', b.rolledBack.length ? `rolled back ${b.rolledBack.join(', ')}` : ''].filter(Boolean).join('; ');
    lines.push(`  batch ${b.index + 1}${b.kind === 'canary' ? ' (canary)' : ''}: ${b.result} [${b.instanceIds.join(', ')}]${extra ? ` — ${extra}` : ''}`);
  }
  if (report.stoppedAt) lines.push(`Stops at batch ${report.stoppedAt.batch}: ${report.stoppedAt.reason}`);
  if (report.durationMs !== undefined) lines.push(`Duration ${formatDuration(report.durationMs)} simulated (plan predicted ${formatDuration(report.predictedMs ?? 0)})`);
  if (report.arm) lines.push(`ARM: ${report.arm.calls} calls, ${report.arm.retries} retries, ${report.arm.throttled} throttled, ${report.arm.serverErrors} server errors`);
  for (const a of report.assumptions) lines.push(`Assumed: ${a}`);
  return lines;
}
