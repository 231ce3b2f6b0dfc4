// Connections opened while the user signs in (issue 18): one pool per Resource Manager endpoint, kept
// for every access made to it (sign-out and in, another tenant or account: tokens are per request,
// connections are not), and warmed with as many connections as the tree's first load will ask for at
// once. No `vscode` here: the connection manager calls it, the tree benchmark calls it the same way.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { openConnections, type WarmupResult } from '../azure/connectionWarmup';
import { preloadSdk } from '../azure/loadSdk';
import { lazyTransport, type Transport } from '../azure/transport';

export interface Endpoint {
  readonly endpoint: string;
  /** PEM certificate to trust (the simulator's). */
  readonly ca?: string;
  readonly allowedHosts?: readonly string[];
}

export interface ConnectionsAheadOptions {
  /** The HTTP log: the warm-up's requests are in it like every other. */
  readonly policies?: readonly PipelinePolicy[];
  readonly now?: () => number;
}

/** A pool opened less than this long ago is still open (ARM keeps an idle connection for minutes). */
export const rewarmAfterMs = 60_000;

/** One pool and one warm-up time per endpoint, however its URL is spelled. */
function keyOf(target: Endpoint): string {
  return target.endpoint.replace(/\/+$/, '').toLowerCase();
}

export class ConnectionsAhead {
  private readonly transports = new Map<string, () => Transport>();
  private readonly warmed = new Map<string, number>();
  private readonly closing = new AbortController();

  constructor(private readonly options: ConnectionsAheadOptions = {}) {}

  /** The pool of an endpoint, for createAzureAccess's client options. */
  transportFor(target: Endpoint): () => Transport {
    const key = keyOf(target);
    let transport = this.transports.get(key);
    if (!transport) {
      transport = lazyTransport(target);
      this.transports.set(key, transport);
    }
    return transport;
  }

  /**
   * Loads the SDK and opens `count` connections to the endpoint, unless that was done in the last
   * minute. Not meant to be awaited by a sign-in; resolves when the connections are open (or not).
   */
  async open(target: Endpoint, count: number): Promise<WarmupResult | undefined> {
    const key = keyOf(target);
    const now = (this.options.now ?? Date.now)();
    const last = this.warmed.get(key);
    if (last !== undefined && now - last < rewarmAfterMs) return undefined;
    this.warmed.set(key, now);
    await preloadSdk();
    if (this.closing.signal.aborted) return undefined;
    const transport = this.transportFor(target);
    return openConnections({ ...target, transport, ...(this.options.policies ? { policies: this.options.policies } : {}) }, count, this.closing.signal);
  }

  dispose(): void {
    this.closing.abort();
  }
}
