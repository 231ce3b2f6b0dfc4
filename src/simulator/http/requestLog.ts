// Every request the simulator answered: method, path, status, simulated and real time, and which
// attempt it was (the SDK re-sends a retried request with the same x-ms-client-request-id).
// Bounded (issue 18): a demo left running all day keeps the newest `limit` entries, not every poll
// since it started; `seq` keeps counting, so a reader can ask for what came after the last it saw.

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

/** Entries kept by default: hours of a demo's polling, a few MB. */
export const defaultRequestLogLimit = 20_000;

export class RequestLog {
  private items: LoggedRequest[] = [];
  /** clientRequestId → its latest attempt and that entry's seq (forgotten with the entry). */
  private readonly attempts = new Map<string, { attempt: number; seq: number }>();
  private nextSeq = 1;

  constructor(private readonly limit = defaultRequestLogLimit) {
    if (!(limit >= 1)) throw new RangeError(`the request log must keep at least one entry (got ${limit})`);
  }

  record(entry: Omit<LoggedRequest, 'seq' | 'attempt'>): LoggedRequest {
    const id = entry.clientRequestId;
    const attempt = id ? (this.attempts.get(id)?.attempt ?? 0) + 1 : 1;
    const logged = { ...entry, seq: this.nextSeq++, attempt };
    if (id) this.attempts.set(id, { attempt, seq: logged.seq });
    this.items.push(logged);
    // Trim in chunks of a quarter of the limit: amortised O(1) per entry, not a shift per request.
    if (this.items.length >= this.limit + Math.ceil(this.limit / 4)) this.trim();
    return logged;
  }

  /** The kept entries, oldest first; with `afterSeq`, only those after it. */
  entries(afterSeq = 0): readonly LoggedRequest[] {
    const kept = this.trimmed();
    if (afterSeq <= 0) return kept;
    const firstSeq = kept[0]?.seq ?? this.nextSeq;
    return kept.slice(Math.max(0, afterSeq - firstSeq + 1));
  }

  clear(): void {
    this.items = [];
    this.attempts.clear();
  }

  private trimmed(): readonly LoggedRequest[] {
    if (this.items.length > this.limit) this.trim();
    return this.items;
  }

  private trim(): void {
    const dropped = this.items.slice(0, this.items.length - this.limit);
    this.items = this.items.slice(this.items.length - this.limit);
    for (const entry of dropped) {
      const id = entry.clientRequestId;
      if (id && this.attempts.get(id)?.seq === entry.seq) this.attempts.delete(id);
    }
  }
}
