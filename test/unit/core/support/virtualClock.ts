// Simulated time that moves only when everything waits. Time jumps — to the earliest sleeper or to the
// simulator's next scheduled event, whichever is first — once no request has been in flight and no new
// sleep was registered for a few event-loop turns. Between jumps time stands still, so real CPU time
// never leaks into simulated time (as it does with a scaled clock) and a 5-minute health wait (O4)
// costs milliseconds. The SDK polls long-running operations on real timers; its poll interval must be
// longer than the quiet window so that time can move between polls.
import { abortError, type Clock } from '../../../../src/shared/clock';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

export interface VirtualClockHooks {
  /** True while requests are in flight (time must not move under them). */
  readonly busy?: () => boolean;
  /** The simulated time of the next event the simulator has scheduled. */
  readonly nextEventAt?: () => number | undefined;
  /** Requests sent so far: after a jump to a simulator event, the next one waits until someone looked. */
  readonly requests?: () => number;
}

export class VirtualClock implements Clock {
  /** Nominal; only used by the simulator's throttling budgets. */
  readonly timeScale = 1000;
  hooks: VirtualClockHooks = {};
  private current: number;
  private timers: Timer[] = [];
  private activity = 0;
  private seq = 0;
  private ticker: NodeJS.Timeout | undefined;
  private quiet = 0;
  private seen = 0;
  private requestsAtEventJump: number | undefined;

  constructor(
    start: number,
    /** Quiet event-loop turns before time may jump. */
    private readonly quietTurns = 2,
  ) {
    this.current = start;
    this.tick();
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.activity++;
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer: Timer = {
        at: this.current + ms,
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.ticker?.ref();
    });
  }

  /** Stops the background ticker (tests call it when done). */
  stop(): void {
    if (this.ticker) clearTimeout(this.ticker);
    this.ticker = undefined;
  }

  private tick(): void {
    this.ticker = setTimeout(() => {
      if (this.activity !== this.seen || this.hooks.busy?.()) {
        this.seen = this.activity;
        this.quiet = 0;
      } else if (++this.quiet >= this.quietTurns) {
        this.quiet = 0;
        this.advance();
      }
      this.tick();
    }, 0);
    // Keep the process alive only while someone waits on simulated time.
    if (this.timers.length === 0 && !this.hooks.busy?.()) this.ticker.unref();
  }

  private advance(): void {
    const candidates = this.timers.map((t) => t.at);
    const event = this.hooks.nextEventAt?.();
    const observed = this.requestsAtEventJump === undefined || this.hooks.requests?.() !== this.requestsAtEventJump;
    if (event !== undefined && event > this.current && observed) candidates.push(event);
    if (candidates.length === 0) return;
    const next = Math.min(...candidates);
    this.requestsAtEventJump = this.timers.some((t) => t.at === next) ? undefined : this.hooks.requests?.();
    this.current = Math.max(this.current, next);
    const due = this.timers.filter((t) => t.at <= this.current).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = this.timers.filter((t) => t.at > this.current);
    this.activity++;
    for (const t of due) t.resolve();
  }
}
