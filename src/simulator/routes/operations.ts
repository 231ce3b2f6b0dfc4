// The operation status resource of Compute LROs:
// `GET …/providers/Microsoft.Compute/locations/{location}/operations/{operationId}` →
// `{name, status, startTime, endTime, error}` (always 200); with `monitor=true` (the Location URL)
// 202 while running and 200 once finished — never 204, which the SDK rejects (azure-sdk.md).
import { entityNotFound } from '../armError';
import { empty, json, type SimRequest, type SimResponse } from '../http/message';
import type { Route, RouteParams } from '../http/router';
import { iso } from '../serialize/time';
import type { RouteContext } from './context';
import { lroHeaders, retryAfterHeader } from './lroResponse';
import { requireSubscription } from './lookup';

function getOperation(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireSubscription(ctx.world, params);
  const op = ctx.world.operations.get(params.operationId);
  if (!op || op.subscriptionId.toLowerCase() !== params.subscriptionId.toLowerCase()) throw entityNotFound();
  const world = ctx.world;
  if (req.url.searchParams.get('monitor') === 'true') {
    return op.status === 'InProgress' ? empty(202, { location: lroHeaders(world, req, op).location, ...retryAfterHeader(world) }) : empty(200);
  }
  return json(200, {
    name: op.id,
    status: op.status,
    startTime: iso(op.startTime),
    ...(op.endTime !== undefined ? { endTime: iso(op.endTime) } : {}),
    ...(op.error ? { error: { code: op.error.code, message: op.error.message } } : {}),
  }, op.status === 'InProgress' ? retryAfterHeader(world) : {});
}

export const operationRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/operations/{operationId}', handler: getOperation },
];
