// HTTPS on 127.0.0.1 only: the listening socket is bound to loopback and every request is checked
// again (handleRequest refuses other remote addresses). A dropped-connection fault destroys the socket.
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { SimRequest, SimResponse } from '../http/message';
import type { Certificate } from './certificate';

export type Dispatch = (req: SimRequest) => Promise<SimResponse>;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HttpsServerOptions {
  /**
   * The injected network round trip (scenario `latencyMs`). On a network a new connection's first request
   * cannot leave before the TCP handshake (one round trip, RFC 9293 §3.5) and the TLS 1.3 handshake (one
   * more, RFC 8446 §2) are done; on loopback both take next to nothing. So a connection's first request is
   * handled no earlier than two round trips after the connection was accepted — a connection opened long
   * before its first request waits for nothing (FIDELITY.md, injected latency).
   */
  readonly roundTripMs?: () => number;
}

export async function startHttpsServer(cert: Certificate, port: number, dispatch: Dispatch, options: HttpsServerOptions = {}): Promise<RunningServer> {
  let origin = '';
  // When each connection's handshake was done here, until its first request.
  const handshakeDone = new WeakMap<TLSSocket, number>();
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    void (async () => {
      const body = await readBody(req);
      const opened = handshakeDone.get(req.socket as TLSSocket);
      if (opened !== undefined) {
        handshakeDone.delete(req.socket as TLSSocket);
        const hold = opened + 2 * (options.roundTripMs?.() ?? 0) - performance.now();
        if (hold > 0) await wait(hold);
      }
      const headers = new Map(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const out = await dispatch({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), origin, headers, body, remoteAddress: req.socket.remoteAddress ?? '' });
      // The body (a snapshot the route built) is serialised when the request is handled, as a server writes
      // it: the injected latency is then the network's alone, not serialisation after it (FIDELITY.md).
      const text = out.drop || out.body === undefined ? '' : JSON.stringify(out.body);
      if (out.delayMs) await wait(out.delayMs);
      if (out.drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(out.status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'content-length': Buffer.byteLength(text), ...out.headers });
      res.end(text);
    })().catch(() => req.socket.destroy());
  });
  server.on('secureConnection', (socket: TLSSocket) => handshakeDone.set(socket, performance.now()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${actual}`;
  return {
    port: actual,
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
