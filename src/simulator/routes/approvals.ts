// Approving deferred automatic OS upgrades (osRollingUpgradeDeferral), written from the Compute spec
// (ComputeRP.json 2023-09-01 and later): VirtualMachineScaleSets_ApproveRollingUpgrade — POST
// {vmss}/approveRollingUpgrade, optional body VirtualMachineScaleSetVMInstanceIDs {instanceIds}, 200/202
// with Location (final state via location) — and VirtualMachineScaleSetVMs_ApproveRollingUpgrade — POST
// {vmss}/virtualMachines/{instanceId}/approveRollingUpgrade, no body, same answers. There is no
// VirtualMachines_ApproveRollingUpgrade (single VMs) in the spec or in @azure/arm-compute 24.1.0.
//
// UNVERIFIED (the spec and Learn say nothing about them): the refusals below — deferral off, nothing
// waiting, an instance that is not waiting — their status (409) and code (OperationNotAllowed, the code
// Compute uses for an operation the set's state does not allow), and that the operation ends as soon as
// the approval is recorded (not when the approved disks are replaced).
import { ArmError, invalidParameter } from '../armError';
import { approveInstances, awaitingApproval } from '../engine/rollingUpgrade';
import { empty, type SimRequest, type SimResponse } from '../http/message';
import { parseObjectBody } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import type { ScaleSet } from '../state/model';
import { automaticOsUpgrade } from '../state/modelView';
import type { World } from '../state/world';
import type { RouteContext } from './context';
import { lroHeaders } from './lroResponse';
import { requireInstance, requireScaleSet } from './lookup';
import { refuseOnFlexible } from './scaleSetVms';

const vmss = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}';

function notAllowed(message: string): ArmError {
  return new ArmError(409, 'OperationNotAllowed', message);
}

function waitingOrRefuse(set: ScaleSet): ReadonlySet<string> {
  if (!automaticOsUpgrade(set).osRollingUpgradeDeferral) {
    throw notAllowed(`Virtual Machine Scale Set '${set.name}' does not defer OS upgrades (upgradePolicy.automaticOSUpgradePolicy.osRollingUpgradeDeferral is not true); there is nothing to approve.`);
  }
  const waiting = awaitingApproval(set);
  if (waiting.size === 0) throw notAllowed(`No OS upgrade on Virtual Machine Scale Set '${set.name}' is waiting for approval.`);
  return waiting;
}

/** The ids to approve: every waiting instance without a body, else the named ones (each must exist and wait). */
function requestedIds(set: ScaleSet, waiting: ReadonlySet<string>, body: Record<string, unknown> | undefined): string[] {
  const ids = body?.instanceIds;
  if (ids === undefined) return [...waiting];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw invalidParameter('instanceIds', "Parameter 'instanceIds' must be a list of instance ids.");
  }
  if (ids.length === 0) return [...waiting];
  const resolved = (ids as string[]).map((id) => {
    const inst = set.instances.find((i) => i.instanceId.toLowerCase() === id.toLowerCase());
    if (!inst) throw invalidParameter('instanceIds', `The provided instanceId ${id} is not an active Virtual Machine Scale Set VM instanceId.`);
    return inst.instanceId;
  });
  const notWaiting = resolved.filter((id) => !waiting.has(id));
  if (notWaiting.length > 0) throw notAllowed(`Instances ${notWaiting.join(', ')} of Virtual Machine Scale Set '${set.name}' have no OS upgrade waiting for approval.`);
  return [...new Set(resolved)];
}

function approve(world: World, req: SimRequest, set: ScaleSet, ids: readonly string[]): SimResponse {
  approveInstances(world, set, ids);
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  world.operations.finish(op, world.now, 'Succeeded');
  return empty(202, lroHeaders(world, req, op));
}

function postApproveSet(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  const waiting = waitingOrRefuse(set);
  return approve(ctx.world, req, set, requestedIds(set, waiting, parseObjectBody(req)));
}

function postApproveVm(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  // UNVERIFIED: refused on Flexible like the other per-instance VMSS VM actions (see refuseOnFlexible).
  refuseOnFlexible(set, 'VirtualMachineScaleSets.virtualMachines.approveRollingUpgrade.POST');
  const inst = requireInstance(set, params.instanceId);
  const waiting = waitingOrRefuse(set);
  if (!waiting.has(inst.instanceId)) throw notAllowed(`Instance ${inst.instanceId} of Virtual Machine Scale Set '${set.name}' has no OS upgrade waiting for approval.`);
  return approve(ctx.world, req, set, [inst.instanceId]);
}

export const approvalRoutes: Route<RouteContext>[] = [
  { method: 'POST', pattern: `${vmss}/approveRollingUpgrade`, handler: postApproveSet },
  { method: 'POST', pattern: `${vmss}/virtualMachines/{instanceId}/approveRollingUpgrade`, handler: postApproveVm },
];
