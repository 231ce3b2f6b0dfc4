// One connection pool for everything a connection sends (issue 18). Left to themselves, the SDK
// packages keep a pool each: @azure/core-client's clients (subscriptions, Resource Graph, plain ARM)
// share one default HTTP client, @azure/arm-compute's modular client (@typespec/ts-http-runtime) has
// its own — so connections opened by one were never used by the other. Passing one HTTP client (and,
// for the simulator's certificate, one agent) to every client makes them one pool, which is what lets
// connections opened while the user signs in (connectionWarmup.ts) serve the tree's first load.
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { HttpClient, PipelinePolicy } from '@azure/core-rest-pipeline';
import { loadSdk } from './loadSdk';

export interface Transport {
  readonly httpClient: HttpClient;
  /** Only with a certificate to trust (the simulator's); otherwise the HTTP client's own keep-alive agent. */
  readonly agent?: https.Agent;
  /**
   * Set while connections are opened ahead (connectionWarmup.ts), resolved when they are open: a request
   * sent meanwhile waits for them (awaitWarmupPolicy) instead of opening one more of its own — measured,
   * a load starting mid-warm-up that did not wait paid for twice the handshakes (README, issue 18).
   */
  warming?: Promise<void>;
}

/** Longest a request waits for connections opened ahead; then it opens its own. */
export const maxWarmupWaitMs = 2_000;

export interface TransportOptions {
  /** PEM certificate to trust (the simulator's self-signed certificate). */
  readonly ca?: string;
  /** Hands requests to something other than the network (the simulator's in-memory transport). */
  readonly httpClient?: HttpClient;
}

/** Holds a request while the pool is being warmed (see `warming`); at most maxWarmupWaitMs. */
export function awaitWarmupPolicy(transport: () => Transport): PipelinePolicy {
  return {
    name: 'vmssUpgradesAwaitWarmup',
    async sendRequest(request, next) {
      const warming = transport().warming;
      if (warming) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([warming, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWarmupWaitMs)))]);
        clearTimeout(timer);
      }
      return next(request);
    },
  };
}

/** Loads the SDK (its default HTTP client honours proxy settings per request through the pipeline). */
export function createTransport(options: TransportOptions): Transport {
  // One secure context for every connection: with `ca` alone, Node builds a new one (parsing the PEM into
  // a certificate store) for each TLS connection — 50 of them on a first load of 50 subscriptions.
  const agent = options.ca ? new https.Agent({ secureContext: tls.createSecureContext({ ca: options.ca }), keepAlive: true }) : undefined;
  return { httpClient: options.httpClient ?? loadSdk().createDefaultHttpClient(), ...(agent ? { agent } : {}) };
}

/** The transport made on first use, then the same one: connecting stays free until something is sent. */
export function lazyTransport(options: TransportOptions): () => Transport {
  let transport: Transport | undefined;
  return () => (transport ??= createTransport(options));
}
