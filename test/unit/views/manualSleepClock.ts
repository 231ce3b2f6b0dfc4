// Test clock whose sleeps end only when the test moves time forward — for code that races work
// against a timer (the tree's level budget, the watchers' polls) without real waiting.
import { abortError, type Clock } from '../../../src/shared/clock';

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

export class ManualSleepClock implements Clock {
  readonly timeScale = 1;
  private current = Date.parse('2026-12-01T08:00:00Z');
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = {
        at: this.current + ms,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
    });
  }

  /** Sleeps not yet over. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Moves time forward and wakes every sleeper that is due. */
  advance(ms: number): void {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.at <= this.current);
    this.sleepers = this.sleepers.filter((s) => s.at > this.current);
    for (const s of due) s.wake();
  }
}
