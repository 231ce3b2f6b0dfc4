// The simulator's own control endpoints (not Azure): publish an image version (starts automatic
// upgrades, A1/A4), read the request log, read the simulated clock. Bearer auth applies; api-version
// does not.
import { invalidParameter } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import { parseObjectBody } from '../http/requestBody';
import type { LoggedRequest } from '../http/requestLog';
import type { Route } from '../http/router';
import type { ImageVersion } from '../state/model';
import { iso } from '../serialize/time';
import type { RouteContext } from './context';

export interface PublishRequest {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
  readonly version: string;
  readonly location?: string;
}

export interface ControlDeps {
  publish(request: PublishRequest): ImageVersion[];
  requests(afterSeq?: number): readonly LoggedRequest[];
  readonly timeScale: number;
}

function stringField(body: Record<string, unknown>, key: string, optional = false): string | undefined {
  const value = body[key];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || !value) throw invalidParameter(key, `Required parameter '${key}' is missing or not a string.`);
  return value;
}

export function controlRoutes(deps: ControlDeps): Route<RouteContext>[] {
  const publish = (_ctx: RouteContext, req: SimRequest): SimResponse => {
    const body = parseObjectBody(req) ?? {};
    const version = stringField(body, 'version')!;
    if (!/^\d+(\.\d+){1,3}$/.test(version)) throw invalidParameter('version', `'${version}' is not a platform image version (Major.Minor.Patch).`);
    const location = stringField(body, 'location', true);
    const published = deps.publish({ publisher: stringField(body, 'publisher')!, offer: stringField(body, 'offer')!, sku: stringField(body, 'sku')!, version, ...(location ? { location } : {}) });
    return json(200, { published: published.map((v) => ({ ...v, publishedAt: iso(v.publishedAt) })) });
  };
  return [
    { method: 'POST', pattern: '/_simulator/images/publish', handler: publish, control: true },
    // ?after=<seq>: only what came after the last entry a poller saw (the log keeps the newest entries).
    { method: 'GET', pattern: '/_simulator/requests', handler: (_ctx, req) => json(200, { value: deps.requests(Number(req.url.searchParams.get('after') ?? 0) || 0) }), control: true },
    { method: 'GET', pattern: '/_simulator/clock', handler: (ctx) => json(200, { now: iso(ctx.world.now), timeScale: deps.timeScale, nextEventAt: ctx.world.scheduler.nextEventAt() ?? null }), control: true },
  ];
}
