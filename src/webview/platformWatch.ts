// A6: watches Azure's rolling upgrade from `rollingUpgrades/latest` while it rolls forward, feeding
// the dashboard (status, counts, a log line per change). Pure: time comes from the injected clock.
import type { AzureGateway, RollingUpgradeStatusInfo, ScaleSetRef } from '../azure/gateway';
import type { AlertsReader } from '../azure/alerts/alertsClient';
import type { AlertGate, MetricGate } from '../core/contract';
import type { MetricsReader } from '../azure/metrics/metricTypes';
import { checkPlatformGate } from '../core/platformGates';
import type { Clock } from '../shared/clock';
import { platformUpgradeView } from './azureViews';
import type { DashboardSession } from './dashboardSession';

/** Simulated ms between two reads of the rolling upgrade status (the commands' default). */
export const platformPollMs = 10_000;

export interface PlatformWatchOptions {
  readonly gateway: AzureGateway;
  readonly ref: ScaleSetRef;
  readonly session: DashboardSession;
  readonly clock: Clock;
  /** Simulated ms between reads. */
  readonly intervalMs: number;
  /** Shown with the status, e.g. "no newer image" (A6). */
  readonly note?: string;
  readonly signal?: AbortSignal;
  /**
   * The start request, while it is pending: until it settles, a status that is not RollingForward may
   * be the previous upgrade's, so the watch keeps reading.
   */
  readonly starting?: Promise<unknown>;
  /** Issue 16: the alert gate watches the upgrade and cancels it on a breach (saying which alert, when). */
  readonly alertGate?: { readonly gate: AlertGate; readonly alerts: AlertsReader | undefined };
  /** Issue 16: metric thresholds watch it too, and cancel it on a breach (saying which interval crossed). */
  readonly metricGates?: { readonly gates: readonly MetricGate[]; readonly metrics: MetricsReader | undefined };
}

function summary(s: RollingUpgradeStatusInfo): string {
  const p = s.progress ?? {};
  return `${s.runningStatus?.code ?? 'Unknown'}: ${p.successfulInstanceCount ?? 0} upgraded, ${p.inProgressInstanceCount ?? 0} in progress, ${p.pendingInstanceCount ?? 0} pending, ${p.failedInstanceCount ?? 0} failed`;
}

/** Reads until the upgrade is no longer RollingForward and the start has settled (or the signal aborts); resolves with the last status. */
export async function watchPlatformUpgrade(options: PlatformWatchOptions): Promise<RollingUpgradeStatusInfo | undefined> {
  const { gateway, ref, session, clock, signal } = options;
  let last: string | undefined;
  let gateBreached = false;
  let startPending = options.starting !== undefined;
  const settle = () => (startPending = false);
  options.starting?.then(settle, settle);
  for (;;) {
    let status: RollingUpgradeStatusInfo | undefined;
    try {
      status = await gateway.getLatestRollingUpgrade(ref, signal);
    } catch (err) {
      if (signal?.aborted) return undefined;
      session.append([{ level: 'warning', text: `Could not read the rolling upgrade status: ${(err as Error).message}` }]);
    }
    if (status) {
      session.setPlatform(platformUpgradeView(status, options.note));
      const line = summary(status);
      if (line !== last) {
        const failed = status.runningStatus?.code === 'Faulted' || status.error;
        session.append([{ level: failed ? 'error' : 'info', text: `Azure rolling upgrade ${line}${status.error ? ` — ${status.error.code}: ${status.error.message}` : ''}` }]);
        last = line;
      }
      if ((options.alertGate || options.metricGates?.gates.length) && !gateBreached) {
        const gates = {
          alerts: options.alertGate?.alerts,
          ...(options.alertGate ? { gate: options.alertGate.gate } : {}),
          ...(options.metricGates ? { metricGates: options.metricGates.gates, ...(options.metricGates.metrics ? { metrics: options.metricGates.metrics } : {}) } : {}),
        };
        const breach = await checkPlatformGate({ gateway, ref, clock, ...gates, ...(signal ? { signal } : {}) }, status).catch(() => undefined);
        if (breach) {
          gateBreached = true;
          session.append([{ level: 'error', text: breach.message }]);
        }
      }
      if (status.runningStatus?.code !== 'RollingForward' && !startPending) return status;
    }
    try {
      await clock.sleep(options.intervalMs, signal);
    } catch {
      return status;
    }
  }
}
