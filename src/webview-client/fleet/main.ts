// The fleet view: stages × sets of a fleet rollout, each set's progress, the stage's approval, gates and
// wait, and the controls (start, approve / reject, pause / resume, stop). The extension owns the state and
// sends all of it on every change; this page renders it and posts the user's decisions back.
import { isFleetHostMessage, type FleetAction, type FleetHostMessage, type FleetWebviewMessage } from '../../webview/fleetContract';
import { el, icon, replaceChildren } from '../dom';

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
let last: { message: FleetHostMessage; receivedAt: number } | undefined;
let renders = 0;

function post(message: FleetWebviewMessage): void {
  vscode.postMessage(message);
}

function button(action: FleetAction, label: string, codicon: string, extra: Record<string, string> = {}, secondary = false): HTMLButtonElement {
  return el('button', { 'data-action': action, class: secondary ? 'secondary' : undefined, ...extra }, [icon(codicon), ` ${label}`]);
}

function simulatedNow(): number {
  if (!last) return Date.now();
  return last.message.clock.now + (performance.now() - last.receivedAt) * last.message.clock.timeScale;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

const stateLabels: Record<string, string> = {
  pending: 'Pending',
  waitingForCluster: 'Waiting for its cluster',
  running: 'Moving',
  succeeded: 'Upgraded',
  failed: 'Failed',
  notReady: 'Not ready',
  onTarget: 'Already on target',
  notStarted: 'Not started',
  awaitingApproval: 'Waiting for approval',
  gates: 'Checking gates',
  waiting: 'Waiting',
  finished: 'Finished',
  stopped: 'Stopped',
};

function render(message: FleetHostMessage): void {
  const { view, phase } = message;
  const controls: HTMLElement[] = [];
  if (phase === 'planned') controls.push(button('start', 'Start rollout', 'play', {}, false));
  if (phase === 'running') {
    controls.push(view.state === 'paused' ? button('resume', 'Resume', 'debug-continue') : button('pause', 'Pause', 'debug-pause', {}, true));
    controls.push(button('stop', 'Stop after moving sets', 'debug-stop', {}, true), button('stopNow', 'Stop now', 'close', {}, true));
  }
  const status = view.outcome ? `${view.outcome}${view.reason ? ` — ${view.reason}` : ''}` : phase === 'planned' ? 'planned (nothing moves until Start)' : view.state;
  const header = el('header', { class: 'fleet-header' }, [
    el('h1', { id: 'fleet-title', tabindex: '-1' }, [`Fleet rollout '${view.name}'`]),
    el('p', {}, [`Target: ${view.target} · Status: `, el('strong', { 'data-testid': 'fleet-status' }, [status]), ` · Failed sets ${view.failedSets} of ${view.maxFailedSets} allowed`]),
    el('div', { class: 'controls' }, controls),
  ]);
  const findings = message.findings.length
    ? el('section', { 'aria-labelledby': 'findings-heading' }, [
        el('h2', { id: 'findings-heading' }, ['Safety checks']),
        el('ul', { class: 'findings' }, message.findings.map((f) => el('li', { class: `finding ${f.severity}` }, [icon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'), ` ${f.message}`]))),
      ])
    : undefined;
  const now = simulatedNow();
  const stages = view.stages.map((stage, i) => {
    const waiting = stage.approval === 'waiting';
    const gates = stage.gates.map((g) => `${g.kind}: ${g.state}${g.detail ? ` (${g.detail})` : ''}`).join(' · ');
    const wait = stage.waitUntil !== undefined ? `Waiting ${duration(stage.waitUntil - now)} more` : stage.waitAfterMs ? `Wait after: ${duration(stage.waitAfterMs)}` : '';
    const rows = stage.sets.map((s) =>
      el('tr', { 'data-set': s.name, 'data-state': s.state }, [
        el('th', { scope: 'row' }, [s.name]),
        el('td', {}, [s.group]),
        el('td', {}, [s.location]),
        el('td', {}, [s.subscriptionId.slice(0, 8)]),
        el('td', {}, [s.engine === 'platform' ? "Azure's rolling upgrade" : 'Embedded']),
        el('td', { class: `state ${s.state}` }, [stateLabels[s.state] ?? s.state]),
        el('td', {}, [el('progress', { max: String(Math.max(1, s.total)), value: String(s.done), 'aria-label': `${s.name}: ${s.done} of ${s.total} instances` }), ` ${s.done}/${s.total}`]),
        el('td', { class: 'detail' }, [s.detail && s.state !== 'succeeded' ? s.detail : '']),
      ]),
    );
    return el('section', { class: `stage ${stage.state}`, 'aria-labelledby': `stage-${i}-heading`, 'data-stage': stage.name }, [
      el('h2', { id: `stage-${i}-heading` }, [`Stage ${i + 1}: ${stage.name} — ${stateLabels[stage.state] ?? stage.state}`]),
      el('p', { class: 'stage-meta' }, [
        stage.requiresApproval ? `Approval: ${stage.approval ?? 'before the stage'}` : '',
        gates ? `${stage.requiresApproval ? ' · ' : ''}Gates: ${gates}` : '',
        wait ? ` · ${wait}` : '',
      ]),
      waiting && phase === 'running' ? el('div', { class: 'approval', role: 'group', 'aria-label': `Approve stage ${stage.name}` }, [button('approve', `Approve '${stage.name}'`, 'check', { 'data-stage': stage.name }), button('reject', 'Reject', 'close', { 'data-stage': stage.name }, true)]) : undefined,
      el('table', { class: 'sets' }, [
        el('thead', {}, [el('tr', {}, ['Set', 'Group', 'Region', 'Subscription', 'Engine', 'State', 'Instances', 'Detail'].map((h) => el('th', { scope: 'col' }, [h])))]),
        el('tbody', {}, rows),
      ]),
    ]);
  });
  const log = el('section', { 'aria-labelledby': 'fleet-log-heading' }, [
    el('h2', { id: 'fleet-log-heading' }, ['Log']),
    el('ol', { class: 'fleet-log', 'aria-live': 'polite' }, message.log.slice(-200).map((l) => el('li', { class: l.level }, [`${new Date(l.at).toISOString().slice(11, 19)} ${l.text}`]))),
  ]);
  replaceChildren(root, [header, findings, ...stages, log]);
  document.body.dataset.renders = String(++renders);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isFleetHostMessage(event.data)) return;
  last = { message: event.data, receivedAt: performance.now() };
  render(event.data);
});

root.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
  if (!target || target.disabled) return;
  const action = target.dataset.action as FleetAction;
  target.disabled = true;
  post({ type: 'fleet', action, ...(target.dataset.stage ? { stage: target.dataset.stage } : {}) });
});

// The stage wait counts down in simulated time between messages.
setInterval(() => {
  if (last?.message.view.stages.some((s) => s.waitUntil !== undefined)) render(last.message);
}, 1000);

post({ type: 'ready' });
