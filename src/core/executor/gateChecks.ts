// The evidence gates of a bake (issue 16), each read from Azure at the moment it is asked — never assumed
// from what the run saw before: the health of every instance the run moved, and the Azure Monitor alerts
// that started on the scale set (or its resource group) since the batch began.
import type { Alert } from '../../azure/alerts/alertTypes';
import { describeAzureError } from '../../azure/azureError';
import { scaleSetId } from '../../azure/gateway';
import type { AlertEvidence, AlertGate, GateVerdict } from '../contract';
import { isInService } from './health';
import { readFleet } from './readFleet';
import type { RunContext } from './runContext';
import { isAbort, withRetries } from './transient';

/** Health held: every instance the run moved to the target (this batch and earlier ones) is healthy now. */
export async function healthGate(ctx: RunContext): Promise<GateVerdict> {
  const moved = [...ctx.progress.instances.values()].filter((i) => i.state === 'succeeded' && !i.deleted).map((i) => i.instanceId);
  const fleet = await readFleet(ctx);
  const unhealthy = moved.filter((id) => {
    const s = fleet.get(id);
    return !s || !isInService(s);
  });
  const describe = (id: string) => `${id} (${fleet.get(id)?.health ?? 'gone'})`;
  return unhealthy.length === 0
    ? { gate: 'health', ok: true, detail: `${moved.length} moved instance(s) healthy` }
    : { gate: 'health', ok: false, detail: `${unhealthy.length} of ${moved.length} moved instance(s) not healthy: ${unhealthy.slice(0, 5).map(describe).join(', ')}${unhealthy.length > 5 ? ', …' : ''}`, unhealthy };
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** What the alert gate needs: the run's context has it, and so has a watch of Azure's own rolling upgrade. */
export type AlertGateContext = Pick<RunContext, 'alerts' | 'ref' | 'clock' | 'signal' | 'retry'>;

/** The alert's target is the set, one of its instances, or (scope resourceGroup) anything in the set's group. */
function inScope(ctx: AlertGateContext, gate: AlertGate, alert: Alert): boolean {
  const e = alert.properties?.essentials;
  const target = lower(e?.targetResource);
  const set = lower(scaleSetId(ctx.ref));
  if (target === set || target.startsWith(`${set}/`)) return true;
  if (gate.scope !== 'resourceGroup') return false;
  const group = lower(`/subscriptions/${ctx.ref.subscriptionId}/resourceGroups/${ctx.ref.resourceGroup}`);
  return target === group || target.startsWith(`${group}/`) || lower(e?.targetResourceGroup) === lower(ctx.ref.resourceGroup);
}

function evidenceOf(alert: Alert): AlertEvidence {
  const e = alert.properties?.essentials ?? {};
  return {
    id: alert.id ?? '',
    name: alert.name ?? '',
    severity: e.severity ?? '',
    targetResource: e.targetResource ?? '',
    startDateTime: e.startDateTime ?? '',
    monitorCondition: e.monitorCondition ?? '',
  };
}

/** The smallest documented timeRange that reaches back to `from` (with a margin for clock skew). */
function timeRangeFor(from: number, now: number): '1h' | '1d' | '7d' | '30d' {
  const span = now - from + 10 * 60_000;
  return span <= 3_600_000 ? '1h' : span <= 86_400_000 ? '1d' : span <= 7 * 86_400_000 ? '7d' : '30d';
}

/**
 * No alert fired: none in scope started at or after `from` (the batch's start). A fired-then-resolved
 * alert still counts: it fired during the window. Azure is asked for a timeRange back from its own now
 * (so a local clock behind or ahead of Azure's cannot hide an alert at the end of the window); which
 * timestamp that range compares is not documented, so startDateTime is checked here. An unreadable alert
 * list fails the gate (fail closed).
 */
export async function alertGate(ctx: AlertGateContext, gate: AlertGate, from: number, to: number): Promise<GateVerdict> {
  const window = { from, to };
  if (!ctx.alerts) return { gate: 'alerts', ok: false, detail: 'Azure Monitor alerts cannot be read from here (no alerts client), so the gate cannot pass', window };
  let alerts: Alert[];
  try {
    const query = { targetResourceGroup: ctx.ref.resourceGroup, timeRange: timeRangeFor(from, to), pageCount: 250 };
    alerts = await withRetries(ctx.clock, ctx.signal, () => ctx.alerts!.listAlerts(ctx.ref.subscriptionId, query, ctx.signal), ctx.retry);
  } catch (err) {
    if (isAbort(err, ctx.signal)) throw err;
    return { gate: 'alerts', ok: false, detail: `the alerts could not be read (${describeAzureError(err).message}), so the gate cannot pass`, window };
  }
  const fired = alerts.filter((a) => {
    const started = Date.parse(a.properties?.essentials?.startDateTime ?? '');
    const severity = a.properties?.essentials?.severity ?? '';
    return inScope(ctx, gate, a) && started >= from && (!gate.severities || gate.severities.some((s) => s === severity));
  });
  if (fired.length === 0) return { gate: 'alerts', ok: true, detail: `no alert fired on the ${gate.scope === 'resourceGroup' ? 'resource group' : 'scale set'}`, window, alerts: [] };
  const evidence = fired.map(evidenceOf);
  const names = evidence.slice(0, 3).map((a) => `'${a.name}' (${a.severity}, ${a.startDateTime} on ${a.targetResource.split('/').pop()})`).join(', ');
  return { gate: 'alerts', ok: false, detail: `${fired.length} alert(s) fired: ${names}${fired.length > 3 ? ', …' : ''}`, window, alerts: evidence };
}
