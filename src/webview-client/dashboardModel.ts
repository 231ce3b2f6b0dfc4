// The client's copy of the dashboard state, updated by host messages. Pure: it reports which
// sections changed so the renderer touches only those (the event log is append-only).
import type { DashboardState, HostMessage, LogEntry } from '../webview/contract';

export type Section = 'header' | 'run' | 'platform' | 'log' | 'history' | 'why';

export interface ModelChange {
  readonly sections: ReadonlySet<Section>;
  /** `replace`: render the log from scratch; otherwise append `appended`. */
  readonly logReplaced: boolean;
  readonly appended: readonly LogEntry[];
}

export interface ClockReading {
  readonly now: number;
  readonly timeScale: number;
  /** The client's monotonic time (ms) when the reading arrived. */
  readonly receivedAt: number;
}

export class DashboardModel {
  state: DashboardState | undefined;
  /** Kept apart from `state` and appended in place: a long run's log is large. */
  readonly log: LogEntry[] = [];
  clock: ClockReading | undefined;

  /** Simulated "now", advancing between messages at the clock's time scale. */
  simulatedNow(monotonicNow: number): number | undefined {
    return this.clock && this.clock.now + (monotonicNow - this.clock.receivedAt) * this.clock.timeScale;
  }

  apply(message: HostMessage, monotonicNow: number): ModelChange {
    const none: ModelChange = { sections: new Set(), logReplaced: false, appended: [] };
    if (message.type === 'snapshot') {
      this.state = message.state;
      this.log.splice(0, this.log.length, ...message.state.log);
      this.clock = { ...message.state.clock, receivedAt: monotonicNow };
      return { sections: new Set<Section>(['header', 'run', 'platform', 'log', 'history', 'why']), logReplaced: true, appended: [] };
    }
    const state = this.state;
    if (!state || message.type === 'focus') return none; // Updates before the first snapshot are covered by that snapshot.
    switch (message.type) {
      case 'run':
        this.state = { ...state, run: message.run ?? undefined };
        this.clock = { ...message.clock, receivedAt: monotonicNow };
        return { ...none, sections: new Set(['run']) };
      case 'platform':
        this.state = { ...state, platform: message.platform ?? undefined };
        return { ...none, sections: new Set(['platform']) };
      case 'history':
        this.state = { ...state, history: message.history };
        return { ...none, sections: new Set(['history']) };
      case 'scaleSet':
        this.state = { ...state, scaleSet: message.scaleSet };
        return { ...none, sections: new Set(['header']) };
      case 'why':
        this.state = { ...state, why: message.why };
        return { ...none, sections: new Set(['why']) };
      case 'log': {
        const lastSeq = this.log.length ? this.log[this.log.length - 1].seq : -1;
        const appended = message.entries.filter((e) => e.seq > lastSeq);
        if (!appended.length) return none;
        this.log.push(...appended);
        return { sections: new Set(['log']), logReplaced: false, appended };
      }
    }
  }
}
