// History timeline: Azure's osUpgradeHistory (A5) and our journal's runs, newest first.
import type { HistoryEntry } from '../webview/contract';
import { el, replaceChildren } from './dom';
import { formatDuration, formatTimestamp } from './format';

export function renderHistory(body: HTMLTableSectionElement, history: readonly HistoryEntry[]): void {
  if (!history.length) {
    replaceChildren(body, [el('tr', {}, [el('td', { colspan: 6, class: 'empty' }, ['No upgrades yet.'])])]);
    return;
  }
  replaceChildren(
    body,
    history.map((h) =>
      el('tr', { class: `history-${h.source}`, 'data-history': h.id, 'data-status': h.status }, [
        el('th', { scope: 'row' }, [h.startedAt ? formatTimestamp(h.startedAt) : '—']),
        el('td', {}, [h.source === 'platform' ? `Azure${h.startedBy ? ` (${h.startedBy})` : ''}` : 'This extension']),
        el('td', { title: h.error ?? '' }, [h.status]),
        el('td', {}, [h.target ?? '—']),
        el('td', { class: 'num', 'aria-label': `${h.succeeded} upgraded, ${h.failed} failed, ${h.rolledBack} rolled back` }, [`${h.succeeded} / ${h.failed} / ${h.rolledBack}`]),
        el('td', { class: 'num' }, [h.startedAt && h.endedAt ? formatDuration(h.endedAt - h.startedAt) : h.endedAt ? '—' : 'running']),
      ]),
    ),
  );
}
