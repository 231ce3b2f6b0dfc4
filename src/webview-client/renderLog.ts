// The event log: append-only, newest last. A long run's log (thousands of events) is not put into
// the DOM at once — only the newest `windowSize` rows, with a button that brings earlier ones back a
// page at a time — so opening a dashboard costs the same for 500 events as for 10,000. Rows stay real
// DOM (no virtual scrolling), so a screen reader's log region and find-in-page see what is shown.
import type { LogEntry } from '../webview/contract';
import { el } from './dom';
import { formatClockTime } from './format';

/** Rows rendered when a log is (re)loaded, and added per "show earlier" press. */
export const windowSize = 500;
/** While following the end of a live log, rows beyond this are dropped from the top again. */
export const maxLiveRows = 2 * windowSize;

/** Warnings and errors carry an icon and a spoken word, not colour alone (the theme's warning colour is too light for text). */
const levelMarks: Partial<Record<LogEntry['level'], { icon: string; word: string }>> = { warning: { icon: 'warning', word: 'Warning:' }, error: { icon: 'error', word: 'Error:' } };

function row(entry: LogEntry): HTMLLIElement {
  const mark = levelMarks[entry.level];
  const marker = mark ? [el('span', { class: `codicon codicon-${mark.icon}`, 'aria-hidden': 'true' }), el('span', { class: 'visually-hidden' }, [mark.word]), ' '] : [];
  return el('li', { class: `log-${entry.level}`, 'data-seq': entry.seq }, [el('time', { datetime: new Date(entry.at).toISOString() }, [formatClockTime(entry.at)]), ' ', ...marker, entry.text]);
}

function fragmentOf(entries: readonly LogEntry[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const entry of entries) fragment.append(row(entry));
  return fragment;
}

export class LogView {
  /** Index (in the full log) of the first entry in the DOM. */
  private firstShown = 0;

  constructor(
    private readonly list: HTMLOListElement,
    /** The scrolling live region that holds the list. */
    private readonly region: HTMLElement,
    private readonly earlier: HTMLButtonElement,
    private readonly all: () => readonly LogEntry[],
  ) {}

  /** Renders the newest window of the whole log (a snapshot arrived). */
  replace(): void {
    const entries = this.all();
    // A bulk replace is not news: keep the live region quiet while it happens.
    this.region.setAttribute('aria-busy', 'true');
    this.firstShown = Math.max(0, entries.length - windowSize);
    this.list.replaceChildren(fragmentOf(entries.slice(this.firstShown)));
    this.region.scrollTop = this.region.scrollHeight;
    this.region.setAttribute('aria-busy', 'false');
    this.updateEarlier();
  }

  /** Adds new entries at the end; follows them if the reader is at the end. */
  append(entries: readonly LogEntry[]): void {
    if (!entries.length) return;
    const pinned = this.region.scrollHeight - this.region.scrollTop - this.region.clientHeight < 24;
    this.list.append(fragmentOf(entries));
    if (pinned && this.list.childElementCount > maxLiveRows) {
      const drop = this.list.childElementCount - windowSize;
      for (let i = 0; i < drop; i++) this.list.firstElementChild?.remove();
      this.firstShown += drop;
      this.updateEarlier();
    }
    if (pinned) this.region.scrollTop = this.region.scrollHeight;
  }

  /** Brings the previous window of entries back, keeping the reader's place. */
  showEarlier(): void {
    if (this.firstShown === 0) return;
    const from = Math.max(0, this.firstShown - windowSize);
    const before = this.region.scrollHeight;
    this.list.prepend(fragmentOf(this.all().slice(from, this.firstShown)));
    this.region.scrollTop += this.region.scrollHeight - before;
    this.firstShown = from;
    this.updateEarlier();
  }

  private updateEarlier(): void {
    this.earlier.hidden = this.firstShown === 0;
    const label = this.earlier.querySelector('span:last-child');
    if (label) label.textContent = `Show earlier events (${this.firstShown} not shown)`;
  }
}
