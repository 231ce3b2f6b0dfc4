// The run card: status, target, counts, timers, controls — and the gate card when one is open.
import type { RunView } from '../webview/contract';
import { el, icon, replaceChildren } from './dom';
import { formatDuration } from './format';
import { renderBake, renderBakeCountdown } from './renderBake';
import { allowedActions, runStatusLabels } from './labels';
import type { DashboardDom } from './skeleton';

function countItem(term: string, value: number, cls: string): Node[] {
  return [el('dt', {}, [term]), el('dd', { class: cls, 'data-count': cls }, [String(value)])];
}

export function renderTimers(dom: DashboardDom, run: RunView | undefined, simulatedNow: number | undefined): void {
  if (!run?.startedAt || simulatedNow === undefined) {
    dom.run.timers.textContent = '';
  } else {
    const end = run.endedAt ?? simulatedNow;
    const current = run.batches.find((b) => b.status === 'running' || b.status === 'waitingHealth' || b.status === 'baking');
    const parts = [`Elapsed ${formatDuration(end - run.startedAt)}`];
    if (current?.startedAt !== undefined && !run.endedAt) parts.push(`batch ${current.index + 1} for ${formatDuration(simulatedNow - current.startedAt)}`);
    dom.run.timers.textContent = parts.join(' · ');
  }
  renderBakeCountdown(dom, run, simulatedNow);
  dom.gate.waited.textContent = run?.gate && simulatedNow !== undefined ? `Waiting for ${formatDuration(simulatedNow - run.gate.openedAt)}` : '';
}

export function renderRun(dom: DashboardDom, run: RunView | undefined, simulatedNow: number | undefined): void {
  dom.run.noRun.hidden = run !== undefined;
  const label = run ? runStatusLabels[run.status] : undefined;
  // Issue 16: say until when the run waits for its maintenance window (simulated time, UTC).
  const until = run?.status === 'waitingForWindow' && run.windowOpensAt !== undefined ? ` until ${new Date(run.windowOpensAt).toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
  replaceChildren(dom.run.status, label ? [icon(label.icon), ` ${label.text}${until}`] : []);
  dom.run.status.dataset.status = run?.status ?? '';
  dom.run.target.textContent = run ? `Target: ${run.target} · Strategy: ${run.strategy}` : '';
  const c = run?.counts;
  replaceChildren(
    dom.run.counts,
    c
      ? [
          ...countItem('Instances', c.total, 'total'),
          ...countItem('Upgraded', c.succeeded, 'succeeded'),
          ...countItem('In progress', c.inProgress, 'inProgress'),
          ...countItem('Pending', c.pending, 'pending'),
          ...countItem('Failed', c.failed, 'failed'),
          ...countItem('Rolled back', c.rolledBack, 'rolledBack'),
        ]
      : [],
  );
  dom.run.outcome.textContent = run?.outcome ?? '';
  dom.run.thresholds.textContent = run?.thresholds
    ? `Thresholds: abort above ${run.thresholds.maxUnhealthyUpgradedPercent}% unhealthy upgraded instances (O5), stop above ${run.thresholds.maxUnhealthyPercent}% unhealthy overall (O6).`
    : '';
  const rehearsal = run?.rehearsal;
  dom.run.rehearsal.hidden = !rehearsal;
  replaceChildren(
    dom.run.rehearsal,
    rehearsal
      ? [
          el('p', { class: 'rehearsal-title' }, [icon('beaker'), ' Rehearsal on a private simulator of this set — nothing in Azure changes.']),
          ...(rehearsal.assumptions.length > 0 ? [el('ul', {}, rehearsal.assumptions.map((a) => el('li', {}, [a])))] : []),
        ]
      : [],
  );
  const allowed = allowedActions(run?.status, rehearsal !== undefined);
  for (const [action, button] of Object.entries(dom.run.controls) as [keyof typeof allowed, HTMLButtonElement][]) button.hidden = !allowed[action];

  const gate = run?.gate;
  dom.gate.section.hidden = !gate;
  dom.gate.title.textContent = gate?.title ?? '';
  dom.gate.detail.textContent = gate?.detail ?? '';
  dom.gate.approve.dataset.gate = gate?.id ?? '';
  dom.gate.reject.dataset.gate = gate?.id ?? '';
  renderBake(dom, run, simulatedNow);
  renderTimers(dom, run, simulatedNow);
}
