// Microsoft.Compute/virtualMachines: a Flexible scale set's instances are standalone VMs (Learn:
// "Orchestration modes API comparison" — list them with the VM list API filtered by the set, read
// them and their instance views and reimage them through the single-VM APIs). Uniform instances are
// not VM resources and never appear here.
//   VirtualMachines_List / _ListAll: `$filter='virtualMachineScaleSet/id' eq '{set id}'` (the only
//   value the spec allows), `$expand=instanceView` only together with a valid $filter (spec text of
//   both parameters); paged.
//   VirtualMachines_Get (`$expand=instanceView`), VirtualMachines_InstanceView,
//   VirtualMachines_Reimage (optional body, `exactVersion`; 202 + LRO headers).
import { ArmError, invalidParameter } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import { pageOf } from '../http/paging';
import type { Route, RouteParams } from '../http/router';
import { scaleSetId } from '../state/ids';
import type { Instance, ScaleSet } from '../state/model';
import { orchestrationMode } from '../state/modelView';
import type { World } from '../state/world';
import { instanceViewJson } from '../serialize/instanceViewJson';
import { etagOf } from '../serialize/scaleSetJson';
import { standaloneVmJson } from '../serialize/standaloneVmJson';
import type { RouteContext } from './context';
import { reimageOne } from './reimageOne';
import { requireResourceGroup, requireSubscription } from './lookup';

const group = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines';
const vm = `${group}/{vmName}`;

interface StandaloneVm {
  readonly set: ScaleSet;
  readonly inst: Instance;
}

function flexibleVms(world: World, subscriptionId: string, resourceGroup?: string): StandaloneVm[] {
  return world
    .scaleSetsOf(subscriptionId, resourceGroup)
    .filter((set) => orchestrationMode(set) === 'Flexible')
    .flatMap((set) => set.instances.map((inst) => ({ set, inst })));
}

/**
 * The set id of `'virtualMachineScaleSet/id' eq '{id}'`. The spec's description writes the property
 * in quotes and the id with a closing quote only; SDK users quote both (azure-cli#24609), so quotes
 * around either side are optional here. Anything else is refused.
 */
export function filteredScaleSetId(filter: string): string {
  const m = /^\s*'?virtualMachineScaleSet\/id'?\s+eq\s+'?([^']+?)'?\s*$/i.exec(filter);
  if (!m) {
    throw invalidParameter('$filter', `The $filter '${filter}' is not supported. Allowed value is 'virtualMachineScaleSet/id' eq '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmssName}'.`);
  }
  return m[1];
}

function listed(ctx: RouteContext, req: SimRequest, vms: readonly StandaloneVm[]): SimResponse {
  const query = req.url.searchParams;
  if (query.has('statusOnly')) throw invalidParameter('statusOnly', 'The simulator does not serve statusOnly; list with $filter and $expand=instanceView.');
  const filter = query.get('$filter');
  const expand = query.get('$expand');
  if (expand !== null && expand.toLowerCase() !== 'instanceview') throw invalidParameter('$expand', `The value '${expand}' of parameter '$expand' is not valid. Allowed value is 'instanceView'.`);
  if (expand !== null && filter === null) throw invalidParameter('$expand', "'$expand=instanceView' can only be specified together with a valid $filter.");
  const setId = filter === null ? undefined : filteredScaleSetId(filter).toLowerCase();
  const items = vms
    .filter(({ set }) => setId === undefined || scaleSetId(set).toLowerCase() === setId)
    .map(({ set, inst }) => standaloneVmJson(ctx.world, set, inst, expand !== null));
  return json(200, pageOf(req, items, ctx.world.timing.pageSize));
}

function listInGroup(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireResourceGroup(ctx.world, params);
  return listed(ctx, req, flexibleVms(ctx.world, params.subscriptionId, params.resourceGroupName));
}

function listAll(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  requireSubscription(ctx.world, params);
  return listed(ctx, req, flexibleVms(ctx.world, params.subscriptionId));
}

function requireVm(world: World, params: RouteParams): StandaloneVm {
  requireResourceGroup(world, params);
  const found = flexibleVms(world, params.subscriptionId, params.resourceGroupName).find(({ inst }) => inst.name.toLowerCase() === params.vmName.toLowerCase());
  if (!found) {
    throw new ArmError(404, 'ResourceNotFound', `The Resource 'Microsoft.Compute/virtualMachines/${params.vmName}' under resource group '${params.resourceGroupName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
  }
  return found;
}

function get(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const { set, inst } = requireVm(ctx.world, params);
  const expand = req.url.searchParams.get('$expand');
  if (expand !== null && !['instanceview', 'userdata', 'resiliencyview'].includes(expand.toLowerCase())) {
    throw invalidParameter('$expand', `The value '${expand}' of parameter '$expand' is not valid.`);
  }
  return json(200, standaloneVmJson(ctx.world, set, inst, expand?.toLowerCase() === 'instanceview'), { etag: etagOf(inst.etag) });
}

function getInstanceView(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const { set, inst } = requireVm(ctx.world, params);
  return json(200, instanceViewJson(ctx.world, set, inst));
}

function postReimage(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const { set, inst } = requireVm(world, params);
  return reimageOne(world, req, set, inst);
}

export const virtualMachineRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines', handler: listAll },
  { method: 'GET', pattern: group, handler: listInGroup },
  { method: 'GET', pattern: vm, handler: get },
  { method: 'GET', pattern: `${vm}/instanceView`, handler: getInstanceView },
  { method: 'POST', pattern: `${vm}/reimage`, handler: postReimage },
];
