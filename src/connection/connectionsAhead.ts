// Connections opened while the user signs in (issue 18): one pool per Resource Manager endpoint, kept
// for every access made to it (sign-out and in, another tenant or account: tokens are per request,
// connections are not), and opened with as many connections as the tree's first load will ask for at
// once. No `vscode` here: the connection manager calls it, the tree benchmark calls it the same way.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { runRequestPath } from '../azure/requestPathWarmup';
import { loadSdk, preloadSdk } from '../azure/loadSdk';
import type { PreconnectAgent, PreconnectResult } from '../azure/preconnectAgent';
import { lazyTransport, type Transport } from '../azure/transport';

export interface Endpoint {
  readonly endpoint: string;
  /** PEM certificate to trust (the simulator's). */
  readonly ca?: string;
  readonly allowedHosts?: readonly string[];
}

export interface ConnectionsAheadOptions {
  /** The HTTP log: the request path's warm-up requests are in it like every other. */
  readonly policies?: readonly PipelinePolicy[];
  readonly now?: () => number;
  /**
   * Whether requests to Azure go through a proxy (then connections opened straight to the endpoint would
   * go unused). Default: the SDK's own answer, a proxy in HTTPS_PROXY, ALL_PROXY or HTTP_PROXY.
   */
  readonly throughProxy?: () => boolean;
}

export interface OpenedAhead extends PreconnectResult {
  /** Requests sent to run the request path's code before the first load (requestPathWarmup.ts). */
  readonly warmupRequests: number;
}

/** Why nothing was opened ahead. */
export type NotOpened = 'recently' | 'proxy' | 'hostNotAllowed' | 'closed';

/** A pool opened less than this long ago is still open (spares live a minute, preconnectAgent.ts). */
export const rewarmAfterMs = 60_000;

/** More than this are never opened ahead (a browser opens 6 per host; the tree's first load needs one per list). */
export const maxConnectionsAhead = 64;

/** One pool and one time opened per endpoint, however its URL is spelled. */
function keyOf(target: Endpoint): string {
  return target.endpoint.replace(/\/+$/, '').toLowerCase();
}

export class ConnectionsAhead {
  private readonly transports = new Map<string, () => Transport>();
  private readonly warmed = new Map<string, number>();
  private readonly agents = new Set<PreconnectAgent>();
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
   * minute; then, if no request has taken one yet, runs the request path (requestPathWarmup.ts). Not
   * meant to be awaited by a sign-in; never rejects: a failure only means the first load opens its own.
   */
  async open(target: Endpoint, count: number): Promise<OpenedAhead | NotOpened> {
    const key = keyOf(target);
    const now = (this.options.now ?? Date.now)();
    const last = this.warmed.get(key);
    if (last !== undefined && now - last < rewarmAfterMs) return 'recently';
    const url = new URL(target.endpoint);
    // The same guard the clients' requests pass (clientFactory.ts): a test's pool opens nothing elsewhere.
    if (target.allowedHosts && !target.allowedHosts.includes(url.hostname)) return 'hostNotAllowed';
    await preloadSdk();
    if (this.closing.signal.aborted) return 'closed';
    // The simulator's pool (a certificate to trust, on loopback) is never proxied (clientFactory.ts).
    if (!target.ca && (this.options.throughProxy ?? envProxyConfigured)()) return 'proxy';
    this.warmed.set(key, now);
    const wanted = Math.max(0, Math.min(maxConnectionsAhead, Math.floor(count)));
    const agent = this.transportFor(target)().agent;
    this.agents.add(agent);
    const opened = await agent.preconnect(url, wanted);
    // A spare taken means the first load is under way: its own requests run the path now.
    if (opened.opened === 0 || agent.spareCount() < opened.opened || this.closing.signal.aborted) return { ...opened, warmupRequests: 0 };
    const warmupRequests = await runRequestPath({ ...target, ...(this.options.policies ? { policies: this.options.policies } : {}) }, this.transportFor(target)(), this.closing.signal);
    return { ...opened, warmupRequests };
  }

  /** Closes the connections nobody took (those in use stay with their accesses) and stops a warm-up. */
  dispose(): void {
    this.closing.abort();
    for (const agent of this.agents) agent.closeSpares();
  }
}

/** Whether the SDK's proxy policy has a proxy from HTTPS_PROXY, ALL_PROXY or HTTP_PROXY (with NO_PROXY listing the host, none is opened all the same: the SDK's matching is its own). Loads the SDK. */
export function envProxyConfigured(): boolean {
  return loadSdk().getDefaultProxySettings() !== undefined;
}
