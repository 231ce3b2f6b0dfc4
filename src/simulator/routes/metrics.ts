// Azure Monitor metrics, data plane (issue 16): POST /subscriptions/{subscriptionId}/metrics:getBatch
// (operation Batch, api-version 2024-02-01), what @azure/monitor-query-metrics' MetricsClient.queryResources
// sends. Written from azure-rest-api-specs specification/monitor/data-plane/Microsoft.Insights/stable/
// 2024-02-01/metricBatch.json and Learn "How to migrate from the metrics API to the getBatch API" (up to 50
// resource ids of one subscription per call). Chosen here, unverified: the error codes and texts, intervals
// aligned to whole grains since the epoch (UTC), and the set of time grains accepted (see metricGateText.ts).
import { ArmError } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import { parseObjectBody } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import { parseIsoDuration } from '../../shared/iso8601';
import { knownScaleSetMetrics, sampleAt, type SimMetric } from '../state/metrics';
import type { RouteContext } from './context';
import { requireSubscription } from './lookup';

const namespace = 'Microsoft.Compute/virtualMachineScaleSets';
const grains = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT6H', 'PT12H', 'P1D'];
const aggregations = ['Average', 'Minimum', 'Maximum', 'Total', 'Count'] as const;
type Aggregation = (typeof aggregations)[number];
const minute = 60_000;

function badRequest(message: string): ArmError {
  return new ArmError(400, 'BadRequest', message);
}

function timeParam(q: URLSearchParams, name: string): number | undefined {
  const text = q.get(name);
  if (text === null) return undefined;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw badRequest(`The value '${text}' of ${name} is not a date and time ('yyyy-MM-ddTHH:mm:ss.fffZ').`);
  return t;
}

/** The query's span: endtime defaults to now, starttime to an hour before endtime (spec). */
function spanOf(q: URLSearchParams, now: number): { from: number; to: number } {
  const to = timeParam(q, 'endtime') ?? now;
  const from = timeParam(q, 'starttime') ?? to - 3_600_000;
  if (q.get('endtime') !== null && q.get('starttime') === null) throw badRequest('starttime is required when endtime is given.');
  if (from > to) throw badRequest('starttime is after endtime.');
  return { from, to };
}

function grainOf(q: URLSearchParams, span: { from: number; to: number }): { text: string; ms: number; full: boolean } {
  const text = q.get('interval') ?? 'PT1M';
  if (text.toUpperCase() === 'FULL') return { text: 'FULL', ms: Math.max(minute, span.to - span.from), full: true };
  const grain = grains.find((g) => g === text.toUpperCase());
  const parsed = grain ? parseIsoDuration(grain) : undefined;
  if (!grain || !parsed?.ok) throw badRequest(`The interval '${text}' is not supported; use one of ${grains.join(', ')} or FULL.`);
  return { text: grain, ms: parsed.ms, full: false };
}

function aggregationsOf(q: URLSearchParams, fallback: Aggregation): Aggregation[] {
  const text = q.get('aggregation');
  if (text === null || text.trim() === '') return [fallback];
  return text.split(',').map((word) => {
    const found = aggregations.find((a) => a.toLowerCase() === word.trim().toLowerCase());
    if (!found) throw badRequest(`The aggregation '${word.trim()}' is not one of ${aggregations.join(', ')}.`);
    return found;
  });
}

function aggregate(samples: readonly number[], wanted: readonly Aggregation[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (samples.length === 0) return out;
  const total = samples.reduce((a, b) => a + b, 0);
  for (const a of wanted) {
    if (a === 'Average') out.average = total / samples.length;
    else if (a === 'Minimum') out.minimum = Math.min(...samples);
    else if (a === 'Maximum') out.maximum = Math.max(...samples);
    else if (a === 'Total') out.total = total;
    else out.count = samples.length;
  }
  return out;
}

/** One point per grain from the aligned start; each aggregates the one-minute samples taken by `now`. */
function dataOf(metric: SimMetric | undefined, span: { from: number; to: number }, grain: { ms: number; full: boolean }, wanted: readonly Aggregation[], now: number): Record<string, unknown>[] {
  const first = grain.full ? span.from : Math.floor(span.from / grain.ms) * grain.ms;
  const points: Record<string, unknown>[] = [];
  for (let t = first; t < span.to || (points.length === 0 && t === span.to); t += grain.ms) {
    const samples: number[] = [];
    const end = Math.min(t + grain.ms, span.to + 1, now + 1);
    for (let m = Math.ceil(t / minute) * minute; m < end; m += minute) {
      const v = metric ? sampleAt(metric, m) : undefined;
      if (v !== undefined) samples.push(v);
    }
    points.push({ timeStamp: new Date(t).toISOString(), ...aggregate(samples, wanted) });
  }
  return points;
}

function resourceIdsOf(req: SimRequest, subscriptionId: string): string[] {
  const body = parseObjectBody(req);
  const ids = body?.resourceids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw badRequest('The body must hold resourceids: a list of resource ids.');
  if (ids.length > 50) throw badRequest('A batch holds at most 50 resource ids.');
  for (const id of ids as string[]) {
    if (!id.toLowerCase().startsWith(`/subscriptions/${subscriptionId.toLowerCase()}/`)) throw badRequest(`The resource '${id}' is not in subscription '${subscriptionId}': a batch holds resources of one subscription.`);
  }
  return ids as string[];
}

function getBatch(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireSubscription(ctx.world, params);
  const q = req.url.searchParams;
  const world = ctx.world;
  const ns = q.get('metricnamespace');
  if (!ns) throw badRequest('metricnamespace is required.');
  if (ns.toLowerCase() !== namespace.toLowerCase()) throw badRequest(`The metric namespace '${ns}' is not simulated; only ${namespace} is.`);
  const names = (q.get('metricnames') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw badRequest('metricnames is required.');
  for (const unsupported of ['filter', 'top', 'orderby', 'rollupby']) if (q.get(unsupported) !== null) throw badRequest(`The parameter '${unsupported}' is not simulated.`);
  const ids = resourceIdsOf(req, params.subscriptionId);
  const span = spanOf(q, world.now);
  const grain = grainOf(q, span);
  const values = ids.map((id) => {
    const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/([^/]+)$/i.exec(id);
    const set = m ? world.scaleSet(params.subscriptionId, m[1], m[2]) : undefined;
    if (!set) throw new ArmError(404, 'ResourceNotFound', `The resource '${id}' was not found.`);
    const value = names.map((name) => {
      const metric = world.metrics.find((x) => x.resourceId.toLowerCase() === id.toLowerCase() && x.name.toLowerCase() === name.toLowerCase());
      const knownName = Object.keys(knownScaleSetMetrics).find((k) => k.toLowerCase() === name.toLowerCase());
      if (!metric && !knownName) throw badRequest(`Failed to find metric configuration for provider: Microsoft.Compute, resource type: virtualMachineScaleSets, metric: ${name}. Valid metrics: ${Object.keys(knownScaleSetMetrics).join(', ')}`);
      const canonical = metric?.name ?? knownName!;
      const known = knownScaleSetMetrics[canonical];
      const wanted = aggregationsOf(q, (known?.aggregation as Aggregation | undefined) ?? 'Average');
      return {
        id: `${id}/providers/Microsoft.Insights/metrics/${canonical}`,
        type: 'Microsoft.Insights/metrics',
        name: { value: canonical, localizedValue: canonical },
        displayDescription: '',
        errorCode: 'Success',
        unit: metric?.unit ?? known?.unit ?? 'Unspecified',
        timeseries: [{ metadatavalues: [], data: dataOf(metric, span, grain, wanted, world.now) }],
      };
    });
    return {
      starttime: new Date(span.from).toISOString(),
      endtime: new Date(span.to).toISOString(),
      interval: grain.text,
      namespace: ns,
      resourceregion: set.location,
      resourceid: id,
      value,
    };
  });
  return json(200, { values });
}

export const metricRoutes: Route<RouteContext>[] = [{ method: 'POST', pattern: '/subscriptions/{subscriptionId}/metrics:getBatch', handler: getBatch }];
