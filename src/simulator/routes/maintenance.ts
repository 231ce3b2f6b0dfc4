// Microsoft.Maintenance (spec: Maintenance.json 2023-04-01): maintenance configurations (Get,
// CreateOrUpdate, List) and their assignment to a scale set (ConfigurationAssignments Get,
// CreateOrUpdate, List, Delete). An OS-image configuration assigned to a set confines the set's
// automatic OS upgrades to its window (engine/automaticUpgrades.ts).
import { ArmError, invalidParameter } from '../armError';
import { reconsiderMaintenanceWindow } from '../engine/automaticUpgrades';
import { empty, json, type SimRequest, type SimResponse } from '../http/message';
import { isObject, parseObjectBody } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import { scaleSetId } from '../state/ids';
import { configurationId, type SimConfigurationAssignment, type SimMaintenanceConfiguration } from '../state/maintenance';
import type { ScaleSet } from '../state/model';
import type { MaintenanceWindow } from '../../shared/maintenance/maintenanceWindow';
import { osImageWindowProblems } from '../../shared/maintenance/osImageRules';
import type { RouteContext } from './context';
import { requireResourceGroup, requireScaleSet, requireSubscription } from './lookup';

const configurations = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Maintenance/maintenanceConfigurations';
const assignments = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}/providers/Microsoft.Maintenance/configurationAssignments';

function notFound(resourceGroup: string, type: string): ArmError {
  return new ArmError(404, 'ResourceNotFound', `The Resource '${type}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
}

export function configurationJson(c: SimMaintenanceConfiguration): Record<string, unknown> {
  return {
    id: configurationId(c),
    name: c.name,
    type: 'Microsoft.Maintenance/maintenanceConfigurations',
    location: c.location,
    tags: c.tags,
    properties: {
      extensionProperties: c.extensionProperties,
      maintenanceScope: c.maintenanceScope,
      visibility: c.visibility,
      ...(c.window ? { maintenanceWindow: c.window } : {}),
    },
  };
}

function assignmentJson(a: SimConfigurationAssignment): Record<string, unknown> {
  return {
    id: `${a.resourceId}/providers/Microsoft.Maintenance/configurationAssignments/${a.name}`,
    name: a.name,
    type: 'Microsoft.Maintenance/configurationAssignments',
    location: a.location,
    properties: { maintenanceConfigurationId: a.maintenanceConfigurationId, resourceId: a.resourceId },
  };
}

function stringField(obj: Record<string, unknown>, key: string, target: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidParameter(target, `'${target}' must be a string.`);
  return v;
}

function windowOf(properties: Record<string, unknown>): MaintenanceWindow | undefined {
  const w = properties.maintenanceWindow;
  if (w === undefined) return undefined;
  if (!isObject(w)) throw invalidParameter('properties.maintenanceWindow', "'properties.maintenanceWindow' must be an object.");
  const field = (k: string) => stringField(w, k, `properties.maintenanceWindow.${k}`);
  const startDateTime = field('startDateTime');
  const timeZone = field('timeZone');
  if (!startDateTime || !timeZone) throw invalidParameter('properties.maintenanceWindow', 'A maintenance window needs startDateTime and timeZone.');
  const optional = { expirationDateTime: field('expirationDateTime'), duration: field('duration'), recurEvery: field('recurEvery') };
  return { startDateTime, timeZone, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) };
}

function getConfiguration(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  requireResourceGroup(ctx.world, params);
  const c = ctx.world.maintenance.configuration(params.subscriptionId, params.resourceGroupName, params.resourceName);
  if (!c) throw notFound(params.resourceGroupName, `Microsoft.Maintenance/maintenanceConfigurations/${params.resourceName}`);
  return json(200, configurationJson(c));
}

function putConfiguration(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireResourceGroup(ctx.world, params);
  const body = parseObjectBody(req) ?? {};
  const location = stringField(body, 'location', 'location');
  if (!location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  const properties = isObject(body.properties) ? body.properties : {};
  const maintenanceScope = stringField(properties, 'maintenanceScope', 'properties.maintenanceScope') ?? 'Host';
  const window = windowOf(properties);
  if (maintenanceScope.toLowerCase() === 'osimage' && window) {
    // Learn (Azure CLI maintenance control for scale sets): ≥ 5 hours, recurrence Day. The error code
    // Azure answers with is unverified; the refusal itself is what Learn's "must" describes.
    const problems = osImageWindowProblems(window);
    if (problems.length) throw new ArmError(400, 'BadRequest', problems.join(' '), 'properties.maintenanceWindow');
  }
  const tags = isObject(body.tags) ? (body.tags as Record<string, string>) : {};
  const config: SimMaintenanceConfiguration = {
    subscriptionId: params.subscriptionId,
    resourceGroup: params.resourceGroupName,
    name: params.resourceName,
    location,
    tags,
    maintenanceScope,
    visibility: stringField(properties, 'visibility', 'properties.visibility') ?? 'Custom',
    window,
    extensionProperties: isObject(properties.extensionProperties) ? (properties.extensionProperties as Record<string, string>) : {},
  };
  ctx.world.maintenance.putConfiguration(config);
  rescheduleAssignedSets(ctx, configurationId(config));
  return json(200, configurationJson(config));
}

function listConfigurations(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  requireSubscription(ctx.world, params);
  const mine = ctx.world.maintenance.configurations.filter((c) => c.subscriptionId.toLowerCase() === params.subscriptionId.toLowerCase());
  return json(200, { value: mine.map(configurationJson) });
}

function setOf(ctx: RouteContext, params: RouteParams): ScaleSet {
  return requireScaleSet(ctx.world, params);
}

function getAssignment(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const set = setOf(ctx, params);
  const a = ctx.world.maintenance.assignmentsOf(scaleSetId(set)).find((x) => x.name.toLowerCase() === params.configurationAssignmentName.toLowerCase());
  if (!a) throw notFound(params.resourceGroupName, `Microsoft.Maintenance/configurationAssignments/${params.configurationAssignmentName}`);
  return json(200, assignmentJson(a));
}

function listAssignments(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const set = setOf(ctx, params);
  return json(200, { value: ctx.world.maintenance.assignmentsOf(scaleSetId(set)).map(assignmentJson) });
}

function putAssignment(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const set = setOf(ctx, params);
  const body = parseObjectBody(req) ?? {};
  const properties = isObject(body.properties) ? body.properties : {};
  const configId = stringField(properties, 'maintenanceConfigurationId', 'properties.maintenanceConfigurationId');
  if (!configId) throw invalidParameter('properties.maintenanceConfigurationId', 'properties.maintenanceConfigurationId is required.');
  const config = ctx.world.maintenance.configurationById(configId);
  if (!config) throw notFound(configId.split('/')[4] ?? params.resourceGroupName, `Microsoft.Maintenance/maintenanceConfigurations/${configId.split('/').pop()}`);
  const assignment: SimConfigurationAssignment = {
    resourceId: scaleSetId(set),
    name: params.configurationAssignmentName,
    location: stringField(body, 'location', 'location') ?? set.location,
    maintenanceConfigurationId: configurationId(config),
  };
  const created = ctx.world.maintenance.putAssignment(assignment);
  rescheduleSet(ctx, set);
  return json(created ? 201 : 200, assignmentJson(assignment));
}

function deleteAssignment(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const set = setOf(ctx, params);
  const removed = ctx.world.maintenance.deleteAssignment(scaleSetId(set), params.configurationAssignmentName);
  rescheduleSet(ctx, set);
  return removed ? json(200, assignmentJson(removed)) : empty(204);
}

/** A pending automatic upgrade re-reads the window it waits for (a changed window moves its start). */
function rescheduleSet(ctx: RouteContext, set: ScaleSet): void {
  reconsiderMaintenanceWindow(ctx.world, set);
}

function rescheduleAssignedSets(ctx: RouteContext, configId: string): void {
  for (const set of ctx.world.scaleSets) {
    if (ctx.world.maintenance.assignmentsOf(scaleSetId(set)).some((a) => a.maintenanceConfigurationId.toLowerCase() === configId.toLowerCase())) rescheduleSet(ctx, set);
  }
}

export const maintenanceRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: '/subscriptions/{subscriptionId}/providers/Microsoft.Maintenance/maintenanceConfigurations', handler: listConfigurations },
  { method: 'GET', pattern: `${configurations}/{resourceName}`, handler: getConfiguration },
  { method: 'PUT', pattern: `${configurations}/{resourceName}`, handler: putConfiguration },
  { method: 'GET', pattern: assignments, handler: listAssignments },
  { method: 'GET', pattern: `${assignments}/{configurationAssignmentName}`, handler: getAssignment },
  { method: 'PUT', pattern: `${assignments}/{configurationAssignmentName}`, handler: putAssignment },
  { method: 'DELETE', pattern: `${assignments}/{configurationAssignmentName}`, handler: deleteAssignment },
];
