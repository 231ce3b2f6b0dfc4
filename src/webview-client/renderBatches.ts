// Live batch progress: one table row per batch, its instances as coloured cells.
import type { InstanceCell, RunView } from '../webview/contract';
import { el, replaceChildren } from './dom';
import { formatDuration } from './format';
import { instanceChip } from './instanceChip';
import { batchStatusLabels } from './labels';

export function renderBatches(body: HTMLTableSectionElement, run: RunView | undefined, simulatedNow: number | undefined): void {
  if (!run || run.batches.length === 0) {
    replaceChildren(body, [el('tr', {}, [el('td', { colspan: 4, class: 'empty' }, [run ? 'No batches: every instance is already on the target image.' : 'No run.'])])]);
    return;
  }
  const byId = new Map<string, InstanceCell>(run.instances.map((i) => [i.id, i]));
  replaceChildren(
    body,
    run.batches.map((batch) => {
      const end = batch.endedAt ?? simulatedNow;
      const time = batch.startedAt !== undefined && end !== undefined ? formatDuration(end - batch.startedAt) : '—';
      const cells = batch.instanceIds.map((id) => byId.get(id) ?? { id, name: id, state: 'pending' as const });
      return el('tr', { class: `batch batch-${batch.status}`, 'data-batch': batch.index }, [
        el('th', { scope: 'row' }, [`${batch.index + 1}${batch.label ? ` · ${batch.label}` : ''}`]),
        el('td', {}, [batchStatusLabels[batch.status]]),
        el('td', {}, [el('div', { class: 'cells' }, cells.map(instanceChip))]),
        el('td', { class: 'num' }, [time]),
      ]);
    }),
  );
}
