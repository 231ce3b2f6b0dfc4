// The state of one scale set's dashboard. It lives in the extension (not in the webview), so a
// hidden, re-shown or reloaded panel is rebuilt from a snapshot; listeners get each change as a
// contract message. Pure — no vscode.
import type { Clock } from '../shared/clock';
import type { DashboardState, HistoryEntry, HostMessage, LogEntry, LogLevel, PlatformUpgradeView, RunView, ScaleSetHeader, WhyState } from './contract';

export type MessageListener = (message: HostMessage) => void;

/** Enough for the longest run we expect; older lines drop off the front. */
export const maxLogEntries = 20_000;

export class DashboardSession {
  private scaleSet: ScaleSetHeader;
  private run: RunView | undefined;
  private platform: PlatformUpgradeView | undefined;
  private history: readonly HistoryEntry[] = [];
  private why: WhyState = {};
  private readonly log: LogEntry[] = [];
  private nextSeq = 0;
  private readonly listeners = new Set<MessageListener>();
  private runFlushQueued = false;
  /** A rehearsal runs on its own simulator's clock; the run's timers tick in that time. */
  private runClock: Clock | undefined;

  constructor(
    header: ScaleSetHeader,
    private readonly clock: Clock,
  ) {
    this.scaleSet = header;
  }

  get scaleSetId(): string {
    return this.scaleSet.id;
  }

  get currentRun(): RunView | undefined {
    return this.run;
  }

  get currentPlatform(): PlatformUpgradeView | undefined {
    return this.platform;
  }

  get currentHistory(): readonly HistoryEntry[] {
    return this.history;
  }

  get header(): ScaleSetHeader {
    return this.scaleSet;
  }

  snapshot(): DashboardState {
    return { scaleSet: this.scaleSet, run: this.run, platform: this.platform, log: [...this.log], history: this.history, why: this.why, clock: this.clockReading() };
  }

  subscribe(listener: MessageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setScaleSet(header: ScaleSetHeader): void {
    this.scaleSet = header;
    this.emit({ type: 'scaleSet', scaleSet: header });
  }

  /** Coalesces the many run changes of one tick (an executor event burst) into one message. */
  setRun(run: RunView | undefined, clock?: Clock): void {
    this.run = run;
    this.runClock = clock;
    if (this.runFlushQueued) return;
    this.runFlushQueued = true;
    queueMicrotask(() => {
      this.runFlushQueued = false;
      this.emit({ type: 'run', run: this.run ?? null, clock: this.clockReading() });
    });
  }

  setPlatform(platform: PlatformUpgradeView | undefined): void {
    this.platform = platform;
    this.emit({ type: 'platform', platform: platform ?? null });
  }

  get currentWhy(): WhyState {
    return this.why;
  }

  /** "Why did this fail?" (issue 15): the explanations of the latest run and Azure's latest upgrade. */
  setWhy(why: WhyState): void {
    this.why = why;
    this.emit({ type: 'why', why });
  }

  setHistory(history: readonly HistoryEntry[]): void {
    this.history = history;
    this.emit({ type: 'history', history });
  }

  append(lines: readonly { readonly at?: number; readonly level: LogLevel; readonly text: string }[]): void {
    if (!lines.length) return;
    const entries = lines.map((l) => ({ seq: this.nextSeq++, at: l.at ?? this.clock.now(), level: l.level, text: l.text }));
    this.log.push(...entries);
    if (this.log.length > maxLogEntries) this.log.splice(0, this.log.length - maxLogEntries);
    this.emit({ type: 'log', entries });
  }

  private clockReading(): DashboardState['clock'] {
    const clock = this.runClock ?? this.clock;
    return { now: clock.now(), timeScale: clock.timeScale };
  }

  private emit(message: HostMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}
