// One connection pool for everything a connection sends (issue 18). Left to themselves, the SDK
// packages keep a pool each: @azure/core-client's clients (subscriptions, Resource Graph, plain ARM)
// share one default HTTP client, @azure/arm-compute's modular client (@typespec/ts-http-runtime) has
// its own — so connections opened by one were never used by the other. Passing one HTTP client and one
// agent to every client makes them one pool, which is what lets connections opened while the user
// signs in (preconnectAgent.ts) serve the tree's first load.
import * as tls from 'node:tls';
import type { HttpClient, PipelinePolicy } from '@azure/core-rest-pipeline';
import { loadSdk } from './loadSdk';
import { PreconnectAgent } from './preconnectAgent';

export interface Transport {
  readonly httpClient: HttpClient;
  /** The pool's agent: every request to the endpoint goes through it unless a proxy takes it (agentPolicy). */
  readonly agent: PreconnectAgent;
  /** With a certificate to trust (the simulator's, on loopback): the agent is set before the SDK's proxy policy, so no proxy sees it. */
  readonly trustsCertificate: boolean;
}

export interface TransportOptions {
  /** PEM certificate to trust (the simulator's self-signed certificate). */
  readonly ca?: string;
  /** Hands requests to something other than the network (the simulator's in-memory transport). */
  readonly httpClient?: HttpClient;
}

/**
 * Sends a request through the pool's agent unless the SDK's proxy policy gave it the proxy's agent
 * (HTTPS_PROXY and friends): a per-retry policy, so it runs after the proxy policy and the proxy wins.
 */
export function agentPolicy(transport: () => Transport): PipelinePolicy {
  return {
    name: 'vmssUpgradesPooledAgent',
    sendRequest(request, next) {
      request.agent ??= transport().agent;
      return next(request);
    },
  };
}

/** Loads the SDK (its default HTTP client sends with the agent a request names). */
export function createTransport(options: TransportOptions): Transport {
  // One secure context for every connection: with `ca` alone, Node builds a new one (parsing the PEM into
  // a certificate store) for each TLS connection — 50 of them on a first load of 50 subscriptions.
  const agent = new PreconnectAgent({ keepAlive: true, ...(options.ca ? { secureContext: tls.createSecureContext({ ca: options.ca }) } : {}) });
  return { httpClient: options.httpClient ?? loadSdk().createDefaultHttpClient(), agent, trustsCertificate: options.ca !== undefined };
}

/** The transport made on first use, then the same one: connecting stays free until something is sent. */
export function lazyTransport(options: TransportOptions): () => Transport {
  let transport: Transport | undefined;
  return () => (transport ??= createTransport(options));
}
