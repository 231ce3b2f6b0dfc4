// Subscriptions and tenants (Microsoft.Resources, api 2022-12-01): what the SubscriptionClient lists.
import { json, type SimRequest, type SimResponse } from '../http/message';
import { pageOf } from '../http/paging';
import type { Route, RouteParams } from '../http/router';
import type { Subscription, Tenant } from '../state/model';
import type { RouteContext } from './context';
import { requireSubscription } from './lookup';

function subscriptionJson(s: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    tags: { ...s.tags },
  };
}

function tenantJson(t: Tenant): Record<string, unknown> {
  return {
    id: `/tenants/${t.tenantId}`,
    tenantId: t.tenantId,
    countryCode: t.countryCode,
    displayName: t.displayName,
    domains: [t.defaultDomain],
    defaultDomain: t.defaultDomain,
    tenantCategory: t.tenantCategory,
    tenantType: 'AAD',
  };
}

function listSubscriptions(ctx: RouteContext, req: SimRequest): SimResponse {
  return json(200, pageOf(req, ctx.world.subscriptions.map(subscriptionJson), ctx.world.timing.pageSize));
}

function getSubscription(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  return json(200, subscriptionJson(requireSubscription(ctx.world, params)));
}

function listTenants(ctx: RouteContext, req: SimRequest): SimResponse {
  return json(200, pageOf(req, ctx.world.tenants.map(tenantJson), ctx.world.timing.pageSize));
}

export const subscriptionRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: '/subscriptions', handler: listSubscriptions },
  { method: 'GET', pattern: '/subscriptions/{subscriptionId}', handler: getSubscription },
  { method: 'GET', pattern: '/tenants', handler: listTenants },
];
