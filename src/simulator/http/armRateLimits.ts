// Azure Resource Manager's own throttling, in front of the resource provider's (Learn, "Understand how
// Azure Resource Manager throttles requests", the regional token-bucket limits Azure moved to in 2024):
// per subscription (a path with a subscription id) and per tenant (the rest), one bucket per operation
// type — reads (GET, HEAD) 250 tokens refilled at 25 a second, writes (PUT, PATCH, POST) and deletes 200
// at 10 a second. Every answer carries what is left in `x-ms-ratelimit-remaining-subscription-reads|
// writes|deletes` (or `…-tenant-reads|writes`); an empty bucket answers 429 with Retry-After, error code
// `SubscriptionRequestsThrottled` / `TenantRequestsThrottled` (codes from ARM's answers reported on
// MicrosoftDocs/azure-docs issue 105248 and the Learn page; the message wording is unverified).
// The bucket is per security principal on Azure; the simulator has one principal. Resource Graph is
// left out: it throttles with its own quota headers (Learn, "Guidance for throttled requests in Azure
// Resource Graph"), which the simulator does not model.
import { ArmError } from '../armError';
import type { SimRequest } from './message';

export type ArmOperationKind = 'reads' | 'writes' | 'deletes';

export interface TokenBucket {
  readonly size: number;
  readonly refillPerSecond: number;
}

/** Learn's limits; a scenario may set smaller ones (e.g. to show throttling) under `throttling.arm`. */
export const documentedArmLimits: Readonly<Record<ArmOperationKind, TokenBucket>> = {
  reads: { size: 250, refillPerSecond: 25 },
  writes: { size: 200, refillPerSecond: 10 },
  deletes: { size: 200, refillPerSecond: 10 },
};

export function operationKind(method: string): ArmOperationKind {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' ? 'reads' : m === 'DELETE' ? 'deletes' : 'writes';
}

/** `subscription` with its id, or `tenant` (the subscription list itself is a tenant-level request). */
function scopeOf(path: string): { scope: 'subscription' | 'tenant'; id: string } | undefined {
  if (/^\/providers\/Microsoft\.ResourceGraph\//i.test(path)) return undefined;
  // metrics:getBatch is Azure Monitor's regional data plane, not Resource Manager (metricBatch.json host).
  if (/^\/subscriptions\/[^/]+\/metrics:getBatch$/i.test(path)) return undefined;
  const m = /^\/subscriptions\/([^/]+)\/?/i.exec(path);
  return m ? { scope: 'subscription', id: m[1].toLowerCase() } : { scope: 'tenant', id: 'tenant' };
}

interface BucketState {
  tokens: number;
  simAt: number;
  realAt: number;
}

export class ArmRateLimits {
  private readonly buckets = new Map<string, BucketState>();

  constructor(
    private readonly limits: Readonly<Record<ArmOperationKind, TokenBucket>> = documentedArmLimits,
    private readonly timeScale = 1,
    private readonly realNow: () => number = Date.now,
  ) {}

  /**
   * Takes a token for the request or throws ARM's 429; returns the header saying what is left.
   * Tokens come back with the time that passed: simulated time (what the world lives in), but never less
   * than real time, so that a virtual clock standing still while a test sends a burst does not starve
   * the bucket of the refill that real seconds would have brought.
   */
  admit(req: SimRequest, simNow: number): Record<string, string> {
    const where = scopeOf(req.url.pathname);
    if (!where) return {};
    const kind = operationKind(req.method);
    // Tenants have no delete bucket on the Learn page's headers; deletes at tenant scope count as writes.
    const headerKind = where.scope === 'tenant' && kind === 'deletes' ? 'writes' : kind;
    const limit = this.limits[headerKind];
    const key = `${where.scope}|${where.id}|${headerKind}`;
    const realNow = this.realNow();
    const state = this.buckets.get(key) ?? { tokens: limit.size, simAt: simNow, realAt: realNow };
    const elapsedSeconds = Math.max(simNow - state.simAt, realNow - state.realAt, 0) / 1000;
    state.tokens = Math.min(limit.size, state.tokens + elapsedSeconds * limit.refillPerSecond);
    state.simAt = simNow;
    state.realAt = realNow;
    this.buckets.set(key, state);
    const header = `x-ms-ratelimit-remaining-${where.scope}-${headerKind}`;
    if (state.tokens < 1) {
      const waitSimSeconds = (1 - state.tokens) / limit.refillPerSecond;
      const retryAfter = Math.max(1, Math.ceil(waitSimSeconds / this.timeScale));
      const read = headerKind === 'reads' ? 'read' : headerKind === 'writes' ? 'write' : 'delete';
      throw new ArmError(
        429,
        where.scope === 'subscription' ? 'SubscriptionRequestsThrottled' : 'TenantRequestsThrottled',
        where.scope === 'subscription'
          ? `Number of '${read}' requests for subscription '${where.id}' exceeded the limit. Please try again after '${retryAfter}' seconds.`
          : `Number of '${read}' requests for the tenant exceeded the limit. Please try again after '${retryAfter}' seconds.`,
        undefined,
        { 'retry-after': String(retryAfter), [header]: '0' },
      );
    }
    state.tokens -= 1;
    return { [header]: String(Math.floor(state.tokens)) };
  }
}
