// Runs the request path before the first load (issue 18). After a reload every line of Node's HTTPS
// client, its parser and the SDK's pipeline runs for the first time in the first load, unoptimised:
// measured side by side, connections opened ahead without any request left the first load ~25 ms
// slower than when each had carried one request (README, Start-up). So, once the connections are open
// and none has been taken, a few rounds of one request that needs no token go out on connections of
// their own — never the spares, which stay free for a load that may start at any moment.
//
// The request is ARM's cloud metadata, `GET /metadata/endpoints?api-version=2022-09-01`, which Azure
// answers without authentication (what `az cloud register --endpoint-resource-manager` and
// hashicorp/go-azure-sdk's environments package read).
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { guardAndLogPolicies, pipelineOptions } from './clientFactory';
import { loadSdk } from './loadSdk';
import type { Transport } from './transport';

export const metadataPath = '/metadata/endpoints?api-version=2022-09-01';

/** Connections of the warm-up's own, and rounds of one request on each: measured, 8 × 4 did as well as 16 × 2. */
export const warmupConnections = 8;
export const warmupRounds = 4;

export interface RequestPathTarget {
  readonly endpoint: string;
  readonly ca?: string;
  readonly allowedHosts?: readonly string[];
  /** The HTTP log: the warm-up's requests are in it like every other. */
  readonly policies?: readonly PipelinePolicy[];
}

/** Sends the rounds through the pool's HTTP client on an agent of their own; resolves with the requests answered. Never throws. */
export async function runRequestPath(target: RequestPathTarget, transport: Pick<Transport, 'httpClient'>, signal: AbortSignal, timeoutMs = 10_000): Promise<number> {
  const endpoint = target.endpoint.replace(/\/+$/, '');
  const sdk = loadSdk();
  // Its own connections, closed afterwards. No proxy applies (connectionsAhead.ts opens nothing ahead through one).
  const agent = new https.Agent({ keepAlive: true, ...(target.ca ? { secureContext: tls.createSecureContext({ ca: target.ca }) } : {}) });
  // No credential: no token is asked for (there may be none yet), and none is sent. No retries either.
  const client = new sdk.ServiceClient({ ...pipelineOptions({ ...target, retry: { maxRetries: 0 } }, endpoint, guardAndLogPolicies(target), { httpClient: transport.httpClient, agent }), baseUri: endpoint });
  const abort = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  let answered = 0;
  try {
    for (let round = 0; round < warmupRounds && !abort.aborted; round++) {
      const results = await Promise.allSettled(
        // A signal each: the pipeline listens on it, and one signal shared by many requests trips Node's listener-leak warning.
        Array.from({ length: warmupConnections }, () => client.sendRequest(sdk.createPipelineRequest({ url: endpoint + metadataPath, method: 'GET', abortSignal: AbortSignal.any([abort]) }))),
      );
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      answered += ok;
      if (ok === 0) break;
    }
  } finally {
    agent.destroy();
  }
  return answered;
}
