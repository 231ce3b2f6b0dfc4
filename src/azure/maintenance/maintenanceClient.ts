// Typed calls of the Microsoft.Maintenance REST API (no JS SDK package exists) through the factory's
// ARM ServiceClient: one method per spec operation we use (operationIds from Maintenance.json
// 2023-04-01). Non-2xx answers become RestError with ARM's error code, like the SDK's own errors.
import { createPipelineRequest, RestError, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { ClientFactory } from '../clientFactory';
import { maintenanceApiVersion, type ConfigurationAssignment, type ListResult, type MaintenanceConfiguration } from './maintenanceTypes';

function errorOf(res: PipelineResponse): RestError {
  let code: string | undefined;
  let message = `Microsoft.Maintenance answered ${res.status}.`;
  try {
    const body = JSON.parse(res.bodyAsText ?? '') as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status text
  }
  return new RestError(message, { code, statusCode: res.status, response: res as never });
}

export class MaintenanceClient {
  constructor(private readonly clients: ClientFactory) {}

  private async call<T>(method: 'GET' | 'PUT' | 'DELETE', path: string, body?: unknown, missingIsUndefined = false): Promise<T | undefined> {
    const url = `${this.clients.endpoint}${path}?api-version=${maintenanceApiVersion}`;
    const request = createPipelineRequest({ url, method });
    request.headers.set('Accept', 'application/json');
    if (body !== undefined) {
      request.headers.set('Content-Type', 'application/json');
      request.body = JSON.stringify(body);
    }
    const res = await this.clients.arm().sendRequest(request);
    if (res.status === 404 && missingIsUndefined) return undefined;
    if (res.status < 200 || res.status >= 300) throw errorOf(res);
    return res.bodyAsText ? (JSON.parse(res.bodyAsText) as T) : undefined;
  }

  /** MaintenanceConfigurations_Get; undefined when it does not exist. */
  getConfiguration(subscriptionId: string, resourceGroup: string, name: string): Promise<MaintenanceConfiguration | undefined> {
    return this.call('GET', configurationPath(subscriptionId, resourceGroup, name), undefined, true);
  }

  /** MaintenanceConfigurations_Get by its resource id (what an assignment names). */
  getConfigurationById(id: string): Promise<MaintenanceConfiguration | undefined> {
    return this.call('GET', id, undefined, true);
  }

  /** MaintenanceConfigurations_CreateOrUpdate. */
  async putConfiguration(subscriptionId: string, resourceGroup: string, name: string, configuration: MaintenanceConfiguration): Promise<MaintenanceConfiguration> {
    const out = await this.call<MaintenanceConfiguration>('PUT', configurationPath(subscriptionId, resourceGroup, name), configuration);
    return out ?? configuration;
  }

  /** MaintenanceConfigurations_List (the subscription's configurations). */
  async listConfigurations(subscriptionId: string): Promise<MaintenanceConfiguration[]> {
    const out = await this.call<ListResult<MaintenanceConfiguration>>('GET', `/subscriptions/${enc(subscriptionId)}/providers/Microsoft.Maintenance/maintenanceConfigurations`);
    return [...(out?.value ?? [])];
  }

  /** ConfigurationAssignments_List for a scale set. */
  async listScaleSetAssignments(scaleSetId: string): Promise<ConfigurationAssignment[]> {
    const out = await this.call<ListResult<ConfigurationAssignment>>('GET', `${scaleSetId}/providers/Microsoft.Maintenance/configurationAssignments`);
    return [...(out?.value ?? [])];
  }

  /** ConfigurationAssignments_CreateOrUpdate: assigns a configuration to a scale set. */
  async assignToScaleSet(scaleSetId: string, assignmentName: string, configurationId: string, location: string): Promise<ConfigurationAssignment> {
    const body: ConfigurationAssignment = { location, properties: { maintenanceConfigurationId: configurationId } };
    const out = await this.call<ConfigurationAssignment>('PUT', `${scaleSetId}/providers/Microsoft.Maintenance/configurationAssignments/${enc(assignmentName)}`, body);
    return out ?? body;
  }

  /** ConfigurationAssignments_Delete. */
  async unassignFromScaleSet(scaleSetId: string, assignmentName: string): Promise<void> {
    await this.call('DELETE', `${scaleSetId}/providers/Microsoft.Maintenance/configurationAssignments/${enc(assignmentName)}`);
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

export function configurationPath(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${enc(subscriptionId)}/resourceGroups/${enc(resourceGroup)}/providers/Microsoft.Maintenance/maintenanceConfigurations/${enc(name)}`;
}
