// Azure Monitor alerts (Microsoft.AlertsManagement, api-version 2019-03-01) through @azure/core-client:
// there is no current JS SDK package for this API in our dependencies, so its one list operation
// (Alerts_GetAll: GET /subscriptions/{subscriptionId}/providers/Microsoft.AlertsManagement/alerts) is
// called on a ServiceClient built by the client factory with the same credential, endpoint and pipeline
// policies (retries, statistics, abort signal) as the ARM clients.
import type { ClientFactory } from '../clientFactory';
import { loadSdk } from '../loadSdk';
import { withSignal } from '../requestScope';
import { type Alert, type AlertQuery, type AlertsPage, alertsApiVersion } from './alertTypes';

export interface AlertsReader {
  /** Every alert matching the query (all pages). */
  listAlerts(subscriptionId: string, query: AlertQuery, signal?: AbortSignal): Promise<Alert[]>;
}

export function alertsListUrl(endpoint: string, subscriptionId: string, query: AlertQuery): string {
  const url = new URL(`${endpoint}/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.AlertsManagement/alerts`);
  const params = url.searchParams;
  if (query.targetResource) params.set('targetResource', query.targetResource);
  if (query.targetResourceType) params.set('targetResourceType', query.targetResourceType);
  if (query.targetResourceGroup) params.set('targetResourceGroup', query.targetResourceGroup);
  if (query.monitorCondition) params.set('monitorCondition', query.monitorCondition);
  if (query.severity) params.set('severity', query.severity);
  if (query.alertState) params.set('alertState', query.alertState);
  if (query.timeRange) params.set('timeRange', query.timeRange);
  if (query.customTimeRange) params.set('customTimeRange', `${query.customTimeRange.from.toISOString()}/${query.customTimeRange.to.toISOString()}`);
  if (query.pageCount !== undefined) params.set('pageCount', String(query.pageCount));
  params.set('api-version', alertsApiVersion);
  return url.toString();
}

/** An ARM error body as a RestError, so callers classify it like any SDK error (azureError.ts). */
function restError(status: number, bodyText: string | undefined, url: string): Error {
  let message = `Alerts request failed with status ${status}`;
  let code: string | undefined;
  try {
    const body = JSON.parse(bodyText ?? '') as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON: keep the status line.
  }
  const { RestError } = loadSdk();
  return new RestError(message, { statusCode: status, ...(code ? { code } : {}), request: loadSdk().createPipelineRequest({ url }) });
}

export class ArmAlerts implements AlertsReader {
  constructor(private readonly clients: ClientFactory) {}

  async listAlerts(subscriptionId: string, query: AlertQuery, signal?: AbortSignal): Promise<Alert[]> {
    const client = this.clients.alertsManagement();
    const alerts: Alert[] = [];
    let next: string | undefined = alertsListUrl(this.clients.endpoint, subscriptionId, query);
    // A nextLink is followed verbatim (x-ms-pageable, nextLinkName "nextLink").
    while (next) {
      const url: string = next;
      const response = await withSignal(signal, () => client.sendRequest(loadSdk().createPipelineRequest({ url, method: 'GET', ...(signal ? { abortSignal: signal } : {}) })));
      if (response.status !== 200) throw restError(response.status, response.bodyAsText ?? undefined, url);
      const page = JSON.parse(response.bodyAsText ?? '{}') as AlertsPage;
      alerts.push(...(page.value ?? []));
      next = page.nextLink || undefined;
    }
    return alerts;
  }
}
