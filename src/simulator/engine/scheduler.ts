// Discrete-event time: state changes are events at simulated instants. Every request first runs all
// events up to clock.now(), so results are deterministic for a given clock and no timers are needed.

interface ScheduledEvent {
  readonly id: number;
  readonly at: number;
  readonly label: string;
  readonly run: () => void;
}

export class Scheduler {
  private readonly queue: ScheduledEvent[] = [];
  private nextId = 1;
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  /** Simulated time of the event being processed, or of the last advance. */
  get now(): number {
    return this.current;
  }

  schedule(at: number, label: string, run: () => void): number {
    const event = { id: this.nextId++, at: Math.max(at, this.current), label, run };
    // Stable order: equal times run in scheduling order.
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].at > event.at) i--;
    this.queue.splice(i, 0, event);
    return event.id;
  }

  cancel(id: number): void {
    const i = this.queue.findIndex((e) => e.id === id);
    if (i >= 0) this.queue.splice(i, 1);
  }

  /** Runs every event due at or before `time` (including ones those events schedule), in order. */
  advanceTo(time: number): void {
    while (this.queue.length > 0 && this.queue[0].at <= time) {
      const event = this.queue.shift()!;
      this.current = Math.max(this.current, event.at);
      event.run();
    }
    this.current = Math.max(this.current, time);
  }

  /** Time of the next pending event (tests and the demo ticker use it). */
  nextEventAt(): number | undefined {
    return this.queue[0]?.at;
  }

  pendingLabels(): string[] {
    return this.queue.map((e) => e.label);
  }
}
