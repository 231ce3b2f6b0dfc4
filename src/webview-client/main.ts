// The dashboard client: receives state from the extension (which owns it), renders it, and sends
// the user's decisions back. It keeps only its scale set id with setState, so the extension knows
// which dashboard to rebuild after a reload; everything else is re-sent by the extension.
import { fixActions, isHostMessage, parsePersistedState, type DashboardSection, type FixActionName, type LogEntry, type RunAction, type WebviewMessage } from '../webview/contract';
import { DashboardModel, type Section } from './dashboardModel';
import { buildSkeleton } from './skeleton';
import { renderHeader } from './renderHeader';
import { renderRun, renderTimers } from './renderRun';
import { renderBatches } from './renderBatches';
import { renderHeatMap } from './renderHeatMap';
import { renderPlatform } from './renderPlatform';
import { LogView } from './renderLog';
import { renderHistory } from './renderHistory';
import { renderWhy } from './renderWhy';
import { runStatusLabels } from './labels';

/** The element ids of the sections (skeleton.ts) a host `focus` message may name. */
const sectionIds: Record<DashboardSection, string> = { run: 'run', batches: 'batches', 'heat-map': 'heat-map', platform: 'platform', log: 'log-section', history: 'history-section', why: 'why' };

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
const scaleSetId = parsePersistedState(vscode.getState())?.scaleSetId ?? document.body.dataset.scaleSetId ?? '';
vscode.setState({ scaleSetId });

const dom = buildSkeleton(root);
const model = new DashboardModel();
const logView = new LogView(dom.log, dom.logRegion, dom.earlierLog, () => model.log);
const dirty = new Set<Section>();
let pendingLog: { replaced: boolean; entries: LogEntry[] } = { replaced: false, entries: [] };
let frame: number | undefined;
let renders = 0;
let lastAnnounced = '';

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function announce(text: string): void {
  if (text && text !== lastAnnounced) {
    lastAnnounced = text;
    dom.announcer.textContent = text;
  }
}

/** Scrolls a section into view and puts keyboard focus on its heading (a screen reader reads it). */
function focusSection(section: DashboardSection): void {
  const heading = document.getElementById(`${sectionIds[section]}-heading`);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus();
}

/**
 * Keeps keyboard focus on something inside the page whenever the page has it: when the dashboard opens
 * focused, or the focused button goes away (a gate decided, Pause becoming Resume), focus would
 * otherwise fall to <body> and a keyboard or screen-reader user loses their place.
 */
function keepFocusInPage(): void {
  if (document.hasFocus() && (document.activeElement === null || document.activeElement === document.body)) {
    dom.header.title.tabIndex = -1;
    dom.header.title.focus({ preventScroll: true });
  }
}
window.addEventListener('focus', keepFocusInPage);

function flush(): void {
  frame = undefined;
  const state = model.state;
  if (!state) return;
  const now = model.simulatedNow(performance.now());
  if (dirty.has('header')) renderHeader(dom, state.scaleSet);
  if (dirty.has('run')) {
    renderRun(dom, state.run, now);
    renderBatches(dom.batches.body, state.run, now);
    renderHeatMap(dom.heatMap, state.run?.instances ?? []);
    if (state.run) announce(state.run.gate ? `Approval needed: ${state.run.gate.title}` : `Run ${runStatusLabels[state.run.status].text}`);
  }
  if (dirty.has('platform')) renderPlatform(dom, state.platform);
  if (dirty.has('history')) renderHistory(dom.history.list, state.history);
  if (dirty.has('why')) renderWhy(dom.why.section, dom.why.body, state.why);
  if (pendingLog.replaced) logView.replace();
  else logView.append(pendingLog.entries);
  dirty.clear();
  pendingLog = { replaced: false, entries: [] };
  keepFocusInPage();
  document.body.dataset.renders = String(++renders);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) {
    console.warn('dashboard: ignored a message of unknown shape');
    return;
  }
  if (event.data.type === 'focus') {
    focusSection(event.data.section);
    return;
  }
  const change = model.apply(event.data, performance.now());
  for (const s of change.sections) dirty.add(s);
  if (change.logReplaced) pendingLog = { replaced: true, entries: [] };
  else if (!pendingLog.replaced) pendingLog.entries.push(...change.appended);
  frame ??= requestAnimationFrame(flush);
});

// One delegated listener for every button (no inline handlers: the CSP forbids them).
root.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
  if (!button || button.disabled) return;
  const action = button.dataset.action;
  switch (action) {
    case 'showEarlierLog':
      logView.showEarlier();
      return;
    case 'approve':
    case 'reject':
      if (button.dataset.gate) post({ type: 'gate', gateId: button.dataset.gate, decision: action });
      return;
    case 'start':
    case 'pause':
    case 'resume':
    case 'cancel':
    case 'cancelNow':
    case 'runForReal':
      post({ type: 'run', action: action satisfies RunAction });
      return;
    case 'approveOsUpgrade':
      post(button.dataset.instance ? { type: 'approveOsUpgrade', instanceIds: [button.dataset.instance] } : { type: 'approveOsUpgrade' });
      return;
    case 'fix':
      if (button.dataset.fix && (fixActions as readonly string[]).includes(button.dataset.fix)) post({ type: 'fix', action: button.dataset.fix as FixActionName });
      return;
    case 'cancelPlatformUpgrade':
    case 'exportHistory':
    case 'refresh':
      post({ type: action });
      return;
  }
});

// Timers tick in simulated time between messages; nothing else re-renders on the tick.
setInterval(() => {
  const run = model.state?.run;
  if (run && !run.endedAt) renderTimers(dom, run, model.simulatedNow(performance.now()));
}, 1000);

post({ type: 'ready' });
