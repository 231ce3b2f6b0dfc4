// What every step of a run shares: Azure, the clock, the journal recorder, the event hub, the abort
// signal. Steps record before they act and emit after they record.
import type { AlertsReader } from '../../azure/alerts/alertsClient';
import type { AzureGateway, ScaleSetRef } from '../../azure/gateway';
import type { MetricsReader } from '../../azure/metrics/metricTypes';
import type { Clock } from '../../shared/clock';
import type { ResolvedTarget, RolloutPolicy, RunEvent } from '../contract';
import type { JournalEntry, JournalRecord } from '../journal/records';
import type { RunProgress } from '../journal/replay';
import type { RetryPlan } from './transient';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RunEventBody = DistributiveOmit<RunEvent, 'runId' | 'at'>;

export interface RunContext {
  readonly gateway: AzureGateway;
  /** Azure Monitor alerts, for the bake's alert gate (issue 16); absent: that gate cannot pass. */
  readonly alerts?: AlertsReader;
  /** Azure Monitor metrics, for the bake's metric gates (issue 16); absent: those gates cannot pass. */
  readonly metrics?: MetricsReader;
  readonly clock: Clock;
  readonly ref: ScaleSetRef;
  readonly progress: RunProgress;
  readonly target: ResolvedTarget;
  readonly policy: RolloutPolicy;
  readonly signal: AbortSignal;
  readonly retry: RetryPlan;
  /** Longest a single move may stay "updating" before it counts as failed (simulated ms). */
  readonly moveTimeoutMs: number;
  /** Appends durably, then applies to `progress`. */
  record(record: JournalRecord): JournalEntry;
  emit(event: RunEventBody): void;
}
