// T2: the heat map — a real table, so screen readers announce "UD 2, Zone 1 · FD 0" for each cell.
import type { InstanceCell } from '../webview/contract';
import { el, replaceChildren } from './dom';
import { buildHeatMapGrid } from './heatMapGrid';
import { instanceChip } from './instanceChip';
import { instanceStateLabels } from './labels';

function legend(instances: readonly InstanceCell[]): HTMLElement {
  const present = [...new Set(instances.map((i) => i.state))];
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    present.map((state) => el('li', {}, [el('span', { class: `swatch state-${state}`, 'aria-hidden': 'true' }), instanceStateLabels[state].text])),
  );
}

export function renderHeatMap(container: HTMLElement, instances: readonly InstanceCell[]): void {
  if (instances.length === 0) {
    replaceChildren(container, [el('p', { class: 'empty' }, ['No instances to show.'])]);
    return;
  }
  const grid = buildHeatMapGrid(instances);
  const table = el('table', { class: 'heat' }, [
    el('caption', { class: 'visually-hidden' }, ['Instances by update domain (rows) and fault domain (columns)']),
    el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['']), ...grid.columns.map((c) => el('th', { scope: 'col' }, [c.label]))])]),
    el(
      'tbody',
      {},
      grid.rows.map((row) => el('tr', {}, [el('th', { scope: 'row' }, [row.label]), ...row.cells.map((cells) => el('td', {}, [el('div', { class: 'cells' }, cells.map(instanceChip))]))])),
    ),
  ]);
  replaceChildren(container, [table, legend(instances)]);
}
