// One instance's reimage as a long-running operation (body `{exactVersion?}`, 202 + LRO headers): the
// scale set VM route (VirtualMachineScaleSetVMs_Reimage) and a Flexible VM's (VirtualMachines_Reimage)
// answer the same way; the batch route (reimageInstances.ts) does it for many instances under one operation.
import { reimage, reimageTarget } from '../engine/instanceOperations';
import { empty, type SimRequest, type SimResponse } from '../http/message';
import { parseObjectBody } from '../http/requestBody';
import type { Instance, ScaleSet } from '../state/model';
import type { World } from '../state/world';
import { lroHeaders } from './lroResponse';

export function reimageOne(world: World, req: SimRequest, set: ScaleSet, inst: Instance): SimResponse {
  const body = parseObjectBody(req) ?? {};
  const target = reimageTarget(world, set, inst, body.exactVersion);
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  reimage(world, set, inst, target, () => world.operations.finish(op, world.now, 'Succeeded'));
  return empty(202, lroHeaders(world, req, op));
}
