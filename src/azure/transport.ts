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
  /** Hands the connections opened ahead (connectionWarmup.ts) to the requests sent while they open. */
  readonly handoff: ConnectionHandoff;
}

/** Longest a request waits for a connection opened ahead; then it opens its own. */
export const maxWarmupWaitMs = 2_000;

/**
 * A request sent while connections are being opened ahead waits for one of them — the next whose warm-up
 * request returns — instead of opening one more: measured, a first load starting mid-warm-up that did not
 * wait paid for twice the handshakes (README, issue 18). Requests beyond the connections being opened go
 * straight on.
 */
export class ConnectionHandoff {
  private opening = 0;
  private readonly waiting: (() => void)[] = [];

  /** `count` warm-up requests sent. */
  started(count: number): void {
    this.opening += count;
  }

  /** A warm-up request returned (or failed): its connection is free for the longest-waiting request. */
  finished(): void {
    this.opening--;
    // After the response's end has handed the socket back to the agent's free pool.
    const next = this.waiting.shift();
    if (next) setImmediate(next);
  }

  /** While connections are still opening for this request: resolves when one is free. */
  connection(): Promise<void> | undefined {
    if (this.opening - this.waiting.length <= 0) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  get isOpening(): boolean {
    return this.opening > 0;
  }
}

export interface TransportOptions {
  /** PEM certificate to trust (the simulator's self-signed certificate). */
  readonly ca?: string;
  /** Hands requests to something other than the network (the simulator's in-memory transport). */
  readonly httpClient?: HttpClient;
}

/** Holds a request while a connection is being opened ahead for it; at most maxWarmupWaitMs. */
export function awaitWarmupPolicy(transport: () => Transport): PipelinePolicy {
  return {
    name: 'vmssUpgradesAwaitWarmup',
    async sendRequest(request, next) {
      const free = transport().handoff.connection();
      if (free) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([free, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWarmupWaitMs)))]);
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
  return { httpClient: options.httpClient ?? loadSdk().createDefaultHttpClient(), handoff: new ConnectionHandoff(), ...(agent ? { agent } : {}) };
}

/** The transport made on first use, then the same one: connecting stays free until something is sent. */
export function lazyTransport(options: TransportOptions): () => Transport {
  let transport: Transport | undefined;
  return () => (transport ??= createTransport(options));
}
