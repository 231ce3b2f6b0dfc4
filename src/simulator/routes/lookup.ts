// Resolving path parameters to simulated resources, with ARM's not-found answers.
import { entityNotFound, resourceGroupNotFound, scaleSetNotFound, subscriptionNotFound } from '../armError';
import type { RouteParams } from '../http/router';
import type { Instance, ScaleSet, Subscription } from '../state/model';
import type { World } from '../state/world';

export function requireSubscription(world: World, params: RouteParams): Subscription {
  const sub = world.subscription(params.subscriptionId);
  if (!sub) throw subscriptionNotFound(params.subscriptionId);
  return sub;
}

export function requireResourceGroup(world: World, params: RouteParams): void {
  requireSubscription(world, params);
  if (!world.resourceGroupExists(params.subscriptionId, params.resourceGroupName)) throw resourceGroupNotFound(params.resourceGroupName);
}

export function requireScaleSet(world: World, params: RouteParams): ScaleSet {
  requireSubscription(world, params);
  const name = params.vmScaleSetName ?? params.virtualMachineScaleSetName;
  const set = world.scaleSet(params.subscriptionId, params.resourceGroupName, name);
  if (!set) {
    if (!world.resourceGroupExists(params.subscriptionId, params.resourceGroupName)) throw resourceGroupNotFound(params.resourceGroupName);
    throw scaleSetNotFound(params.resourceGroupName, name);
  }
  return set;
}

export function requireInstance(set: ScaleSet, instanceId: string): Instance {
  const inst = set.instances.find((i) => i.instanceId.toLowerCase() === instanceId.toLowerCase());
  if (!inst) throw entityNotFound();
  return inst;
}
