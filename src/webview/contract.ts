// The dashboard's message contract: the ONE module both sides import — the panel host
// (src/webview/) and the browser client (src/webview-client/). It holds types and the guards that
// validate what crosses the boundary, and nothing else: no `vscode`, no Node modules, so the
// client bundle can include it.

/** Where an instance is in a run; the client colours cells by it. */
export const instanceStates = [
  'pending',
  'upToDate',
  'upgrading',
  'waitingHealth',
  'succeeded',
  'unhealthy',
  'rollingBack',
  'rolledBack',
  'failed',
  'skipped',
] as const;
export type InstanceState = (typeof instanceStates)[number];

export const batchStatuses = ['pending', 'running', 'waitingHealth', 'rollingBack', 'succeeded', 'failed', 'cancelled', 'baking'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const runStatuses = [
  'planned',
  'running',
  'pausingBetweenBatches',
  /** Issue 16: the next batch waits for the run's maintenance window (RunView.windowOpensAt). */
  'waitingForWindow',
  'paused',
  'waitingApproval',
  /** Found unfinished in the journal (the window closed or reloaded mid-run): it can be resumed. */
  'interrupted',
  'cancelling',
  'completed',
  'completedWithFailures',
  'aborted',
  'refused',
  'rejected',
  'cancelled',
  'failed',
] as const;
export type RunStatus = (typeof runStatuses)[number];

export interface InstanceCell {
  readonly id: string;
  readonly name: string;
  readonly state: InstanceState;
  readonly zone?: string;
  readonly updateDomain?: number;
  readonly faultDomain?: number;
  /** The image version the instance runs now. */
  readonly version?: string;
  /** Why it is in this state, e.g. "not healthy within 5 minutes (O4)". */
  readonly detail?: string;
}

export interface BatchRow {
  readonly index: number;
  readonly instanceIds: readonly string[];
  readonly status: BatchStatus;
  /** Simulated epoch ms. */
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** e.g. "update domain 2" or "zone 1". */
  readonly label?: string;
}

/** A gate waiting for a person: a canary check or an approval between batches. */
export interface GateView {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly openedAt: number;
}

export interface RunCounts {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly rolledBack: number;
  readonly inProgress: number;
  readonly pending: number;
}

/** An embedded-orchestrator run (a plan under review, or running, or finished). */
export interface RunView {
  readonly runId: string;
  readonly status: RunStatus;
  /** e.g. "Canonical ubuntu-24_04-lts server 1.0.2". */
  readonly target: string;
  readonly strategy: string;
  /** O5/O6 thresholds as the run applies them, shown beside the counts. */
  readonly thresholds?: { readonly maxUnhealthyUpgradedPercent: number; readonly maxUnhealthyPercent: number };
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** Why the run ended the way it did (abort reason, error). */
  readonly outcome?: string;
  readonly counts: RunCounts;
  readonly batches: readonly BatchRow[];
  readonly instances: readonly InstanceCell[];
  readonly gate?: GateView;
  /** Issue 16: when the maintenance window the next batch waits for opens (simulated epoch ms). */
  readonly windowOpensAt?: number;
  /** A rehearsal on a private simulator of the set (issue 15): nothing in Azure changes; what it assumed. */
  readonly rehearsal?: { readonly assumptions: readonly string[] };
  /** The last bake after a batch (issue 16): its countdown and each gate's evidence. */
  readonly bake?: BakeView;
}

/** A bake after a batch and its gates' verdicts (issue 16). */
export interface BakeView {
  readonly batch: number;
  readonly state: 'baking' | 'passed' | 'breached';
  /** Simulated epoch ms. */
  readonly startedAt: number;
  readonly endsAt: number;
  readonly gates: readonly BakeGateView[];
}

export interface BakeGateView {
  readonly gate: 'health' | 'alerts' | 'metric';
  readonly ok: boolean;
  readonly detail: string;
  /** alerts: each fired alert, for the evidence list. */
  readonly alerts?: readonly { readonly name: string; readonly severity: string; readonly startDateTime: string; readonly target: string }[];
  /** metric: the condition, how many intervals had data, the worst value and the intervals past the threshold. */
  readonly metric?: { readonly text: string; readonly points: number; readonly worst?: { readonly timeStamp: string; readonly value: number }; readonly breaches: readonly { readonly timeStamp: string; readonly value: number }[] };
}

/** A6: Azure's own rolling upgrade, as `rollingUpgrades/latest` reports it. */
export interface PlatformUpgradeView {
  readonly status: string;
  readonly lastAction?: string;
  readonly startedAt?: number;
  readonly endedAt?: number;
  readonly successful: number;
  readonly failed: number;
  readonly inProgress: number;
  readonly pending: number;
  readonly error?: string;
  /** A6: start succeeds even when there is nothing newer; the dashboard says so. */
  readonly note?: string;
  /** A1 osRollingUpgradeDeferral is on: automatic OS upgrades wait for approval. */
  readonly deferral?: boolean;
  /** Instances whose automatic OS upgrade waits for approval (deferral). */
  readonly awaitingApproval?: readonly AwaitingApproval[];
}

export interface AwaitingApproval {
  readonly id: string;
  readonly name: string;
  readonly updateDomain?: number;
  /** The version it will move to (the Platform.PendingOSUpgrade tag's value). */
  readonly targetVersion?: string;
}

export type LogLevel = 'info' | 'warning' | 'error';

export interface LogEntry {
  /** Increases by one per entry within a dashboard; lets the client skip entries it already has. */
  readonly seq: number;
  readonly at: number;
  readonly level: LogLevel;
  readonly text: string;
}

/** A5 entries and our journal's runs, merged, newest first. */
export interface HistoryEntry {
  readonly id: string;
  readonly source: 'platform' | 'embedded';
  readonly status: string;
  readonly startedAt?: number;
  readonly endedAt?: number;
  readonly target?: string;
  readonly startedBy?: string;
  readonly succeeded: number;
  readonly failed: number;
  readonly rolledBack: number;
  readonly error?: string;
  /** Azure no longer lists it (A5 keeps five within two months); this extension kept what it saw (issue 15). */
  readonly kept?: boolean;
}

export interface ScaleSetHeader {
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string;
  readonly location?: string;
  readonly image?: string;
  readonly upgradeMode?: string;
  readonly automaticOsUpgrade?: boolean;
  /** Flexible sets' instances are standalone VMs with fault domains and no update domains. */
  readonly orchestrationMode?: 'Uniform' | 'Flexible';
  /** Issue 16: the set's OS-image maintenance window (Microsoft.Maintenance), as read when the header was loaded. */
  readonly maintenanceWindow?: { readonly name: string; readonly schedule: string; readonly timeZone: string; readonly open: boolean; readonly when: string };
}

/** What the dashboard's fix buttons can ask for (src/core/explain/catalogue.ts FixAction). */
export const fixActions = ['cancelRollingUpgrade', 'startOsRollingUpgrade', 'checkReadiness', 'resumeRun'] as const;
export type FixActionName = (typeof fixActions)[number];

/** One cause of a failure, as "Why did this fail?" shows it (issue 15; built from core/explain). */
export interface WhyCauseView {
  readonly id: string;
  readonly title: string;
  readonly code?: string;
  readonly rules: readonly string[];
  readonly cause: string;
  readonly detail?: string;
  /** The first instances that failed, each with its evidence in words. */
  readonly instances: readonly { readonly instanceId: string; readonly evidence: string }[];
  readonly fixes: readonly { readonly label: string; readonly command?: string; readonly risk?: string; readonly action?: FixActionName }[];
  readonly learn: readonly { readonly title: string; readonly url: string }[];
  readonly unverified?: string;
}

export interface WhyView {
  readonly source: 'run' | 'platform';
  readonly status: string;
  readonly summary: string;
  readonly causes: readonly WhyCauseView[];
}

/** "Why did this fail?": our latest run's and Azure's latest upgrade's explanations, when they failed. */
export interface WhyState {
  readonly run?: WhyView;
  readonly platform?: WhyView;
}

export interface DashboardState {
  readonly scaleSet: ScaleSetHeader;
  readonly run?: RunView;
  readonly platform?: PlatformUpgradeView;
  readonly log: readonly LogEntry[];
  readonly history: readonly HistoryEntry[];
  readonly why?: WhyState;
  /** The injected clock's time when this was sent, and its speed, so timers tick in simulated time. */
  readonly clock: { readonly now: number; readonly timeScale: number };
}

// ---- extension → webview ----------------------------------------------------------------------

export type HostMessage =
  | { readonly type: 'snapshot'; readonly state: DashboardState }
  | { readonly type: 'run'; readonly run: RunView | null; readonly clock: DashboardState['clock'] }
  | { readonly type: 'platform'; readonly platform: PlatformUpgradeView | null }
  | { readonly type: 'log'; readonly entries: readonly LogEntry[] }
  | { readonly type: 'history'; readonly history: readonly HistoryEntry[] }
  | { readonly type: 'scaleSet'; readonly scaleSet: ScaleSetHeader }
  | { readonly type: 'why'; readonly why: WhyState }
  /** Brings a section into view and moves keyboard focus to its heading. */
  | { readonly type: 'focus'; readonly section: DashboardSection };

export const dashboardSections = ['run', 'batches', 'heat-map', 'platform', 'log', 'history', 'why'] as const;
export type DashboardSection = (typeof dashboardSections)[number];

// ---- webview → extension ----------------------------------------------------------------------

/**
 * `cancel` stops after the current batch; `cancelNow` stops at once (the executor's two cancels);
 * `runForReal` starts a finished rehearsal's plan on the real set.
 */
export const runActions = ['start', 'pause', 'resume', 'cancel', 'cancelNow', 'runForReal'] as const;
export type RunAction = (typeof runActions)[number];

export type WebviewMessage =
  /** The client is (re)loaded and wants a snapshot. */
  | { readonly type: 'ready' }
  | { readonly type: 'gate'; readonly gateId: string; readonly decision: 'approve' | 'reject' }
  | { readonly type: 'run'; readonly action: RunAction }
  | { readonly type: 'cancelPlatformUpgrade' }
  /** Approve waiting OS upgrades (deferral): the instances named, or every waiting one without ids. */
  | { readonly type: 'approveOsUpgrade'; readonly instanceIds?: readonly string[] }
  | { readonly type: 'exportHistory' }
  | { readonly type: 'refresh' }
  /** A fix button of "Why did this fail?". */
  | { readonly type: 'fix'; readonly action: FixActionName };

/** What the client keeps with `setState` (and what the serializer gets back after a reload). */
export interface PersistedClientState {
  readonly scaleSetId: string;
  readonly activeTab?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

const idPattern = /^[\w.:-]{1,128}$/;

/** The boundary check: anything the webview sends is untrusted until this says otherwise. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'cancelPlatformUpgrade':
    case 'exportHistory':
    case 'refresh':
      return hasOnlyKeys(raw, ['type']) ? { type: raw.type } : undefined;
    case 'gate':
      return hasOnlyKeys(raw, ['type', 'gateId', 'decision']) && typeof raw.gateId === 'string' && idPattern.test(raw.gateId) && oneOf(['approve', 'reject'] as const, raw.decision)
        ? { type: 'gate', gateId: raw.gateId, decision: raw.decision }
        : undefined;
    case 'run':
      return hasOnlyKeys(raw, ['type', 'action']) && oneOf(runActions, raw.action) ? { type: 'run', action: raw.action } : undefined;
    case 'approveOsUpgrade':
      if (!hasOnlyKeys(raw, ['type', 'instanceIds'])) return undefined;
      if (raw.instanceIds === undefined) return { type: 'approveOsUpgrade' };
      return Array.isArray(raw.instanceIds) && raw.instanceIds.length > 0 && raw.instanceIds.length <= 1000 && raw.instanceIds.every((id) => typeof id === 'string' && idPattern.test(id))
        ? { type: 'approveOsUpgrade', instanceIds: raw.instanceIds as string[] }
        : undefined;
    case 'fix':
      return hasOnlyKeys(raw, ['type', 'action']) && oneOf(fixActions, raw.action) ? { type: 'fix', action: raw.action } : undefined;
    default:
      return undefined;
  }
}

/** What the serializer accepts from `getState()` after a window reload. */
export function parsePersistedState(raw: unknown): PersistedClientState | undefined {
  if (!isRecord(raw) || typeof raw.scaleSetId !== 'string' || !raw.scaleSetId.startsWith('/subscriptions/')) return undefined;
  return { scaleSetId: raw.scaleSetId, ...(typeof raw.activeTab === 'string' ? { activeTab: raw.activeTab } : {}) };
}

/** The client's check of what the host sends (defence in depth; a wrong type is a bug, not an attack). */
export function isHostMessage(raw: unknown): raw is HostMessage {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'snapshot':
      return isRecord(raw.state) && isRecord(raw.state.scaleSet) && Array.isArray(raw.state.log) && Array.isArray(raw.state.history);
    case 'run':
      return (raw.run === null || isRecord(raw.run)) && isRecord(raw.clock);
    case 'platform':
      return raw.platform === null || isRecord(raw.platform);
    case 'log':
      return Array.isArray(raw.entries);
    case 'history':
      return Array.isArray(raw.history);
    case 'scaleSet':
      return isRecord(raw.scaleSet);
    case 'why':
      return isRecord(raw.why);
    case 'focus':
      return oneOf(dashboardSections, raw.section);
    default:
      return false;
  }
}
