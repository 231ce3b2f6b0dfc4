// `POST /providers/Microsoft.ResourceGraph/resources`: a query over the simulated subscriptions, in
// objectArray (default) or table format, paged with $top/$skip/$skipToken. As in Azure, a result that
// does not fit and does not project `id` is truncated (resultTruncated "true", no $skipToken).
import { invalidRequestContent } from '../../armError';
import { json, type SimRequest, type SimResponse } from '../../http/message';
import { isObject, parseObjectBody } from '../../http/requestBody';
import type { Route } from '../../http/router';
import type { RouteContext } from '../context';
import { invalidQuery, parseQuery, runQuery, type Row } from './kqlSubset';
import { resourceRows } from './resourceRows';

function columnType(values: unknown[]): string {
  const v = values.find((x) => x !== null && x !== undefined);
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'object') return 'object';
  return 'string';
}

function asTable(rows: Row[], allColumns: string[]) {
  return {
    columns: allColumns.map((name) => ({ name, type: columnType(rows.map((r) => r[name])) })),
    rows: rows.map((r) => allColumns.map((c) => r[c] ?? null)),
  };
}

function resources(ctx: RouteContext, req: SimRequest): SimResponse {
  const body = parseObjectBody(req);
  if (!body || typeof body.query !== 'string') throw invalidRequestContent("Required property 'query' is missing");
  const options = isObject(body.options) ? body.options : {};
  const stages = parseQuery(body.query);
  const scope = Array.isArray(body.subscriptions) ? new Set(body.subscriptions.map((s) => String(s).toLowerCase())) : undefined;
  const scoped = resourceRows(ctx.world).filter((r) => !scope || scope.has(String(r.subscriptionId).toLowerCase()));
  const all = runQuery(stages, scoped);
  const top = options.$top === undefined ? 100 : Number(options.$top);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw invalidQuery(`$top must be an integer between 1 and 1000, got ${String(options.$top)}.`);
  const token = typeof options.$skipToken === 'string' ? Number(Buffer.from(options.$skipToken, 'base64url').toString('utf8')) : 0;
  const skip = (Number.isInteger(token) ? token : 0) + (typeof options.$skip === 'number' ? options.$skip : 0);
  const page = all.slice(skip, skip + top);
  const more = skip + top < all.length;
  const pageable = all.length === 0 || Object.keys(all[0]).some((k) => k.toLowerCase() === 'id');
  const columns = all.length > 0 ? Object.keys(all[0]) : [];
  return json(200, {
    totalRecords: all.length,
    count: page.length,
    resultTruncated: more && !pageable ? 'true' : 'false',
    ...(more && pageable ? { $skipToken: Buffer.from(String(skip + top), 'utf8').toString('base64url') } : {}),
    facets: [],
    data: options.resultFormat === 'table' ? asTable(page, columns) : page,
  });
}

export const resourceGraphRoutes: Route<RouteContext>[] = [{ method: 'POST', pattern: '/providers/Microsoft.ResourceGraph/resources', handler: resources }];
