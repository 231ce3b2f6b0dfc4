// VirtualMachineScaleSets_DeleteInstances: `POST …/virtualMachineScaleSets/{name}/delete {instanceIds}`
// (optional `forceDeletion`). Long-running, 202 with Azure-AsyncOperation and Location. The instances
// show provisioningState Deleting until they are removed; sku.capacity drops by their number at once.
// An id that is not an active instance is refused (400 InvalidParameter) before anything changes.
import { invalidParameter } from '../armError';
import { empty, type SimRequest, type SimResponse } from '../http/message';
import { parseObjectBody } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import type { Instance } from '../state/model';
import type { RouteContext } from './context';
import { lroHeaders } from './lroResponse';
import { requireScaleSet } from './lookup';

const vmss = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}';

function postDelete(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  const force = req.url.searchParams.get('forceDeletion');
  if (force !== null && force !== 'true' && force !== 'false') throw invalidParameter('forceDeletion', `The value '${force}' of parameter 'forceDeletion' is not a boolean.`);
  const ids = (parseObjectBody(req) ?? {}).instanceIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw invalidParameter('instanceIds', "Required parameter 'instanceIds' is missing or is not a non-empty list of instance ids.");
  }
  const found: Instance[] = [];
  for (const id of ids as string[]) {
    const inst = set.instances.find((i) => i.instanceId.toLowerCase() === id.toLowerCase());
    if (!inst) throw invalidParameter('instanceIds', `The provided instanceId ${id} is not an active Virtual Machine Scale Set VM instanceId.`);
    if (!found.includes(inst)) found.push(inst);
  }
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  // Deleting an instance that is already being deleted joins that deletion (Azure accepts the repeat).
  const fresh = found.filter((i) => i.deletingUntil === undefined);
  const doneAt = Math.max(world.now + (force === 'true' ? world.timing.modelUpdateMs : world.timing.instanceUpgradeMs / 2), ...found.map((i) => i.deletingUntil ?? 0));
  set.sku = { ...set.sku, capacity: Math.max(0, set.sku.capacity - fresh.length) };
  set.etag++;
  for (const inst of fresh) {
    inst.deletingUntil = doneAt;
    inst.etag++;
  }
  world.scheduler.schedule(doneAt, `delete ${set.name} [${found.map((i) => i.instanceId).join(',')}]`, () => {
    set.instances = set.instances.filter((i) => !(i.deletingUntil !== undefined && i.deletingUntil <= world.now));
    world.operations.finish(op, world.now, 'Succeeded');
  });
  return empty(202, lroHeaders(world, req, op));
}

export const deleteInstancesRoutes: Route<RouteContext>[] = [{ method: 'POST', pattern: `${vmss}/delete`, handler: postDelete }];
