// Clocks for simulator tests. ManualClock moves only when told; StepClock moves a fixed step on every
// reading, so each request the simulator answers advances simulated time deterministically (an SDK
// polling an LRO with updateIntervalInMs 0 walks through simulated minutes in milliseconds).
import type { Clock } from '../../../../src/shared/clock';

export const testStart = Date.parse('2026-11-01T08:00:00Z');

export class ManualClock implements Clock {
  readonly timeScale = 1;

  constructor(private t = testStart) {}

  now(): number {
    return this.t;
  }

  advance(ms: number): void {
    this.t += ms;
  }

  sleep(ms: number): Promise<void> {
    this.t += ms;
    return Promise.resolve();
  }
}

export class StepClock implements Clock {
  constructor(
    private readonly stepMs: number,
    private t = testStart,
    readonly timeScale = 1000,
  ) {}

  now(): number {
    const current = this.t;
    this.t += this.stepMs;
    return current;
  }

  sleep(ms: number): Promise<void> {
    this.t += ms;
    return Promise.resolve();
  }
}
