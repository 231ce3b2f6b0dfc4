// How many scale sets each subscription holds, from one Azure Resource Graph query per tenant instead
// of one `listAll` per subscription (issue 4, item 2). Used only when many subscriptions are selected:
// the tree then shows counts at once and needs no call at all for the (typically many) empty
// subscriptions; expanding a non-empty one still uses `listAll`, which returns every set of the
// subscription in one call — cheaper than getting each id the query returned. Resource Graph lags
// ARM by seconds to minutes, so its answer is a hint: a failed query just means "no hint".
import type { AzureAccess } from './azureAccess';
import type { ListedSubscription } from './subscriptionInventory';

/** At or above this many selected subscriptions, one Resource Graph query replaces per-subscription probing. */
export const resourceGraphThreshold = 10;

/** subscription id (lower case) → number of scale sets; subscriptions whose query failed are absent. */
export type ScaleSetCounts = ReadonlyMap<string, number>;

function byTokenTenant(subscriptions: readonly ListedSubscription[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const s of subscriptions) groups.set(s.tokenTenant, [...(groups.get(s.tokenTenant) ?? []), s.info.subscriptionId]);
  return groups;
}

export async function countScaleSets(access: AzureAccess, subscriptions: readonly ListedSubscription[], signal?: AbortSignal): Promise<ScaleSetCounts> {
  const counts = new Map<string, number>();
  // A token answers for its own tenant only, so each tenant's subscriptions are queried with its token.
  await Promise.all(
    [...byTokenTenant(subscriptions)].map(async ([tenantId, ids]) => {
      try {
        const found = await access.gateway(tenantId).queryScaleSetIds(ids, signal);
        const foundLower = new Map([...found].map(([sub, setIds]) => [sub.toLowerCase(), setIds.length]));
        for (const id of ids) counts.set(id.toLowerCase(), foundLower.get(id.toLowerCase()) ?? 0);
      } catch {
        // Fallback: these subscriptions get no hint and are listed one by one when expanded.
      }
    }),
  );
  return counts;
}
