// The event log: append-only, so a long run costs one row per new event, not a re-render.
import type { LogEntry } from '../webview/contract';
import { el } from './dom';
import { formatClockTime } from './format';

function row(entry: LogEntry): HTMLLIElement {
  return el('li', { class: `log-${entry.level}`, 'data-seq': entry.seq }, [el('time', { datetime: new Date(entry.at).toISOString() }, [formatClockTime(entry.at)]), ' ', entry.text]);
}

/** Newest last, as a log reads; the list scrolls to the end unless the reader scrolled up. */
export function appendLog(list: HTMLOListElement, entries: readonly LogEntry[]): void {
  if (!entries.length) return;
  const pinned = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  const fragment = document.createDocumentFragment();
  for (const entry of entries) fragment.append(row(entry));
  list.append(fragment);
  if (pinned) list.scrollTop = list.scrollHeight;
}

export function replaceLog(list: HTMLOListElement, entries: readonly LogEntry[]): void {
  // A bulk replace is not news: keep the live region quiet while it happens.
  list.setAttribute('aria-busy', 'true');
  list.replaceChildren();
  appendLog(list, entries);
  list.scrollTop = list.scrollHeight;
  list.setAttribute('aria-busy', 'false');
}
