// The subscribe API: the dashboard, status bar, tree and CLI progress display each subscribe; a
// throwing subscriber is isolated so it cannot stop the run or the other subscribers.
import type { RunEvent } from '../contract';

export type RunEventListener = (event: RunEvent) => void;

export interface Subscription {
  dispose(): void;
}

export class EventHub {
  private readonly listeners = new Set<RunEventListener>();

  subscribe(listener: RunEventListener): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(event: RunEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A subscriber's bug must not change the rollout.
      }
    }
  }
}
