// The bake's alert gate over Azure's own rolling upgrade (issue 16, A6): while Azure rolls forward, an
// alert in scope that started since the upgrade began cancels it (VirtualMachineScaleSetRollingUpgrades_Cancel),
// and the caller says so — which alert, on what, when. Metric thresholds watch it the same way (a metric past
// its threshold in an interval since the upgrade began cancels it). Health during Azure's upgrade stays Azure's
// own business (its rolling policy's unhealthy limits stop it); these gates add the evidence Azure does not watch.
import type { AlertsReader } from '../azure/alerts/alertsClient';
import type { AzureGateway, RollingUpgradeStatusInfo, ScaleSetRef } from '../azure/gateway';
import type { Clock } from '../shared/clock';
import type { MetricsReader } from '../azure/metrics/metricTypes';
import type { AlertGate, GateVerdict, MetricGate } from './contract';
import { alertGate } from './executor/gateChecks';
import { metricGate } from './executor/metricGateCheck';
import { defaultRetryPlan, type RetryPlan } from './executor/transient';

export interface PlatformGateOptions {
  readonly gateway: AzureGateway;
  readonly alerts: AlertsReader | undefined;
  readonly ref: ScaleSetRef;
  readonly clock: Clock;
  /** The alert gate; absent: only metric gates watch. */
  readonly gate?: AlertGate;
  /** Metric thresholds (issue 16) and their reader. */
  readonly metricGates?: readonly MetricGate[];
  readonly metrics?: MetricsReader;
  readonly retry?: RetryPlan;
  readonly signal?: AbortSignal;
}

export interface PlatformBreach {
  readonly verdict: GateVerdict;
  /** The cancel request was accepted (false: it failed, `error` says why). */
  readonly cancelled: boolean;
  readonly error?: string;
  /** One sentence for the log: the alert(s), and that the upgrade was cancelled. */
  readonly message: string;
}

/** Checks one status read; undefined while the gate holds (or Azure is not rolling forward). */
export async function checkPlatformGate(options: PlatformGateOptions, status: RollingUpgradeStatusInfo): Promise<PlatformBreach | undefined> {
  if (status.runningStatus?.code !== 'RollingForward') return undefined;
  const started = status.runningStatus.startTime ? new Date(status.runningStatus.startTime).getTime() : undefined;
  const now = options.clock.now();
  const ctx = { alerts: options.alerts, metrics: options.metrics, ref: options.ref, clock: options.clock, signal: options.signal ?? new AbortController().signal, retry: options.retry ?? defaultRetryPlan };
  const verdicts = [
    ...(options.gate ? [await alertGate(ctx, options.gate, started ?? now, now)] : []),
    ...(await Promise.all((options.metricGates ?? []).map((g) => metricGate(ctx, g, started ?? now, now)))),
  ];
  const verdict = verdicts.find((v) => !v.ok);
  if (!verdict) return undefined;
  const which = verdict.gate === 'metric' ? 'the metric gate' : 'the alert gate';
  try {
    await options.gateway.cancelRollingUpgrade(options.ref, options.signal);
    return { verdict, cancelled: true, message: `Cancelled Azure's rolling upgrade of ${options.ref.name}: ${which} failed — ${verdict.detail}.` };
  } catch (err) {
    const error = (err as Error).message;
    return { verdict, cancelled: false, error, message: `${which[0].toUpperCase()}${which.slice(1)} failed on Azure's rolling upgrade of ${options.ref.name} — ${verdict.detail} — but cancelling it failed: ${error}` };
  }
}
