// The simulator's own request/response shapes: both transports (HTTPS server and the in-memory
// HttpClient) translate to and from these, so every request takes the same path through the router.

export interface SimRequest {
  readonly method: string;
  readonly url: URL;
  /** Scheme, host and port the client used; links we hand out (nextLink, LRO URLs) start with it. */
  readonly origin: string;
  /** Lower-case header names. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  readonly remoteAddress: string;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON body; undefined sends no body. */
  readonly body?: unknown;
  /** Close the connection without answering (a dropped connection fault). */
  readonly drop?: boolean;
  /** Real milliseconds to wait before answering (latency, slow responses). */
  readonly delayMs?: number;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, body, headers };
}

export function empty(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers };
}

