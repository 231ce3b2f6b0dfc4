// The bake's alert gate over Azure's own rolling upgrade (issue 16, A6): while Azure rolls forward, an
// alert in scope that started since the upgrade began cancels it (VirtualMachineScaleSetRollingUpgrades_Cancel),
// and the caller says so — which alert, on what, when. Health during Azure's upgrade stays Azure's own
// business (its rolling policy's unhealthy limits stop it); this gate adds the evidence Azure does not watch.
import type { AlertsReader } from '../azure/alerts/alertsClient';
import type { AzureGateway, RollingUpgradeStatusInfo, ScaleSetRef } from '../azure/gateway';
import type { Clock } from '../shared/clock';
import type { AlertGate, GateVerdict } from './contract';
import { alertGate } from './executor/gateChecks';
import { defaultRetryPlan, type RetryPlan } from './executor/transient';

export interface PlatformGateOptions {
  readonly gateway: AzureGateway;
  readonly alerts: AlertsReader | undefined;
  readonly ref: ScaleSetRef;
  readonly clock: Clock;
  readonly gate: AlertGate;
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
  const ctx = { alerts: options.alerts, ref: options.ref, clock: options.clock, signal: options.signal ?? new AbortController().signal, retry: options.retry ?? defaultRetryPlan };
  const verdict = await alertGate(ctx, options.gate, started ?? now, now);
  if (verdict.ok) return undefined;
  try {
    await options.gateway.cancelRollingUpgrade(options.ref, options.signal);
    return { verdict, cancelled: true, message: `Cancelled Azure's rolling upgrade of ${options.ref.name}: the alert gate failed — ${verdict.detail}.` };
  } catch (err) {
    const error = (err as Error).message;
    return { verdict, cancelled: false, error, message: `The alert gate failed on Azure's rolling upgrade of ${options.ref.name} — ${verdict.detail} — but cancelling it failed: ${error}` };
  }
}
