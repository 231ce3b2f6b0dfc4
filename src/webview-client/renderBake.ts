// The bake card (issue 16): which batch bakes, the time left (counted down on the simulated clock), and
// each gate's verdict with its evidence — the alerts that fired (name, severity, when, on what), and for a
// metric gate its condition, the worst interval and the intervals past the threshold.
import type { BakeView, RunView } from '../webview/contract';
import { el, icon, replaceChildren } from './dom';
import { formatDuration } from './format';
import type { DashboardDom } from './skeleton';

const stateText: Record<BakeView['state'], string> = { baking: 'Baking', passed: 'Bake passed', breached: 'Gate breached' };
const stateIcon: Record<BakeView['state'], string> = { baking: 'watch', passed: 'pass', breached: 'error' };

/** The countdown only: called on every timer tick. */
export function renderBakeCountdown(dom: DashboardDom, run: RunView | undefined, simulatedNow: number | undefined): void {
  const bake = run?.bake;
  if (!bake || bake.state !== 'baking' || simulatedNow === undefined || run?.endedAt) {
    dom.bake.countdown.textContent = bake && bake.state !== 'baking' ? `Planned bake ${formatDuration(Math.max(0, bake.endsAt - bake.startedAt))}` : '';
    return;
  }
  dom.bake.countdown.textContent = `${formatDuration(Math.max(0, bake.endsAt - simulatedNow))} left (ends ${new Date(bake.endsAt).toISOString().slice(11, 19)} UTC)`;
}

const gateNames: Record<BakeView['gates'][number]['gate'], string> = { health: 'Health held', alerts: 'No alert fired', metric: 'Metric within threshold' };

function metricEvidence(m: NonNullable<BakeView['gates'][number]['metric']>): HTMLElement {
  const rows = [
    el('li', { class: 'metric-evidence' }, [`${m.text} · ${m.points} interval(s) with data${m.worst ? ` · worst ${m.worst.value} at ${m.worst.timeStamp}` : ''}`]),
    ...m.breaches.map((b) => el('li', { class: 'metric-evidence breach' }, [`${b.value} at ${b.timeStamp}`])),
  ];
  return el('ul', { class: 'metric-list', 'aria-label': 'Metric readings' }, rows);
}

function gateItem(g: BakeView['gates'][number]): HTMLElement {
  const evidence = (g.alerts ?? []).map((a) => el('li', { class: 'alert-evidence' }, [`${a.name} · ${a.severity} · ${a.startDateTime} · on ${a.target}`]));
  return el('li', { class: `bake-gate ${g.ok ? 'ok' : 'breached'}`, 'data-gate': g.gate }, [
    icon(g.ok ? 'pass' : 'error'),
    el('span', { class: 'gate-name' }, [` ${gateNames[g.gate]}: `]),
    el('span', { class: 'gate-detail' }, [g.detail]),
    ...(evidence.length > 0 ? [el('ul', { class: 'alert-list', 'aria-label': 'Alerts that fired' }, evidence)] : []),
    ...(g.metric ? [metricEvidence(g.metric)] : []),
  ]);
}

export function renderBake(dom: DashboardDom, run: RunView | undefined, simulatedNow: number | undefined): void {
  const bake = run?.bake;
  dom.bake.section.hidden = !bake;
  if (!bake) return;
  dom.bake.section.dataset.state = bake.state;
  replaceChildren(dom.bake.status, [icon(stateIcon[bake.state]), ` ${stateText[bake.state]} after batch ${bake.batch + 1}`]);
  replaceChildren(dom.bake.gates, bake.gates.map(gateItem));
  renderBakeCountdown(dom, run, simulatedNow);
}
