// Upgrade operations on a scale set: manualupgrade (O9), osRollingUpgrade (A6 manual trigger, no
// automatic rollback), rollingUpgrades/latest (404 when none), rollingUpgrades/cancel and
// osUpgradeHistory (A5: the five newest OS upgrades within two months, paged).
import { ArmError } from '../armError';
import { instancesFor, manualUpgrade } from '../engine/instanceOperations';
import { assertNoRunningUpgrade, cancelRollingUpgrade, startRollingUpgrade } from '../engine/rollingUpgrade';
import { empty, json, type SimRequest, type SimResponse } from '../http/message';
import { pageOf } from '../http/paging';
import { parseObjectBody } from '../http/requestBody';
import type { Route, RouteParams } from '../http/router';
import { modelImage, rollingPolicy } from '../state/modelView';
import { historyItemJson, rollingStatusJson } from '../serialize/upgradeRunJson';
import type { ScaleSet } from '../state/model';
import type { RouteContext } from './context';
import { lroHeaders } from './lroResponse';
import { requireScaleSet } from './lookup';

const vmss = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}';
const twoMonthsMs = 60 * 24 * 3_600_000;

function postManualUpgrade(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  const instances = instancesFor(world, set, (parseObjectBody(req) ?? {}).instanceIds, 'manualupgrade');
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  manualUpgrade(world, set, instances, () => world.operations.finish(op, world.now, 'Succeeded'));
  return empty(202, lroHeaders(world, req, op));
}

function postOsRollingUpgrade(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  assertFollowsLatest(set);
  assertNoRunningUpgrade(set);
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  // A6: a manual trigger has no automatic rollback; the set's own rolling upgrade policy applies.
  startRollingUpgrade(world, set, { kind: 'os', startedBy: 'User', rollbackOnFailure: false, policy: rollingPolicy(set), operation: op });
  return empty(202, lroHeaders(world, req, op));
}

/**
 * The OS rolling upgrade moves instances to the newest version of the model's image, so Azure refuses
 * it on a set pinned to a version (platform version or gallery image version id): message as Compute
 * answers it (seen in hashicorp/terraform-provider-azurerm PR #12590); status and code unverified.
 */
function assertFollowsLatest(set: ScaleSet): void {
  if (modelImage(set).version.toLowerCase() === 'latest') return;
  throw new ArmError(
    409,
    'OperationNotAllowed',
    'The OS Rolling Upgrade API cannot be used on a Virtual Machine Scale Set unless the Virtual Machine Scale Set has some unprotected instances which have imageReference.version set to latest.',
  );
}

function getLatest(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const set = requireScaleSet(ctx.world, params);
  const run = set.upgradeRuns.at(-1);
  if (!run) throw new ArmError(404, 'NotFound', `The entity was not found in this Azure location. No rolling upgrade has run on VM scale set ${set.name}.`);
  return json(200, rollingStatusJson(set, run));
}

function postCancel(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  cancelRollingUpgrade(world, set);
  const op = world.operations.create(set.subscriptionId, set.location, world.now);
  world.operations.finish(op, world.now, 'Succeeded');
  return empty(202, lroHeaders(world, req, op));
}

function getHistory(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const world = ctx.world;
  const set = requireScaleSet(world, params);
  const items = set.upgradeRuns
    .filter((r) => r.kind === 'os' && r.startTime >= world.now - twoMonthsMs)
    .slice(-5)
    .reverse()
    .map((r) => historyItemJson(set, r));
  return json(200, pageOf(req, items, world.timing.pageSize));
}

export const upgradeRoutes: Route<RouteContext>[] = [
  { method: 'POST', pattern: `${vmss}/manualupgrade`, handler: postManualUpgrade },
  { method: 'POST', pattern: `${vmss}/osRollingUpgrade`, handler: postOsRollingUpgrade },
  { method: 'GET', pattern: `${vmss}/rollingUpgrades/latest`, handler: getLatest },
  { method: 'POST', pattern: `${vmss}/rollingUpgrades/cancel`, handler: postCancel },
  { method: 'GET', pattern: `${vmss}/osUpgradeHistory`, handler: getHistory },
];
