// Platform image versions (A7): `…/locations/{loc}/publishers/{p}/artifacttypes/vmimage/offers/{o}/
// skus/{sku}/versions` answers a plain array of VirtualMachineImageResource (only versions already
// published), honouring `$orderby=name desc` and `$top`; one version answers VirtualMachineImage.
import { ArmError, invalidParameter } from '../armError';
import { compareVersions } from '../state/imageCatalog';
import { json, type SimRequest, type SimResponse } from '../http/message';
import type { Route, RouteParams } from '../http/router';
import type { ImageVersion } from '../state/model';
import type { RouteContext } from './context';
import { requireSubscription } from './lookup';

const versions = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage/offers/{offer}/skus/{skus}/versions';

function artifactNotFound(): ArmError {
  return new ArmError(404, 'NotFound', 'Artifact: VMImage was not found.');
}

function imageId(subscriptionId: string, v: ImageVersion): string {
  return `/Subscriptions/${subscriptionId}/Providers/Microsoft.Compute/Locations/${v.location}/Publishers/${v.publisher}/ArtifactTypes/VMImage/Offers/${v.offer}/Skus/${v.sku}/Versions/${v.version}`;
}

function publishedVersions(ctx: RouteContext, params: RouteParams): ImageVersion[] {
  requireSubscription(ctx.world, params);
  const key = { publisher: params.publisherName, offer: params.offer, sku: params.skus };
  if (!ctx.world.images.knows(key, params.location)) throw artifactNotFound();
  return ctx.world.images.published(key, params.location, ctx.world.now);
}

function list(ctx: RouteContext, req: SimRequest, params: RouteParams): SimResponse {
  let found = publishedVersions(ctx, params);
  const orderBy = (req.url.searchParams.get('$orderby') ?? '').trim().toLowerCase();
  if (orderBy && !/^name( (asc|desc))?$/.test(orderBy)) throw invalidParameter('$orderby', `The value '${orderBy}' of parameter '$orderby' is not supported; use 'name asc' or 'name desc'.`);
  if (orderBy.endsWith('desc')) found = [...found].sort((a, b) => compareVersions(b.version, a.version));
  const top = req.url.searchParams.get('$top');
  if (top !== null) {
    const n = Number(top);
    if (!Number.isInteger(n) || n < 1) throw invalidParameter('$top', `The value '${top}' of parameter '$top' must be a positive integer.`);
    found = found.slice(0, n);
  }
  return json(
    200,
    found.map((v) => ({ name: v.version, location: v.location, id: imageId(ctx.world.subscription(params.subscriptionId)!.subscriptionId, v) })),
  );
}

function get(ctx: RouteContext, _req: SimRequest, params: RouteParams): SimResponse {
  const v = publishedVersions(ctx, params).find((x) => x.version === params.version);
  if (!v) throw artifactNotFound();
  const windows = v.publisher.toLowerCase() === 'microsoftwindowsserver';
  return json(200, {
    name: v.version,
    location: v.location,
    id: imageId(ctx.world.subscription(params.subscriptionId)!.subscriptionId, v),
    properties: {
      osDiskImage: { operatingSystem: windows ? 'Windows' : 'Linux' },
      dataDiskImages: [],
      automaticOSUpgradeProperties: { automaticOSUpgradeSupported: true },
      hyperVGeneration: 'V2',
      architecture: 'x64',
    },
  });
}

export const imageRoutes: Route<RouteContext>[] = [
  { method: 'GET', pattern: versions, handler: list },
  { method: 'GET', pattern: `${versions}/{version}`, handler: get },
];
