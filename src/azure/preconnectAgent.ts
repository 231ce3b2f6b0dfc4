// An HTTPS agent that can open connections before anything is sent (issue 18). The first load after a
// reload sends the subscription list and every remembered subscription's scale-set list at once, each
// on a new TLS connection. Opened while VS Code looks up the session, the connections wait here as
// spares; a request that needs a new connection takes one from `createConnection` (the documented hook
// an agent calls for every new connection) in whatever state it is: handshake done or still under way.
// A request never waits for a spare and never pays for a handshake twice.
import * as https from 'node:https';
import * as net from 'node:net';
import type * as tls from 'node:tls';
import type { Duplex } from 'node:stream';

/**
 * A spare nobody took is closed after this: long enough for a sign-in, and short of the four minutes
 * after which Azure's load balancers drop an idle TCP connection by default (how long Resource Manager's
 * front end keeps one is not documented), so a spare is not handed out after the server has let it go.
 */
export const spareIdleMs = 60_000;

export interface PreconnectResult {
  /** Connections whose TLS handshake finished (taken by a request meanwhile or not). */
  readonly opened: number;
  readonly failed: number;
}

export interface PreconnectAgentOptions extends https.AgentOptions {
  /** How long a spare nobody took stays open (default spareIdleMs). */
  readonly spareIdleMs?: number;
}

export class PreconnectAgent extends https.Agent {
  private readonly spares = new Map<string, tls.TLSSocket[]>();
  private readonly idleMs: number;

  constructor(options: PreconnectAgentOptions = {}) {
    const { spareIdleMs: idleMs = spareIdleMs, ...agentOptions } = options;
    super(agentOptions);
    this.idleMs = idleMs;
  }

  /**
   * Opens `count` connections to the URL's host and keeps them for the requests to come. Resolves when
   * each has finished its handshake or failed (at most `timeoutMs`); never rejects.
   */
  preconnect(url: URL, count: number, timeoutMs = 10_000): Promise<PreconnectResult> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // As the agent fills in a request's options (Node's createSocket): the agent's own options win, and
    // the server name is the host's unless it is an address (no SNI for addresses).
    const options = { host, port: Number(url.port) || 443, servername: net.isIP(host) ? '' : host, ...this.options };
    const name = this.getName(options);
    const pending: Promise<boolean>[] = [];
    for (let i = 0; i < count; i++) {
      const socket = super.createConnection({ ...options }) as tls.TLSSocket;
      this.keep(name, socket);
      pending.push(
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), timeoutMs);
          timer.unref();
          socket.once('secureConnect', () => (clearTimeout(timer), resolve(true)));
          socket.once('close', () => (clearTimeout(timer), resolve(false)));
        }),
      );
    }
    return Promise.all(pending).then((done) => ({ opened: done.filter(Boolean).length, failed: done.filter((ok) => !ok).length }));
  }

  /** A spare for the connection the agent is about to open, else a new one. */
  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const spare = this.take(this.getName(options));
    return spare ?? super.createConnection(options, callback);
  }

  /** Spares waiting for a request (for tests and the log). */
  spareCount(): number {
    let count = 0;
    for (const list of this.spares.values()) count += list.length;
    return count;
  }

  /** Closes the spares nobody took. */
  closeSpares(): void {
    const spares = [...this.spares.values()].flat();
    this.spares.clear();
    for (const socket of spares) socket.destroy();
  }

  override destroy(): void {
    this.closeSpares();
    super.destroy();
  }

  private keep(name: string, socket: tls.TLSSocket): void {
    const list = this.spares.get(name) ?? [];
    list.push(socket);
    this.spares.set(name, list);
    const drop = () => this.remove(name, socket);
    // A spare's failure is nobody's error until a request takes it; then the request sees it too.
    socket.on('error', drop);
    socket.once('close', drop);
    const idle = setTimeout(() => {
      if (this.remove(name, socket)) socket.destroy();
    }, this.idleMs);
    idle.unref();
    socket.once('close', () => clearTimeout(idle));
  }

  private take(name: string): tls.TLSSocket | undefined {
    const list = this.spares.get(name);
    let socket = list?.shift();
    // One closing but not yet closed goes the way its 'close' would have sent it.
    while (socket?.destroyed) socket = list?.shift();
    if (list?.length === 0) this.spares.delete(name);
    return socket;
  }

  /** Whether the socket was still a spare. */
  private remove(name: string, socket: tls.TLSSocket): boolean {
    const list = this.spares.get(name);
    const at = list?.indexOf(socket) ?? -1;
    if (!list || at < 0) return false;
    list.splice(at, 1);
    if (list.length === 0) this.spares.delete(name);
    return true;
  }
}
