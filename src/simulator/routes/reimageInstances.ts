// VirtualMachineScaleSets_Reimage: `POST …/virtualMachineScaleSets/{name}/reimage` with an optional
// VirtualMachineScaleSetReimageParameters body (`instanceIds`, `exactVersion`). One long-running operation
// for all the instances named (202 with Azure-AsyncOperation and Location); omitting `instanceIds` reimages
// every instance of the set (the parameter's description in the REST spec). Every id and the version are
// validated before anything changes, like manualupgrade and the batch delete; each instance then runs the
// same disk replacement as the single-VM reimage, and the operation succeeds when the last one is done.
import { reimage, reimageTarget, instancesFor } from '../engine/instanceOperations';
import { empty, type SimRequest, type SimResponse } from '../http/message';
import { parseObjectBody } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import type { RouteContext } from './context';
import { lroHeaders } from './lroResponse';
import { requireScaleSet } from './lookup';

const vmss = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}';

function postReimage(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  const body = parseObjectBody(req) ?? {};
  const ids = body.instanceIds === undefined ? set.instances.map((i) => i.instanceId) : body.instanceIds;
  const instances = instancesFor(world, set, ids, 'reimage');
  const targets = instances.map((inst) => ({ inst, target: reimageTarget(world, set, inst, body.exactVersion) }));
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  let remaining = targets.length;
  for (const { inst, target } of targets) {
    reimage(world, set, inst, target, () => {
      if (--remaining === 0) world.operations.finish(op, world.now, 'Succeeded');
    });
  }
  return empty(202, lroHeaders(world, req, op));
}

export const reimageInstancesRoutes: Route<RouteContext>[] = [{ method: 'POST', pattern: `${vmss}/reimage`, handler: postReimage }];
