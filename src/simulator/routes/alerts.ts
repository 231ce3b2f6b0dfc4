// Azure Monitor alerts (Microsoft.AlertsManagement 2019-03-01, Alerts_GetAll): the list the bake gates
// read. Written from azure-rest-api-specs …/AlertsManagement/stable/2019-03-01/AlertsManagement.json and
// its example Alerts_List.json, and the Learn page "Alerts - Get All". Filters as documented: target
// resource (full ARM id), its type, its resource group, monitor condition, severity, alert state, and a time
// range (`timeRange` 1h|1d|7d|30d, default 1d, or `customTimeRange` start/end — not both). Unverified, and so
// chosen here: which timestamp a time range compares (we use startDateTime), the exact error code for bad
// filters (400 BadRequest), and the continuation's form (an opaque `ctoken`, as the example's nextLink).
import { ArmError } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import type { Route, RouteParams } from '../http/router';
import type { SimAlert } from '../state/alerts';
import type { RouteContext } from './context';
import { requireSubscription } from './lookup';

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
const ranges: Record<string, number> = { '1h': 3_600_000, '1d': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
const severities = ['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4'];

function badRequest(message: string): ArmError {
  return new ArmError(400, 'BadRequest', message);
}

/** `Microsoft.Compute/virtualMachineScaleSets/virtualMachines` from an id (the segments after providers/). */
function resourceTypeOf(id: string): string {
  const m = /\/providers\/([^/]+)\/(.+)$/i.exec(id);
  if (!m) return 'Microsoft.Resources/resourceGroups';
  return [m[1], ...m[2].split('/').filter((_, i) => i % 2 === 0)].join('/');
}

function conditionAt(alert: SimAlert, now: number): 'Fired' | 'Resolved' {
  return alert.resolvedAt !== undefined && alert.resolvedAt <= now ? 'Resolved' : 'Fired';
}

function alertJson(alert: SimAlert, now: number): Record<string, unknown> {
  const condition = conditionAt(alert, now);
  const iso = (ms: number) => new Date(ms).toISOString();
  const lastModified = condition === 'Resolved' ? alert.resolvedAt! : alert.startAt;
  return {
    id: `${alert.targetResource}/providers/Microsoft.AlertsManagement/alerts/${alert.alertId}`,
    type: 'Microsoft.AlertsManagement/alerts',
    name: alert.name,
    properties: {
      essentials: {
        severity: alert.severity,
        signalType: alert.signalType,
        alertState: 'New',
        monitorCondition: condition,
        monitorService: alert.monitorService,
        targetResource: alert.targetResource,
        targetResourceName: alert.targetResource.split('/').pop(),
        targetResourceGroup: alert.resourceGroup,
        targetResourceType: resourceTypeOf(alert.targetResource),
        alertRule: `/subscriptions/${alert.subscriptionId}/resourceGroups/${alert.resourceGroup}/providers/Microsoft.Insights/metricAlerts/${alert.name}`,
        sourceCreatedId: alert.alertId,
        startDateTime: iso(alert.startAt),
        lastModifiedDateTime: iso(lastModified),
        lastModifiedUserName: 'System',
        ...(condition === 'Resolved' ? { monitorConditionResolvedDateTime: iso(alert.resolvedAt!) } : {}),
        actionStatus: { isSuppressed: false },
        ...(alert.description ? { description: alert.description } : {}),
      },
    },
  };
}

function timeWindow(q: URLSearchParams, now: number): { from: number; to: number } {
  const range = q.get('timeRange');
  const custom = q.get('customTimeRange');
  if (range !== null && custom !== null) throw badRequest('Either timeRange or customTimeRange could be used but not both.');
  if (custom !== null) {
    const parts = custom.split('/');
    const from = Date.parse(parts[0] ?? '');
    const to = Date.parse(parts[1] ?? '');
    if (parts.length !== 2 || Number.isNaN(from) || Number.isNaN(to) || from > to) throw badRequest(`The value '${custom}' of customTimeRange is not valid: use <start-time>/<end-time> in ISO 8601.`);
    return { from, to };
  }
  const span = ranges[range ?? '1d'];
  if (span === undefined) throw badRequest(`The value '${range}' of timeRange is not valid: use 1h, 1d, 7d or 30d.`);
  return { from: now - span, to: now };
}

function pageCountOf(q: URLSearchParams): number {
  const text = q.get('pageCount');
  if (text === null) return 25;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 250) throw badRequest(`The value '${text}' of pageCount is not valid: it is between 1 and 250.`);
  return n;
}

function listAlerts(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireSubscription(ctx.world, params);
  const q = req.url.searchParams;
  const now = ctx.world.now;
  const window = timeWindow(q, now);
  const pageCount = pageCountOf(q);
  const severity = q.get('severity');
  if (severity !== null && !severities.includes(severity)) throw badRequest(`The value '${severity}' of severity is not valid.`);
  const match = (a: SimAlert): boolean => {
    const type = resourceTypeOf(a.targetResource);
    const wantedType = q.get('targetResourceType');
    return (
      same(a.subscriptionId, params.subscriptionId) &&
      a.startAt <= now &&
      a.startAt >= window.from &&
      a.startAt <= window.to &&
      (q.get('targetResource') === null || same(a.targetResource, q.get('targetResource')!)) &&
      (wantedType === null || same(type, wantedType)) &&
      (q.get('targetResourceGroup') === null || same(a.resourceGroup, q.get('targetResourceGroup')!)) &&
      (q.get('monitorCondition') === null || conditionAt(a, now) === q.get('monitorCondition')) &&
      (severity === null || a.severity === severity) &&
      (q.get('alertState') === null || q.get('alertState') === 'New')
    );
  };
  // Default order: newest first (the spec's default sort field is lastModifiedDateTime, descending for times).
  const all = ctx.world.alerts.filter(match).sort((a, b) => b.startAt - a.startAt || a.alertId.localeCompare(b.alertId));
  const token = q.get('ctoken');
  const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest(`The continuation token '${token}' is not valid.`);
  const value = all.slice(offset, offset + pageCount).map((a) => alertJson(a, now));
  if (offset + pageCount >= all.length) return json(200, { value });
  const next = new URL(req.url.pathname + req.url.search, req.origin);
  next.searchParams.set('ctoken', Buffer.from(String(offset + pageCount), 'utf8').toString('base64url'));
  return json(200, { value, nextLink: next.toString() });
}

export const alertRoutes: Route<RouteContext>[] = [{ method: 'GET', pattern: '/subscriptions/{subscriptionId}/providers/Microsoft.AlertsManagement/alerts', handler: listAlerts }];
