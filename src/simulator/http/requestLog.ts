// Every request the simulator answered: method, path, status, simulated and real time, and which
// attempt it was (the SDK re-sends a retried request with the same x-ms-client-request-id).

export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number | 'dropped';
  readonly simTime: string;
  readonly realTime: string;
  readonly durationMs: number;
  /** 1 for the first attempt, 2+ for SDK retries of the same request. */
  readonly attempt: number;
  readonly clientRequestId?: string;
  readonly faults: readonly string[];
}

export class RequestLog {
  private readonly items: LoggedRequest[] = [];
  private readonly attempts = new Map<string, number>();

  record(entry: Omit<LoggedRequest, 'seq' | 'attempt'>): LoggedRequest {
    const attempt = entry.clientRequestId ? (this.attempts.get(entry.clientRequestId) ?? 0) + 1 : 1;
    if (entry.clientRequestId) this.attempts.set(entry.clientRequestId, attempt);
    const logged = { ...entry, seq: this.items.length + 1, attempt };
    this.items.push(logged);
    return logged;
  }

  entries(): readonly LoggedRequest[] {
    return this.items;
  }

  clear(): void {
    this.items.length = 0;
    this.attempts.clear();
  }
}
