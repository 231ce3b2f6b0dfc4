// Starting a long-running operation the way Compute answers: Azure-AsyncOperation (status monitor)
// and, for POST actions, Location (result monitor), as absolute URLs on our own host:port. PATCH/PUT
// answer with Azure-AsyncOperation only: the SDK then reads the final resource from the request URL.
import type { Operation } from '../engine/operations';
import type { SimRequest } from '../http/message';
import { operationPath } from '../state/ids';

export function lroHeaders(req: SimRequest, op: Operation, withLocation = true): Record<string, string> {
  const base = `${req.origin}${operationPath(op.subscriptionId, op.location, op.id)}`;
  const apiVersion = encodeURIComponent(req.url.searchParams.get('api-version') ?? '');
  return {
    'azure-asyncoperation': `${base}?api-version=${apiVersion}`,
    ...(withLocation ? { location: `${base}?monitor=true&api-version=${apiVersion}` } : {}),
  };
}
