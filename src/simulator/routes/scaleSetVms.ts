// Scale set VMs: list (paged, `$expand=instanceView`), get, getInstanceView and reimage (an LRO;
// optional `exactVersion` pins or rolls back one instance — O9).
// Flexible sets: list and get answer (Learn, Orchestration modes: "List scale sets VM API changes";
// the spec's `virtualMachineResourceId` exists for Flexible sets only), while the instance view and
// reimage are Uniform APIs whose Flexible alternative is the single-VM API (Learn: Orchestration modes
// API comparison) — refused here, see flexibleRefusal.
import { ArmError, invalidParameter } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import { pageOf } from '../http/paging';
import type { Route, RouteParams } from '../http/router';
import { instanceViewJson } from '../serialize/instanceViewJson';
import { vmJson } from '../serialize/vmJson';
import { etagOf } from '../serialize/scaleSetJson';
import type { RouteContext } from './context';
import { reimageOne } from './reimageOne';
import { requireInstance, requireScaleSet } from './lookup';
import type { ScaleSet } from '../state/model';
import { orchestrationMode } from '../state/modelView';

const vmss = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}';

function expandsInstanceView(req: SimRequest): boolean {
  // Query keys arrive percent-encoded (%24expand); URLSearchParams decodes them.
  return (req.url.searchParams.get('$expand') ?? '').toLowerCase() === 'instanceview';
}

function list(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  if (req.url.searchParams.has('$filter')) {
    throw invalidParameter('$filter', 'The simulator does not evaluate $filter on virtual machine lists; list without it and filter on the client.');
  }
  const withView = expandsInstanceView(req);
  const items = set.instances.map((i) => vmJson(ctx.world, set, i, withView));
  return json(200, pageOf(req, items, ctx.world.timing.pageSize));
}

function get(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  const inst = requireInstance(set, params.instanceId);
  return json(200, vmJson(ctx.world, set, inst, expandsInstanceView(req)), { etag: etagOf(inst.etag) });
}

/**
 * UNVERIFIED status, code and text: Azure's refusal of a Uniform-only operation on a Flexible set was
 * seen only for the scale set's own instance view, "Operation 'VirtualMachineScaleSets.instanceView.GET'
 * is not allowed on Virtual Machine Scale Set" (hashicorp/nomad-autoscaler#1096); its code and status
 * were not published. OperationNotAllowed is the code Compute uses for its other "Operation '…' is not
 * allowed on Virtual Machine Scale Set '…'" answers.
 */
export function refuseOnFlexible(set: ScaleSet, operation: string): void {
  if (orchestrationMode(set) !== 'Flexible') return;
  throw new ArmError(400, 'OperationNotAllowed', `Operation '${operation}' is not allowed on Virtual Machine Scale Set '${set.name}' since it uses Flexible orchestration mode. Use the virtual machine API instead.`);
}

function getInstanceView(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  refuseOnFlexible(set, 'VirtualMachineScaleSets.virtualMachines.instanceView.GET');
  return json(200, instanceViewJson(ctx.world, set, requireInstance(set, params.instanceId)));
}

function postReimage(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  refuseOnFlexible(set, 'VirtualMachineScaleSets.virtualMachines.reimage.POST');
  return reimageOne(world, req, set, requireInstance(set, params.instanceId));
}

export const scaleSetVmRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: `${vmss}/virtualMachines`, handler: list },
  { method: 'GET', pattern: `${vmss}/virtualMachines/{instanceId}`, handler: get },
  { method: 'GET', pattern: `${vmss}/virtualMachines/{instanceId}/instanceView`, handler: getInstanceView },
  { method: 'POST', pattern: `${vmss}/virtualMachines/{instanceId}/reimage`, handler: postReimage },
];
