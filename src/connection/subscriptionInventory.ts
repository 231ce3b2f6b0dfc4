// Subscriptions the account can see, across tenants, de-duplicated (issue 4, item 2). A token is per
// tenant and `GET /subscriptions` lists only the token's tenant, so each tenant is asked with its own
// token. The home tenant's list is requested in parallel with the tenant list: for the common
// single-tenant account the whole inventory then takes one round trip.
import type { SubscriptionInfo, TenantInfo } from '../azure/gateway';
import type { AzureAccess } from './azureAccess';
import { compareText } from '../shared/collation';

export interface TenantProblem {
  readonly tenant: TenantInfo;
  readonly error: unknown;
}

/** A subscription and the tenant whose token listed it — the token its own calls must use. */
export interface ListedSubscription {
  readonly info: SubscriptionInfo;
  /** undefined: the account's home tenant (the token without a tenant scope). */
  readonly tokenTenant?: string;
}

export interface SubscriptionListing {
  readonly subscriptions: ListedSubscription[];
  /** Tenants whose subscriptions could not be listed (e.g. they need an interactive sign-in). */
  readonly tenantProblems: TenantProblem[];
}

function sameId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** De-duplicates by subscription id (the first listing wins) and sorts by name. */
export function mergeSubscriptions(lists: readonly { readonly tokenTenant?: string; readonly subscriptions: readonly SubscriptionInfo[] }[]): ListedSubscription[] {
  const byId = new Map<string, ListedSubscription>();
  for (const list of lists) {
    for (const info of list.subscriptions) {
      const key = info.subscriptionId.toLowerCase();
      if (key && !byId.has(key)) byId.set(key, { info, tokenTenant: list.tokenTenant });
    }
  }
  return [...byId.values()].sort((a, b) => compareText(a.info.displayName, b.info.displayName) || compareText(a.info.subscriptionId, b.info.subscriptionId));
}

export async function listSubscriptions(access: AzureAccess, signal?: AbortSignal): Promise<SubscriptionListing> {
  if (access.tenantId) {
    const subscriptions = await access.gateway(access.tenantId).listSubscriptions(signal);
    return { subscriptions: mergeSubscriptions([{ tokenTenant: access.tenantId, subscriptions }]), tenantProblems: [] };
  }
  // Without the tenant list (a failure there) the home tenant's subscriptions are still worth showing.
  const [tenants, home] = await Promise.all([access.gateway().listTenants(signal).catch(() => []), access.gateway().listSubscriptions(signal)]);
  // Tenants already covered by the home token's list need no second call.
  const others = tenants.filter((t) => !home.some((s) => sameId(s.tenantId, t.tenantId)));
  const results = await Promise.allSettled(others.map((t) => access.gateway(t.tenantId).listSubscriptions(signal)));
  const lists = [{ tokenTenant: undefined as string | undefined, subscriptions: home }];
  const tenantProblems: TenantProblem[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') lists.push({ tokenTenant: others[i].tenantId, subscriptions: r.value });
    else tenantProblems.push({ tenant: others[i], error: r.reason });
  });
  signal?.throwIfAborted();
  return { subscriptions: mergeSubscriptions(lists), tenantProblems };
}
