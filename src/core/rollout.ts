// The core's front door, shared by the extension and the CLI: plan (a dry run that reads Azure and
// changes nothing), start a run from a plan, resume an unfinished run from its journal.
import type { AlertsReader } from '../azure/alerts/alertsClient';
import { alertsFor } from '../azure/alerts/alertsFor';
import type { MetricsReader } from '../azure/metrics/metricTypes';
import { metricsFor } from '../azure/metrics/metricsFor';
import type { AzureGateway, InstanceSnapshot, ScaleSetRef, VirtualMachineScaleSet } from '../azure/gateway';
import { scaleSetId } from '../azure/gateway';
import { type Clock, realClock } from '../shared/clock';
import type { DurationEstimates, Gates, RolloutPlan, RolloutPolicy, Strategy, UpgradeTarget } from './contract';
import { calibrateEstimates, platformBatchCount } from './planner/calibrateEstimates';
import { healthTimingOf } from './planner/healthTiming';
import { RolloutExecutor } from './executor/executor';
import type { LeaseOptions } from './executor/states/lease';
import { defaultRetryPlan, type RetryPlan, withRetries } from './executor/transient';
import type { JournalEntry } from './journal/records';
import { replayJournal, startProgress } from './journal/replay';
import { describeReadProblems, type JournalStore } from './journal/journalStore';
import { planRollout } from './planner/planRollout';
import { holdProblem, upgradePolicyOf } from './planner/policyHold';
import { type PolicyOverrides, resolvePolicy } from './policy';
import { resolveTarget } from './target';
import { scheduleInWindows, type WindowChoice } from './planner/windowSchedule';
import { MaintenanceWindowError } from '../shared/maintenance/maintenanceWindow';

export interface PlanRequest {
  readonly ref: ScaleSetRef;
  readonly target: UpgradeTarget;
  readonly strategy: Strategy;
  readonly policy?: PolicyOverrides;
  readonly gates?: Partial<Gates>;
  readonly estimates?: Partial<DurationEstimates>;
  readonly signal?: AbortSignal;
  /** Issue 16: batches start only inside this maintenance window; 'scaleSet': the set's own OS-image maintenance configuration. */
  readonly window?: WindowChoice | 'scaleSet';
}

export type PlanResult =
  | { readonly ok: true; readonly plan: RolloutPlan; readonly scaleSet: VirtualMachineScaleSet; readonly instances: readonly InstanceSnapshot[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Reads the set, its policy, the target (A7) and its instances, and plans. Changes nothing. */
export async function planFromAzure(gateway: AzureGateway, request: PlanRequest, clock: Clock = realClock, retry: RetryPlan = defaultRetryPlan): Promise<PlanResult> {
  const again = <T>(op: () => Promise<T>) => withRetries(clock, request.signal, op, retry);
  const scaleSet = await again(() => gateway.getScaleSet(request.ref, request.signal));
  const policy = resolvePolicy(scaleSet, request.policy);
  if (!policy.ok) return { ok: false, errors: policy.errors };
  const target = await again(() => resolveTarget(gateway, request.ref, scaleSet, request.target, request.signal));
  if (!target.ok) return { ok: false, errors: [target.error] };
  const upgradePolicy = upgradePolicyOf(scaleSet);
  const problem = holdProblem(upgradePolicy, target.target);
  if (problem) return { ok: false, errors: [problem] };
  const instances = await again(() => gateway.listInstances(request.ref, request.signal));
  const estimates = request.estimates ?? (await estimatesFromSet(gateway, request, scaleSet, instances, policy.policy, again));
  try {
    const plan = planRollout({
      scaleSetId: scaleSetId(request.ref),
      instances,
      target: target.target,
      policy: policy.policy,
      strategy: request.strategy,
      upgradePolicy,
      ...(request.gates ? { gates: request.gates } : {}),
      estimates,
    });
    if (!request.window) return { ok: true, plan, scaleSet, instances };
    const choice = request.window === 'scaleSet' ? await setWindow(gateway, request, again) : request.window;
    if (typeof choice === 'string') return { ok: false, errors: [choice] };
    return { ok: true, plan: { ...plan, window: scheduleInWindows(plan, choice, clock.now()) }, scaleSet, instances };
  } catch (err) {
    if (err instanceof RangeError || err instanceof MaintenanceWindowError) return { ok: false, errors: [err.message] };
    throw err;
  }
}

/** Issue 16: the set's own OS-image maintenance window as the run's window, or why there is none. */
async function setWindow(gateway: AzureGateway, request: PlanRequest, again: <T>(op: () => Promise<T>) => Promise<T>): Promise<WindowChoice | string> {
  if (!gateway.osImageMaintenance) return 'This connection cannot read maintenance configurations (Microsoft.Maintenance).';
  const found = await again(() => gateway.osImageMaintenance!(request.ref, request.signal));
  if (!found) return `${request.ref.name} has no OS-image maintenance configuration with a window; give one with --window.`;
  return { source: 'scaleSet', configurationId: found.configurationId, window: found.window };
}

/** The plan's duration estimates from the set's own upgrade history and health settings (calibrateEstimates.ts). */
async function estimatesFromSet(
  gateway: AzureGateway,
  request: PlanRequest,
  scaleSet: VirtualMachineScaleSet,
  instances: readonly InstanceSnapshot[],
  policy: RolloutPolicy,
  again: <T>(op: () => Promise<T>) => Promise<T>,
): Promise<Partial<DurationEstimates>> {
  // The history only sharpens the estimate: a set whose history cannot be read is planned on defaults.
  const history = await again(() => gateway.listOsUpgradeHistory(request.ref, request.signal)).catch(() => []);
  const zones = instances.map((i) => i.zone);
  return calibrateEstimates({
    history,
    health: healthTimingOf(scaleSet),
    batchesFor: (n) => platformBatchCount(zones, policy.maxBatchInstancePercent, n),
    pauseBetweenBatchesMs: policy.pauseBetweenBatchesMs,
  });
}

export interface RunDependencies {
  readonly gateway: AzureGateway;
  /** Azure Monitor alerts for the bake's alert gate; default: through the gateway's own clients. */
  readonly alerts?: AlertsReader;
  /** Azure Monitor metrics for the bake's metric gates; default: through the gateway's own clients. */
  readonly metrics?: MetricsReader;
  readonly clock: Clock;
  readonly store: JournalStore;
  readonly retry?: RetryPlan;
  readonly moveTimeoutMs?: number;
  /** Issue 17: the scale set's lease — holder name, breaking a stale lease on purpose, timings. */
  readonly lease?: LeaseOptions;
}

function alertsOf(deps: RunDependencies): { alerts?: AlertsReader; metrics?: MetricsReader } {
  const alerts = deps.alerts ?? alertsFor(deps.gateway);
  const metrics = deps.metrics ?? metricsFor(deps.gateway);
  return { ...(alerts ? { alerts } : {}), ...(metrics ? { metrics } : {}) };
}

export class UnfinishedRunError extends Error {
  constructor(readonly runIds: readonly string[]) {
    super(`An unfinished run exists for this scale set (${runIds.join(', ')}): resume it or let it finish before starting another.`);
  }
}

/** Writes the run's first record (the plan) and returns its executor; call `run()` to start it. */
export function startRun(deps: RunDependencies, ref: ScaleSetRef, plan: RolloutPlan): RolloutExecutor {
  const unfinished = deps.store.unfinished(scaleSetId(ref));
  if (unfinished.length > 0) throw new UnfinishedRunError(unfinished.map((r) => r.runId));
  const now = deps.clock.now();
  const runId = deps.store.newRunId(ref.name, now);
  const sink = deps.store.open(runId);
  const first: JournalEntry = { type: 'runStarted', runId, scaleSet: ref, plan, startedAt: now, seq: 1, at: now };
  sink.append(first);
  return new RolloutExecutor({ ...deps, ...alertsOf(deps), sink, progress: startProgress(first), lastSeq: 1 });
}

export interface Resumed {
  readonly executor: RolloutExecutor;
  /** What reading the journal found (a partial last record from a crash, damaged lines). */
  readonly problems: readonly string[];
}

/** Replays an unfinished run's journal; the executor then reads Azure before it moves anything. */
export function resumeRun(deps: RunDependencies, runId: string): Resumed {
  const report = deps.store.read(runId);
  const progress = replayJournal(report.entries);
  if (!progress) throw new Error(`The journal of run ${runId} has no start record; it cannot be resumed.`);
  const sink = deps.store.open(runId);
  const lastSeq = Math.max(0, ...report.entries.map((e) => e.seq));
  const executor = new RolloutExecutor({ ...deps, ...alertsOf(deps), sink, progress, lastSeq });
  // A run is resumed on purpose: a pause recorded before the stop is lifted.
  if (progress.paused && !progress.finished) executor.send({ type: 'resume' });
  return { executor, problems: describeReadProblems(report) };
}
