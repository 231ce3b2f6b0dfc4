// Scale sets: list (per resource group), listAll (per subscription), get, update (PATCH) and
// createOrUpdate (PUT) as long-running operations in the Compute pattern: 200/201 with the body
// (provisioningState Updating) and Azure-AsyncOperation.
import { invalidParameter, invalidRequestContent } from '../armError';
import { replaceSwitchedImageReference } from '../engine/imageReferencePatch';
import { commitModel, mergeModel } from '../engine/modelUpdate';
import { json, type SimRequest, type SimResponse } from '../http/message';
import { pageOf } from '../http/paging';
import { isObject, parseObjectBody, type JsonObject } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import type { ScaleSet } from '../state/model';
import { validateModel } from '../state/modelValidation';
import { checkCoreQuota } from '../state/coreQuota';
import { addInstances, newScaleSet, stripReadOnly } from '../state/scaleSetFactory';
import { etagOf, scaleSetJson } from '../serialize/scaleSetJson';
import type { RouteContext } from './context';
import { checkPreconditions } from './conditional';
import { lroHeaders } from './lroResponse';
import { requireResourceGroup, requireScaleSet, requireSubscription } from './lookup';

const vmss = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}';

function listAll(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireSubscription(ctx.world, params);
  const sets = ctx.world.scaleSetsOf(params.subscriptionId).map((s) => scaleSetJson(ctx.world, s));
  return json(200, pageOf(req, sets, ctx.world.timing.pageSize));
}

function listInGroup(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireResourceGroup(ctx.world, params);
  const sets = ctx.world.scaleSetsOf(params.subscriptionId, params.resourceGroupName).map((s) => scaleSetJson(ctx.world, s));
  return json(200, pageOf(req, sets, ctx.world.timing.pageSize));
}

function get(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  return json(200, scaleSetJson(ctx.world, set), { etag: etagOf(set.etag) });
}

function objectField(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidRequestContent(`'${key}' must be a JSON object`);
  return value;
}

function skuFrom(base: ScaleSet['sku'], patch: JsonObject | undefined): ScaleSet['sku'] {
  if (!patch) return { ...base };
  const capacity = patch.capacity ?? base.capacity;
  if (typeof capacity !== 'number') throw invalidParameter('sku.capacity', "The value of parameter 'sku.capacity' must be an integer.");
  return { name: typeof patch.name === 'string' ? patch.name : base.name, tier: typeof patch.tier === 'string' ? patch.tier : base.tier, capacity };
}

function tagsFrom(value: JsonObject | undefined, fallback: Record<string, string>): Record<string, string> {
  if (!value) return fallback;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/** Writes a validated candidate and answers with the resource and the LRO headers. */
function accept(ctx: RouteContext, req: SimRequest, set: ScaleSet, candidate: Pick<ScaleSet, 'properties' | 'tags' | 'sku'>, status: 200 | 201): SimResponse {
  const world = ctx.world;
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  commitModel(world, set, candidate, () => world.operations.finish(op, world.now, 'Succeeded'));
  return json(status, scaleSetJson(world, set), { ...lroHeaders(world, req, op, false), etag: etagOf(set.etag) });
}

function update(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  checkPreconditions(req, set.etag);
  const body = parseObjectBody(req) ?? {};
  const properties = objectField(body, 'properties');
  const candidate = {
    ...set,
    properties: stripReadOnly(properties ? replaceSwitchedImageReference(set.properties, properties, mergeModel(set.properties, properties)) : set.properties),
    tags: tagsFrom(objectField(body, 'tags'), set.tags),
    sku: skuFrom(set.sku, objectField(body, 'sku')),
  };
  validateModel(ctx.world, candidate, set);
  checkCoreQuota(ctx.world, candidate, set);
  return accept(ctx, req, set, candidate, 200);
}

function osTypeOf(properties: JsonObject): 'Linux' | 'Windows' {
  const os = (properties.virtualMachineProfile as JsonObject | undefined)?.osProfile as JsonObject | undefined;
  return os?.windowsConfiguration ? 'Windows' : 'Linux';
}

function createOrUpdate(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  requireSubscription(world, params);
  const existing = world.scaleSet(params.subscriptionId, params.resourceGroupName, params.vmScaleSetName);
  checkPreconditions(req, existing?.etag);
  const body = parseObjectBody(req);
  if (!body) throw invalidRequestContent('The request body is empty');
  const location = body.location;
  if (typeof location !== 'string' || !location) throw invalidParameter('location', "Required parameter 'location' is missing (null).");
  const properties = stripReadOnly(objectField(body, 'properties') ?? {});
  if (existing) {
    if (location.toLowerCase() !== existing.location.toLowerCase()) throw invalidParameter('location', `Changing property 'location' is not allowed.`);
    const candidate = { ...existing, properties, tags: tagsFrom(objectField(body, 'tags'), {}), sku: skuFrom(existing.sku, objectField(body, 'sku')) };
    validateModel(world, candidate, existing);
    checkCoreQuota(world, candidate, existing);
    return accept(ctx, req, existing, candidate, 200);
  }
  requireResourceGroup(world, params);
  const sku = objectField(body, 'sku');
  const zones = Array.isArray(body.zones) ? body.zones.map(String) : undefined;
  const set = newScaleSet(world, {
    subscriptionId: world.subscription(params.subscriptionId)!.subscriptionId,
    resourceGroup: params.resourceGroupName,
    name: params.vmScaleSetName,
    location,
    tags: tagsFrom(objectField(body, 'tags'), {}),
    sku: skuFrom({ name: 'Standard_D2s_v3', tier: 'Standard', capacity: 2 }, sku),
    ...(zones ? { zones } : {}),
    properties,
    osType: osTypeOf(properties),
  });
  validateModel(world, set, undefined);
  checkCoreQuota(world, set, undefined);
  world.scaleSets.push(set);
  addInstances(world, set, set.sku.capacity);
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  set.updatingUntil = world.now + world.timing.modelUpdateMs;
  set.creating = true;
  world.scheduler.schedule(set.updatingUntil, `create ${set.name}`, () => {
    set.updatingUntil = undefined;
    set.creating = undefined;
    world.operations.finish(op, world.now, 'Succeeded');
  });
  return json(201, scaleSetJson(world, set), { ...lroHeaders(world, req, op, false), etag: etagOf(set.etag) });
}

export const scaleSetRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachineScaleSets', handler: listAll },
  { method: 'GET', pattern: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets', handler: listInGroup },
  { method: 'GET', pattern: vmss, handler: get },
  { method: 'PATCH', pattern: vmss, handler: update },
  { method: 'PUT', pattern: vmss, handler: createOrUpdate },
];
