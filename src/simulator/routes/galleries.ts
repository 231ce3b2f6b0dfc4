// Azure Compute Gallery image definitions and versions (GET, list paged) and managed images (GET):
// what the target picker lists and what `imageReference.id` names (O9, A4). Versions are listed once
// published; missing resources answer ARM's 404 ResourceNotFound.
import { ArmError } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import { pageOf } from '../http/paging';
import type { Route, RouteParams } from '../http/router';
import type { GalleryImageDefinition } from '../state/customImages';
import { galleryImageJson, galleryImageVersionJson, managedImageJson } from '../serialize/galleryJson';
import type { RouteContext } from './context';
import { requireResourceGroup } from './lookup';

const group = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute';
const image = `${group}/galleries/{galleryName}/images/{galleryImageName}`;

function notFound(resourceGroup: string, type: string): ArmError {
  return new ArmError(404, 'ResourceNotFound', `The Resource '${type}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
}

function requireDefinition(ctx: RouteContext, params: RouteParams): GalleryImageDefinition {
  requireResourceGroup(ctx.world, params);
  const scope = { subscriptionId: params.subscriptionId, resourceGroup: params.resourceGroupName };
  if (!ctx.world.customImages.hasGallery(scope, params.galleryName)) throw notFound(params.resourceGroupName, `Microsoft.Compute/galleries/${params.galleryName}`);
  const def = ctx.world.customImages.definition(scope, params.galleryName, params.galleryImageName);
  if (!def) throw notFound(params.resourceGroupName, `Microsoft.Compute/galleries/${params.galleryName}/images/${params.galleryImageName}`);
  return def;
}

function getDefinition(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  return json(200, galleryImageJson(requireDefinition(ctx, params)));
}

function listVersions(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  const def = requireDefinition(ctx, params);
  const versions = ctx.world.customImages.listed(def, ctx.world.now).map((v) => galleryImageVersionJson(def, v));
  return json(200, pageOf(req, versions, ctx.world.timing.pageSize));
}

function getVersion(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const def = requireDefinition(ctx, params);
  const version = ctx.world.customImages.listed(def, ctx.world.now).find((v) => v.name === params.galleryImageVersionName);
  if (!version) throw notFound(params.resourceGroupName, `Microsoft.Compute/galleries/${params.galleryName}/images/${params.galleryImageName}/versions/${params.galleryImageVersionName}`);
  return json(200, galleryImageVersionJson(def, version));
}

function getManagedImage(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  requireResourceGroup(ctx.world, params);
  const found = ctx.world.customImages.managedImage({ subscriptionId: params.subscriptionId, resourceGroup: params.resourceGroupName }, params.imageName);
  if (!found) throw notFound(params.resourceGroupName, `Microsoft.Compute/images/${params.imageName}`);
  return json(200, managedImageJson(found));
}

export const galleryRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: image, handler: getDefinition },
  { method: 'GET', pattern: `${image}/versions`, handler: listVersions },
  { method: 'GET', pattern: `${image}/versions/{galleryImageVersionName}`, handler: getVersion },
  { method: 'GET', pattern: `${group}/images/{imageName}`, handler: getManagedImage },
];
