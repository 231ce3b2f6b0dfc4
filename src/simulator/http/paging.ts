// List paging with ABSOLUTE nextLinks on the server's own host:port (the SDK follows them verbatim,
// azure-sdk.md). The continuation is an opaque `$skiptoken`; every other query parameter of the
// first request (api-version, $expand, $filter) is carried into the link.
import { ArmError } from '../armError';
import type { SimRequest } from './message';

export interface Page<T> {
  readonly value: T[];
  readonly nextLink?: string;
}

function decodeToken(token: string): number {
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw new ArmError(400, 'InvalidParameter', `The value '${token}' of parameter '$skiptoken' is not valid.`, '$skiptoken');
  return offset;
}

export function pageOf<T>(req: SimRequest, items: readonly T[], pageSize: number): Page<T> {
  const token = req.url.searchParams.get('$skiptoken');
  const offset = token ? decodeToken(token) : 0;
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value };
  const next = new URL(req.url.pathname + req.url.search, req.origin);
  next.searchParams.set('$skiptoken', Buffer.from(String(offset + pageSize), 'utf8').toString('base64url'));
  return { value, nextLink: next.toString() };
}
