// Time is injected (design.md): the simulator and the orchestrator read time and wait only through a
// Clock, so a 5-minute health wait (O4) runs in seconds in the demo and in milliseconds in tests on the
// same code path. All values are milliseconds of *simulated* time.

export interface Clock {
  /** Simulated epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` of simulated time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Simulated milliseconds per real millisecond (1 = real time). */
  readonly timeScale: number;
}

/** The error a sleep rejects with when its signal aborts: the signal's reason, else an AbortError. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('The operation was aborted.');
  err.name = 'AbortError';
  return err;
}

/**
 * Simulated time that runs `timeScale` times faster than real time: simulated `start` at real time
 * `realStart`. Another process given the same three values reads the same time (issue 6: the
 * extension host and the simulator's own process share one simulated time).
 */
export class ScaledClock implements Clock {
  constructor(
    readonly timeScale = 1,
    readonly start = Date.now(),
    readonly realStart = Date.now(),
  ) {
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError(`timeScale must be a positive number, got ${timeScale}`);
  }

  now(): number {
    return this.start + (Date.now() - this.realStart) * this.timeScale;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms / this.timeScale));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

export const realClock: Clock = new ScaledClock(1);
