// History timeline: Azure's osUpgradeHistory (A5) and our journal's runs, newest first — one list
// item per attempt: when, by whom, how it ended, the target, and what it did.
import type { HistoryEntry } from '../webview/contract';
import { el, icon, replaceChildren } from './dom';
import { formatDuration, formatTimestamp } from './format';

function statusIcon(status: string): string {
  if (/^(completed|succeeded)$/i.test(status)) return 'pass';
  if (/fault|fail|abort/i.test(status)) return 'error';
  if (/rollingforward|unfinished/i.test(status)) return 'sync';
  return 'circle-slash';
}

export function renderHistory(list: HTMLOListElement, history: readonly HistoryEntry[]): void {
  if (!history.length) {
    replaceChildren(list, [el('li', { class: 'empty' }, ['No upgrades yet.'])]);
    return;
  }
  replaceChildren(
    list,
    history.map((h) => {
      const by = h.source === 'platform' ? `Azure${h.startedBy ? ` (${h.startedBy})` : ''}` : 'This extension';
      const took = h.startedAt && h.endedAt ? formatDuration(h.endedAt - h.startedAt) : h.endedAt ? undefined : 'not finished';
      const result = `${h.succeeded} upgraded, ${h.failed} failed, ${h.rolledBack} rolled back${took ? ` · ${took}` : ''}`;
      return el('li', { class: `history-entry history-${h.source}`, 'data-history': h.id, 'data-status': h.status }, [
        el('p', { class: 'history-line' }, [
          icon(statusIcon(h.status)),
          el('time', h.startedAt ? { datetime: new Date(h.startedAt).toISOString() } : {}, [h.startedAt ? formatTimestamp(h.startedAt) : '—']),
          ` · ${by} · `,
          el('strong', {}, [h.status]),
        ]),
        el('p', { class: 'history-detail' }, [[h.target, result].filter(Boolean).join(' · ')]),
        h.error ? el('p', { class: 'history-detail error-text' }, [h.error]) : undefined,
        h.kept ? el('p', { class: 'history-detail history-kept' }, ['Kept by this extension: Azure no longer lists it (five attempts within two months, A5).']) : undefined,
      ]);
    }),
  );
}
