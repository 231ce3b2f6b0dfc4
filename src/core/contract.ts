// The orchestrator's contract with everything outside it: targets, policy, the plan, the events it
// publishes and the commands it accepts. Types only, no runtime imports — the webview contract, the
// tree, the status bar and the CLI import this module; none of them reaches into executor state
// (design.md: events out, commands in).
import type { HealthState, ImageRef } from '../azure/gateway';
import type { MaintenanceWindow } from '../shared/maintenance/maintenanceWindow';

export type { HealthState, ImageRef };

// ── Targets ─────────────────────────────────────────────────────────────────────────────────────

/** What the user asks for. */
export type UpgradeTarget =
  /** A7: the newest version of the set's own platform image (publisher/offer/sku unchanged). */
  | { readonly kind: 'latest' }
  /** A platform-image version of the set's own SKU: upgrade, pin, or downgrade. */
  | { readonly kind: 'version'; readonly version: string }
  /** O9/A3: a different SKU of the same publisher and offer (a model change). */
  | { readonly kind: 'sku'; readonly sku: string; readonly version?: string }
  /** O9: an Azure Compute Gallery image (definition or version id) or a managed custom image id. */
  | { readonly kind: 'image'; readonly id: string };

/**
 * How an instance is moved to the target.
 * - `reimage`: `POST …/reimage {instanceIds, exactVersion}` per batch (one long-running operation);
 *   the model is left as it is (typically `latest`).
 * - `model`: update the scale set model, then `POST …/manualupgrade {instanceIds}` per batch (O9).
 */
export type MoveMethod = 'reimage' | 'model';

export interface ResolvedTarget {
  readonly request: UpgradeTarget;
  readonly method: MoveMethod;
  /** The image reference the instances must end up on (exact version when known). */
  readonly image: ImageRef;
  /** For `model`: the model's image reference before the run (what a rollback restores). */
  readonly previousModelImage: ImageRef;
  /** For `model`: the image reference the model is set to. */
  readonly modelImage?: ImageRef;
  /** Human-readable, e.g. "Canonical/ubuntu-24_04-lts/server 24.04.202501010". */
  readonly description: string;
  /** How a failed instance goes back: reimage to its previous exact version, or the model flip. */
  readonly rollbackMethod: 'reimageExactVersion' | 'modelRevert';
}

// ── Policy ──────────────────────────────────────────────────────────────────────────────────────

export interface RolloutPolicy {
  /** O2: 5–100. */
  readonly maxBatchInstancePercent: number;
  /** O1/O6: 5–100. */
  readonly maxUnhealthyInstancePercent: number;
  /** O5: 0–100. */
  readonly maxUnhealthyUpgradedInstancePercent: number;
  /** O8: ISO 8601 as given, and in milliseconds. */
  readonly pauseTimeBetweenBatches: string;
  readonly pauseBetweenBatchesMs: number;
  readonly prioritizeUnhealthyInstances: boolean;
  readonly enableCrossZoneUpgrade: boolean;
  /** O4: roll failed instances back (default on; `disableAutomaticRollback` turns it off). */
  readonly rollbackFailedInstances: boolean;
  /** O8: create new VMs per batch before deleting old ones (falls back to in-place when quota is short). */
  readonly maxSurge: boolean;
  /** O4: how long one batch may take to become healthy (default 5 minutes). */
  readonly healthTimeoutMs: number;
  /** How often health is read while waiting (simulated time). */
  readonly healthPollMs: number;
}

// ── Plan ────────────────────────────────────────────────────────────────────────────────────────

export type StrategyKind =
  | 'percentage'
  | 'count'
  | 'updateDomain'
  | 'faultDomain'
  | 'zoneThenUpdateDomain'
  | 'crossZone'
  | 'explicit';

export interface Strategy {
  readonly kind: StrategyKind;
  /** `count`: instances per batch. */
  readonly count?: number;
  /** `explicit` (T1): the batches, as lists of instance ids. */
  readonly batches?: readonly (readonly string[])[];
  /** Instances in a canary first batch (0 or absent: no canary). */
  readonly canary?: number;
}

export interface Gates {
  readonly afterCanary: boolean;
  readonly afterEachZone: boolean;
  readonly afterEachBatch: boolean;
  /** Bake time and evidence gates after the canary and after every batch (issue 16); absent: none. */
  readonly bake?: BakeGates;
}

/** Azure Monitor alert severities (AlertsManagement 2019-03-01, Essentials.severity): Sev0 is the highest. */
export type AlertSeverity = 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';

/**
 * After a batch: wait `bakeMs`, watching the gates; the next batch starts only when every gate passed.
 * - health: every instance the run moved stayed healthy for the whole bake (read from Azure, not assumed);
 * - alerts (optional): no Azure Monitor alert started on the scale set (or its resource group) between the
 *   batch's start and the end of its bake.
 * A breach rolls the batch back and aborts (`rollback`), or opens an approval gate for a person (`pause`).
 */
export interface BakeGates {
  /** ISO 8601 as given (e.g. PT10M), and in milliseconds (0: gates are checked once, without waiting). */
  readonly bake: string;
  readonly bakeMs: number;
  readonly alerts?: AlertGate;
  /** Metric thresholds (Azure Monitor platform metrics of the scale set, metrics:getBatch); absent: none. */
  readonly metrics?: readonly MetricGate[];
  readonly onBreach: 'rollback' | 'pause';
}

/** Azure Monitor aggregation types (metricBatch.json 2024-02-01, MetricValue fields average…count). */
export type MetricAggregation = 'Average' | 'Minimum' | 'Maximum' | 'Total' | 'Count';
export type MetricOperator = '>' | '>=' | '<' | '<=';

/**
 * A metric threshold gate (issue 16), e.g. `Percentage CPU>90 avg PT5M`: the scale set's metric, aggregated
 * over each interval since the batch began, breaches when one interval's value is on the wrong side of the
 * threshold (here: the average over some 5 minutes above 90).
 */
export interface MetricGate {
  /** As the user wrote it (shown in plans and evidence). */
  readonly text: string;
  /** The metric's REST name (e.g. `Percentage CPU`). */
  readonly metric: string;
  /** The metric namespace: the scale set's resource type (platform metrics). */
  readonly namespace: string;
  readonly operator: MetricOperator;
  readonly threshold: number;
  readonly aggregation: MetricAggregation;
  /** ISO 8601 time grain (e.g. PT5M) and in milliseconds. */
  readonly interval: string;
  readonly intervalMs: number;
}

/** What a metric gate read: the worst interval and the ones that crossed the threshold. */
export interface MetricEvidence {
  readonly text: string;
  /** Intervals that had a value. */
  readonly points: number;
  /** The interval furthest towards (or past) the threshold. */
  readonly worst?: { readonly timeStamp: string; readonly value: number };
  /** Intervals past the threshold (the first five). */
  readonly breaches: readonly { readonly timeStamp: string; readonly value: number }[];
}

export interface AlertGate {
  /** `scaleSet`: alerts on the set or one of its instances; `resourceGroup`: on anything in the set's group. */
  readonly scope: 'scaleSet' | 'resourceGroup';
  /** Only these severities breach; absent: any severity. */
  readonly severities?: readonly AlertSeverity[];
}

/** One fired alert, as evidence of a gate's verdict. */
export interface AlertEvidence {
  readonly id: string;
  readonly name: string;
  readonly severity: string;
  readonly targetResource: string;
  /** When the alert started (ISO 8601, as Azure gives it). */
  readonly startDateTime: string;
  readonly monitorCondition: string;
}

/** A gate's verdict at the end of (or during) a bake, with the evidence it rests on. */
export interface GateVerdict {
  readonly gate: 'health' | 'alerts' | 'metric';
  readonly ok: boolean;
  readonly detail: string;
  /** health: instances that were not healthy when read. */
  readonly unhealthy?: readonly string[];
  /** alerts: the alerts that fired in the window. */
  readonly alerts?: readonly AlertEvidence[];
  /** metric: what the threshold gate read (issue 16). */
  readonly metric?: MetricEvidence;
  /** The window the alerts were asked for (epoch ms). */
  readonly window?: { readonly from: number; readonly to: number };
}

export interface PlannedInstance {
  readonly instanceId: string;
  readonly name: string;
  readonly zone?: string;
  readonly updateDomain?: number;
  readonly faultDomain?: number;
  readonly health: HealthState;
  readonly currentVersion?: string;
}

export interface PlannedBatch {
  readonly index: number;
  readonly kind: 'canary' | 'batch';
  readonly instances: readonly PlannedInstance[];
  /** Set when every instance is in one zone. */
  readonly zone?: string;
  readonly updateDomains: readonly number[];
  readonly faultDomains: readonly number[];
  /** Move + health confirmation (+ the bake after it, issue 16), simulated milliseconds. */
  readonly predictedMs: number;
  /** An approval gate opens after this batch. */
  readonly gateAfter?: 'canary' | 'zone' | 'batch';
  /** O8 maxSurge: new instances this batch creates before it deletes as many old ones. */
  readonly surge?: number;
}

/** Why an approval gate opened: planned after a batch, or a bake gate breached with `onBreach: 'pause'`. */
export type GateReason = NonNullable<PlannedBatch['gateAfter']> | 'breach';

export interface SkippedInstance {
  readonly instance: PlannedInstance;
  readonly reason: 'onTarget' | 'notSelected';
}

export interface DurationEstimates {
  /** One move (reimage or manual upgrade) of a batch. */
  readonly moveMs: number;
  /** Health confirmation after a move. */
  readonly healthMs: number;
  /** H2: the health extension's grace period after a move (the set's own settings), when known. */
  readonly healthGraceMs?: number;
  /** H2: how often the extension's health can change (probe interval × probes in a row), when known. */
  readonly healthCheckIntervalMs?: number;
  /** Where moveMs and healthMs come from, for the plan's reader (e.g. "the set's last 3 OS upgrades"). */
  readonly basis?: string;
}

/** The set's upgrade policy as far as it decides what a model change does (O9) and whether the platform may
 * start its own OS upgrade during the run (A1, A4). */
export interface UpgradePolicyState {
  readonly mode: 'Automatic' | 'Manual' | 'Rolling';
  readonly automaticOSUpgrade: boolean;
}

/**
 * The set's policy held for the run, journaled and restored at its end: in Rolling or Automatic mode a
 * model change makes Azure upgrade the instances itself (its own rolling upgrade, or all at once), racing
 * the run; automatic OS upgrades may start a platform rolling upgrade at any time (A4).
 */
export interface PolicyHold {
  readonly original: UpgradePolicyState;
  readonly during: UpgradePolicyState;
}

export interface RolloutPlan {
  readonly scaleSetId: string;
  readonly target: ResolvedTarget;
  readonly strategy: Strategy;
  readonly policy: RolloutPolicy;
  readonly gates: Gates;
  readonly instanceCount: number;
  /** O2: the most instances a batch may take out of service. */
  readonly batchLimit: number;
  readonly batches: readonly PlannedBatch[];
  readonly skipped: readonly SkippedInstance[];
  /** Sum of batches plus the pauses between them (O8), simulated milliseconds. */
  readonly predictedMs: number;
  readonly estimates: DurationEstimates;
  readonly warnings: readonly string[];
  /** Present when the run changes the set's upgrade policy for its duration (and restores it). */
  readonly policyHold?: PolicyHold;
  /** Present when batches may start only inside a maintenance window (issue 16). */
  readonly window?: PlanWindow;
}

/** A maintenance window for the run and where each batch is predicted to land (planner/windowSchedule.ts). */
export interface PlanWindow {
  readonly window: MaintenanceWindow;
  readonly source: 'option' | 'scaleSet';
  readonly configurationId?: string;
  readonly batches: readonly { readonly index: number; readonly startsAt: number; readonly windowStart: number; readonly windowEnd: number; readonly overruns?: boolean }[];
  /** When the last batch is predicted to end. */
  readonly finishesAt: number;
  readonly warnings: readonly string[];
}

// ── Run state, events and commands ─────────────────────────────────────────────────────────────

export type RunState =
  | 'starting'
  | 'prechecking'
  | 'running'
  | 'awaitingApproval'
  | 'paused'
  | 'pausingBetweenBatches'
  /** Between batches, outside the run's maintenance window (issue 16). */
  | 'waitingForWindow'
  | 'finished';

export type RunOutcome =
  /** Every planned instance is on the target. */
  | 'succeeded'
  /** Every batch ran; some instances failed (and were rolled back unless rollback is off). */
  | 'completedWithFailures'
  /** O5 or O6 stopped the run. */
  | 'aborted'
  /** O1, a platform rolling upgrade in progress, or an invalid request: nothing was moved. */
  | 'refused'
  | 'cancelled'
  /** A gate was rejected. */
  | 'rejected'
  /** An error the run could not get past (Azure kept failing, the journal could not be written). */
  | 'failed';

export type BatchState = 'rechecking' | 'moving' | 'waitingHealth' | 'rollingBack' | 'succeeded' | 'failed';

export type InstanceRunState =
  | 'pending'
  | 'skipped'
  | 'moving'
  | 'waitingHealth'
  | 'succeeded'
  | 'failed'
  | 'rollingBack'
  | 'rolledBack'
  | 'rollbackFailed'
  /** O8 maxSurge: deleted after its new replacement became healthy. */
  | 'replaced';

export interface ArmCallSummary {
  readonly calls: number;
  readonly retries: number;
  readonly throttled: number;
  readonly serverErrors: number;
}

export interface RunSummary {
  readonly runId: string;
  readonly scaleSetId: string;
  readonly target: string;
  readonly outcome: RunOutcome;
  readonly reason?: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly durationMs: number;
  readonly batches: { readonly planned: number; readonly finished: number };
  readonly instances: {
    readonly total: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly rolledBack: number;
    readonly rollbackFailed: number;
    readonly skipped: number;
    readonly notStarted: number;
  };
  /** O8 maxSurge: new instances created and old ones deleted, and batches that moved in place for quota. */
  readonly surge?: { readonly created: number; readonly retired: number; readonly inPlaceBatches: number };
  /** Simulated time spent waiting for health, pausing between batches and waiting at gates. */
  readonly waits: { readonly healthMs: number; readonly pauseMs: number; readonly gateMs: number };
  /** ARM traffic of this process during the run (from `gateway.stats`). */
  readonly arm: ArmCallSummary;
  /** Issue 17: refused because another run holds the set's lease (named here; `expired`: it may be broken). */
  readonly leaseHeldBy?: { readonly holder: string; readonly runId: string; readonly expiresAt: number; readonly expired: boolean };
  /** Final state per instance that the run touched or planned. */
  readonly finalStates: Readonly<Record<string, InstanceRunState>>;
}

interface EventBase {
  readonly runId: string;
  /** Simulated epoch milliseconds (the injected clock). */
  readonly at: number;
}

export type RunEvent =
  | (EventBase & { readonly type: 'run'; readonly state: RunState; readonly message?: string })
  | (EventBase & { readonly type: 'batch'; readonly index: number; readonly state: BatchState; readonly instanceIds: readonly string[]; readonly message?: string })
  | (EventBase & { readonly type: 'instance'; readonly instanceId: string; readonly state: InstanceRunState; readonly batch: number; readonly detail?: string })
  | (EventBase & { readonly type: 'health'; readonly instanceId: string; readonly health: HealthState; readonly batch: number })
  | (EventBase & { readonly type: 'rollback'; readonly instanceId: string; readonly toVersion?: string; readonly state: 'started' | 'done' | 'failed' })
  | (EventBase & { readonly type: 'gate'; readonly afterBatch: number; readonly reason: GateReason; readonly state: 'open' | 'approved' | 'rejected' })
  /** Bake after a batch (issue 16): `started` (until `endsAt`), then `passed` or `breached` with each gate's verdict. */
  | (EventBase & { readonly type: 'bake'; readonly batch: number; readonly state: 'started' | 'passed' | 'breached'; readonly endsAt: number; readonly verdicts?: readonly GateVerdict[] })
  | (EventBase & { readonly type: 'check'; readonly rule: 'O1' | 'O5' | 'O6'; readonly ok: boolean; readonly unhealthy: number; readonly total: number; readonly limitPercent: number })
  | (EventBase & { readonly type: 'warning'; readonly message: string })
  /**
   * O8 maxSurge: `scalingOut` (the batch's old instances), `created` (the new instances, with where they
   * landed and what they replace), `refused` (quota: the batch moves in place), `deleted` (instances
   * removed from the set: old ones replaced, or failed replacements rolled back).
   */
  | (EventBase & { readonly type: 'surge'; readonly batch: number; readonly state: 'scalingOut' | 'created' | 'refused' | 'deleted'; readonly instanceIds: readonly string[]; readonly created?: readonly SurgeInstance[]; readonly message?: string })
  | (EventBase & { readonly type: 'finished'; readonly outcome: RunOutcome; readonly summary: RunSummary });

/** A new instance created by a surge batch (O8), for views keyed by instance id. */
export interface SurgeInstance {
  readonly instanceId: string;
  readonly name: string;
  readonly replaces: string;
  readonly zone?: string;
  readonly updateDomain?: number;
  readonly faultDomain?: number;
}

export type RunCommand =
  | { readonly type: 'approve' }
  | { readonly type: 'reject' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'cancelAfterBatch' }
  | { readonly type: 'cancelNow' };

/** A copy of where a run stands, for a subscriber that arrives late (a dashboard opened mid-run). */
export interface RunView {
  readonly runId: string;
  readonly scaleSetId: string;
  readonly target: string;
  readonly state: RunState;
  readonly outcome?: RunOutcome;
  readonly reason?: string;
  readonly batches: readonly { readonly index: number; readonly kind: PlannedBatch['kind']; readonly state: 'pending' | 'started' | 'finished'; readonly instanceIds: readonly string[]; readonly gateAfter?: PlannedBatch['gateAfter'] }[];
  readonly instances: Readonly<Record<string, InstanceRunState>>;
  readonly gate?: { readonly afterBatch: number; readonly reason: GateReason; readonly state: 'open' | 'approved' | 'rejected' };
  /** The last bake (issue 16): where it stands and each gate's verdict. */
  readonly bake?: { readonly batch: number; readonly startedAt: number; readonly endsAt: number; readonly state: 'baking' | 'passed' | 'breached'; readonly verdicts?: readonly GateVerdict[] };
  readonly paused: boolean;
  readonly cancelRequested?: 'afterBatch' | 'now';
  /** The run waits for its maintenance window to open (epoch ms). */
  readonly waitingForWindowUntil?: number;
}

export interface CommandResult {
  readonly accepted: boolean;
  readonly message?: string;
}
