// The one path every request takes, whichever transport brought it: loopback check, simulated time
// catch-up, faults, bearer auth, api-version, route, ARM's throttling, Compute throttling budgets, handler,
// request log.
// An ArmError thrown anywhere before the handler commits leaves the world unchanged.
import { randomUUID } from 'node:crypto';
import { ArmError } from '../armError';
import type { Clock } from '../../shared/clock';
import type { World } from '../state/world';
import type { RouteContext } from '../routes/context';
import { iso } from '../serialize/time';
import { requireApiVersion } from './apiVersion';
import { requireBearer } from './auth';
import { recordExchange } from './exchangeRecorder';
import type { FaultDecision, FaultInjector } from './faults';
import { json, type SimRequest, type SimResponse } from './message';
import type { RequestLog } from './requestLog';
import type { Router } from './router';
import type { ArmRateLimits } from './armRateLimits';
import type { Throttle } from './throttling';

export interface HandlerDeps {
  readonly world: World;
  readonly clock: Clock;
  readonly router: Router<RouteContext>;
  readonly faults: FaultInjector;
  readonly throttle: Throttle;
  /** ARM's subscription and tenant token buckets, ahead of the resource provider's budgets. */
  readonly armLimits: ArmRateLimits;
  readonly log: RequestLog;
  /** Real milliseconds added to every response (scenario latency). */
  readonly latencyMs: number;
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1';
}

function errorResponse(err: ArmError, rateHeaders: Record<string, string> = {}): SimResponse {
  return json(err.status, err.body(), { ...rateHeaders, ...err.headers });
}

function faultResponse(decision: FaultDecision): SimResponse | undefined {
  if (decision.drop) return { status: 0, headers: {}, drop: true };
  const r = decision.respond;
  if (!r) return undefined;
  return json(r.status, { error: { code: r.code, message: r.message } }, r.retryAfterSeconds !== undefined ? { 'retry-after': String(r.retryAfterSeconds) } : {});
}

async function dispatch(deps: HandlerDeps, req: SimRequest, decision: { value?: FaultDecision }): Promise<SimResponse> {
  if (!isLoopback(req.remoteAddress)) {
    return json(403, { error: { code: 'Forbidden', message: 'The simulator only answers requests from 127.0.0.1.' } });
  }
  // Discrete-event time: catch up with every state change due by now.
  deps.world.scheduler.advanceTo(deps.clock.now());
  const match = deps.router.match(req.method, req.url.pathname);
  const route = match !== undefined && 'route' in match ? match.route : undefined;
  const control = route?.control === true;
  const anonymous = route?.anonymous === true;
  if (!control) {
    decision.value = deps.faults.decide(req);
    const faulted = faultResponse(decision.value);
    if (faulted) return faulted;
  }
  let rateHeaders: Record<string, string> = {};
  try {
    if (!anonymous) requireBearer(req);
    if (!control) requireApiVersion(req);
    if (!match) throw new ArmError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${req.url.pathname}'.`);
    if ('methodMismatch' in match) throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`);
    if (!control && !anonymous) {
      // ARM throttles before the request reaches Compute (Learn: throttling happens at two levels).
      rateHeaders = deps.armLimits.admit(req, deps.world.now);
      rateHeaders = { ...rateHeaders, ...deps.throttle.admit(req, deps.world.now) };
    }
    const opsBefore = deps.world.operations.count;
    const res = await match.route.handler({ world: deps.world }, req, match.params);
    const failure = decision.value?.failOperation;
    if (failure) for (const op of deps.world.operations.createdSince(opsBefore)) op.failWith = failure;
    return { ...res, headers: { ...rateHeaders, ...res.headers } };
  } catch (err) {
    // Compute reports the budgets on refusals too.
    if (err instanceof ArmError) return errorResponse(err, rateHeaders);
    return json(500, { error: { code: 'InternalServerError', message: `The simulator failed: ${(err as Error).message}` } });
  }
}

/** Answers one request (with its delay and request ids) and logs it. */
export async function handleRequest(deps: HandlerDeps, req: SimRequest): Promise<SimResponse> {
  const started = Date.now();
  const decision: { value?: FaultDecision } = {};
  const res = await dispatch(deps, req, decision);
  const requestId = randomUUID();
  const delayMs = deps.latencyMs + (decision.value?.delayMs ?? 0);
  deps.log.record({
    method: req.method,
    path: req.url.pathname,
    query: req.url.search,
    status: res.drop ? 'dropped' : res.status,
    simTime: iso(deps.world.now),
    realTime: new Date(started).toISOString(),
    durationMs: Date.now() - started + delayMs,
    ...(req.headers.get('x-ms-client-request-id') ? { clientRequestId: req.headers.get('x-ms-client-request-id')! } : {}),
    faults: decision.value?.labels ?? [],
  });
  const answered = {
    ...res,
    headers: { 'x-ms-request-id': requestId, 'x-ms-correlation-request-id': req.headers.get('x-ms-correlation-request-id') ?? requestId, ...res.headers },
    ...(delayMs > 0 ? { delayMs } : {}),
  };
  recordExchange(req, answered, req.url.pathname.startsWith('/_simulator/'), decision.value?.respond !== undefined);
  return answered;
}
