// Starting a long-running operation the way Compute answers: Azure-AsyncOperation (status monitor)
// and Location (result monitor) headers with absolute URLs on our own host:port.
import type { Operation } from '../engine/operations';
import type { SimRequest } from '../http/message';
import { operationPath } from '../state/ids';

export function lroHeaders(req: SimRequest, op: Operation): Record<string, string> {
  const base = `${req.origin}${operationPath(op.subscriptionId, op.location, op.id)}`;
  const apiVersion = encodeURIComponent(req.url.searchParams.get('api-version') ?? '');
  return {
    'azure-asyncoperation': `${base}?api-version=${apiVersion}`,
    location: `${base}?monitor=true&api-version=${apiVersion}`,
  };
}
