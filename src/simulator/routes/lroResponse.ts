// Starting a long-running operation the way Compute answers: Azure-AsyncOperation (status monitor)
// and, for POST actions, Location (result monitor), as absolute URLs on our own host:port. PATCH/PUT
// answer with Azure-AsyncOperation only: the SDK then reads the final resource from the request URL.
// Retry-After: the spec (ComputeRP.json) declares it on these 201/202 responses, and Compute sends 10
// (seen on a 202 in Azure/azure-libraries-for-java issue #1222); we send it on in-progress polls too.
import type { Operation } from '../engine/operations';
import type { SimRequest } from '../http/message';
import { operationPath } from '../state/ids';
import type { World } from '../state/world';

/**
 * The simulated wait between polls as whole real seconds (what the header carries). At a fast clock it
 * rounds to 0, which the SDK ignores, keeping its own interval — as it would at that pace anyway.
 */
export function retryAfterHeader(world: World): Record<string, string> {
  return { 'retry-after': String(Math.round(world.timing.lroRetryAfterMs / world.timeScale / 1000)) };
}

export function lroHeaders(world: World, req: SimRequest, op: Operation, withLocation = true): Record<string, string> {
  const base = `${req.origin}${operationPath(op.subscriptionId, op.location, op.id)}`;
  const apiVersion = encodeURIComponent(req.url.searchParams.get('api-version') ?? '');
  return {
    'azure-asyncoperation': `${base}?api-version=${apiVersion}`,
    ...(withLocation ? { location: `${base}?monitor=true&api-version=${apiVersion}` } : {}),
    ...retryAfterHeader(world),
  };
}
