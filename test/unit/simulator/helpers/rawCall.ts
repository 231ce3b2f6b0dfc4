// Raw requests to a simulator (no SDK): exact headers and bodies, for error-path tests.
import type { SimResponse } from '../../../../src/simulator/http/message';
import type { Simulator } from '../../../../src/simulator/simulator';

export interface RawOptions {
  body?: unknown;
  headers?: Record<string, string>;
  apiVersion?: string | null;
  remoteAddress?: string;
  query?: string;
}

export function rawCall(sim: Simulator, method: string, path: string, options: RawOptions = {}): Promise<SimResponse> {
  const url = new URL(path, sim.url);
  if (options.apiVersion !== null) url.searchParams.set('api-version', options.apiVersion ?? '2026-03-01');
  if (options.query) for (const [k, v] of new URLSearchParams(options.query)) url.searchParams.set(k, v);
  const headers = new Map(Object.entries({ authorization: 'Bearer test', ...options.headers }).map(([k, v]) => [k.toLowerCase(), v]));
  if (options.headers && 'authorization' in options.headers && options.headers.authorization === '') headers.delete('authorization');
  const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  return sim.dispatch({ method, url, origin: url.origin, headers, body, remoteAddress: options.remoteAddress ?? '127.0.0.1' });
}

export function errorCode(res: SimResponse): string | undefined {
  return (res.body as { error?: { code?: string } } | undefined)?.error?.code;
}

/** The state a refused request must not change. */
export function snapshot(sim: Simulator): string {
  return JSON.stringify({
    operations: sim.world.operations.count,
    sets: sim.world.scaleSets.map((s) => ({
      properties: s.properties,
      tags: s.tags,
      sku: s.sku,
      etag: s.etag,
      model: s.modelVersion,
      runs: s.upgradeRuns.length,
      instances: s.instances.map((i) => [i.instanceId, i.osImage.version, i.appliedModel, i.busyUntil ?? null, i.etag]),
    })),
  });
}
