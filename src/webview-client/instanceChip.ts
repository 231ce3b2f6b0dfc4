// One instance as a coloured cell with its id and state icon; its accessible name says it all.
import type { InstanceCell } from '../webview/contract';
import { el, icon } from './dom';
import { instanceStateLabels } from './labels';

export function describeInstance(cell: InstanceCell): string {
  const where = [cell.zone !== undefined ? `zone ${cell.zone}` : '', cell.updateDomain !== undefined ? `update domain ${cell.updateDomain}` : '', cell.faultDomain !== undefined ? `fault domain ${cell.faultDomain}` : '']
    .filter(Boolean)
    .join(', ');
  const version = cell.version ? `, version ${cell.version}` : '';
  const detail = cell.detail ? ` — ${cell.detail}` : '';
  return `Instance ${cell.name || cell.id}: ${instanceStateLabels[cell.state].text}${version}${where ? ` (${where})` : ''}${detail}`;
}

export function instanceChip(cell: InstanceCell): HTMLElement {
  const label = describeInstance(cell);
  return el('span', { class: `cell state-${cell.state}`, role: 'img', 'aria-label': label, title: label, 'data-instance': cell.id, 'data-state': cell.state }, [
    icon(instanceStateLabels[cell.state].icon),
    el('span', { class: 'cell-id' }, [cell.id]),
  ]);
}
