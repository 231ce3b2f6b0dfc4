// Opens connections to Resource Manager while the user signs in, not after (issue 18). A first load
// after a reload sends the subscription list and every remembered subscription's scale-set list at
// once: each on a new TLS connection, and each handshake on the extension host's one thread. Opened
// while VS Code looks up the session, they are in the pool (transport.ts) when the tree asks.
//
// Each connection carries one request that needs no token: ARM's cloud metadata,
// `GET /metadata/endpoints?api-version=2022-09-01`, which Azure answers without authentication (what
// `az cloud register --endpoint-resource-manager` and hashicorp/go-azure-sdk's environments package
// read). Nothing here is needed for correctness: a failure only means the tree opens its own.
//
// Why a request per connection, not bare connections handed to the pool's agent (tried in session 11,
// README): in VS Code, the extension host's proxy support (`http.proxySupport`, default "override")
// replaces the agent a request names, for every host but localhost, with its own, which sends a direct
// request through Node's global agent. Connections our agent opened would never be used there; those a
// request opened are in whatever pool VS Code chose, the one the tree's requests go to as well.
import type { ClientFactoryOptions } from './clientFactory';
import { guardAndLogPolicies, pipelineOptions } from './clientFactory';
import { loadSdk } from './loadSdk';
import type { Transport } from './transport';

export const metadataPath = '/metadata/endpoints?api-version=2022-09-01';

/** More than this are never opened ahead (a browser opens 6 per host; the tree's first load needs one per list). */
export const maxWarmConnections = 64;

export interface WarmupResult {
  /** Requests answered (any status): connections now in the pool. */
  readonly opened: number;
  readonly failed: number;
}

/**
 * Sends `count` metadata requests at once through the connection's pool, so that as many keep-alive
 * connections are open when they return. Never throws; gives up with `signal` or after `timeoutMs`.
 */
export async function openConnections(options: Omit<ClientFactoryOptions, 'credential'> & { readonly transport: () => Transport }, count: number, signal?: AbortSignal, timeoutMs = 10_000): Promise<WarmupResult> {
  const wanted = Math.max(0, Math.min(maxWarmConnections, Math.floor(count)));
  if (wanted === 0 || signal?.aborted) return { opened: 0, failed: 0 };
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const sdk = loadSdk();
  const transport = options.transport();
  // No credential: no token is asked for (there may be none yet), and none is sent. No retries either.
  const client = new sdk.ServiceClient({ ...pipelineOptions({ ...options, retry: { maxRetries: 0 } }, endpoint, guardAndLogPolicies(options), transport), baseUri: endpoint });
  const timeout = AbortSignal.timeout(timeoutMs);
  transport.handoff.started(wanted);
  const results = await Promise.allSettled(
    // A signal each: the pipeline listens on it, and one signal shared by 64 requests trips Node's listener-leak warning.
    Array.from({ length: wanted }, () =>
      client.sendRequest(sdk.createPipelineRequest({ url: endpoint + metadataPath, method: 'GET', abortSignal: AbortSignal.any(signal ? [signal, timeout] : [timeout]) })).finally(() => transport.handoff.finished()),
    ),
  );
  const opened = results.filter((r) => r.status === 'fulfilled').length;
  return { opened, failed: wanted - opened };
}
