// The dashboard's fixed layout, built once. Sections are landmarks with headings (screen-reader
// navigation); the controls live here, not in re-rendered parts, so re-rendering never steals focus.
import { el, icon } from './dom';

function button(action: string, label: string, iconName: string, extra: Record<string, string> = {}): HTMLButtonElement {
  return el('button', { type: 'button', 'data-action': action, class: 'action', ...extra }, [icon(iconName), el('span', {}, [label])]);
}

function section(id: string, title: string, children: (Node | string)[], headingExtras: Node[] = []): HTMLElement {
  return el('section', { id, class: 'card', 'aria-labelledby': `${id}-heading` }, [
    el('div', { class: 'card-head' }, [el('h2', { id: `${id}-heading` }, [title]), ...headingExtras]),
    ...children,
  ]);
}

export function buildSkeleton(root: HTMLElement) {
  const title = el('h1', { id: 'title' }, ['Scale set']);
  const meta = el('p', { class: 'meta', id: 'meta' });
  const headerWindow = el('p', { class: 'meta maintenance-window', id: 'header-window' });
  headerWindow.hidden = true;

  const runStatus = el('p', { class: 'run-status', id: 'run-status' });
  const runTarget = el('p', { class: 'run-target', id: 'run-target' });
  const counts = el('dl', { class: 'counts', id: 'run-counts' });
  const timers = el('p', { class: 'timers', id: 'run-timers', 'aria-live': 'off' });
  const outcome = el('p', { class: 'outcome', id: 'run-outcome' });
  const thresholds = el('p', { class: 'thresholds', id: 'run-thresholds' });
  const controls = {
    start: button('start', 'Start run', 'play'),
    pause: button('pause', 'Pause', 'debug-pause'),
    resume: button('resume', 'Resume', 'debug-continue'),
    cancel: button('cancel', 'Cancel after this batch', 'debug-stop', { class: 'action secondary' }),
    cancelNow: button('cancelNow', 'Stop now', 'close', { class: 'action secondary' }),
    runForReal: button('runForReal', 'Run this plan on the scale set', 'rocket'),
  };
  // Issue 15: a rehearsal says so above everything else in the run card, with what it assumed.
  const rehearsalNote = el('div', { class: 'rehearsal', id: 'run-rehearsal', role: 'note' });
  const noRun = el('p', { class: 'empty', id: 'no-run' }, ['No run for this scale set yet. Use “Run OS Upgrade with the Embedded Orchestrator…” to plan one.']);

  const gateTitle = el('p', { class: 'gate-title', id: 'gate-title' });
  const gateDetail = el('p', { class: 'gate-detail', id: 'gate-detail' });
  const gateWaited = el('p', { class: 'gate-waited', id: 'gate-waited' });
  const approve = button('approve', 'Approve', 'check');
  const reject = button('reject', 'Reject', 'close', { class: 'action secondary' });
  const gate = section('gate', 'Waiting for your approval', [gateTitle, gateDetail, gateWaited, el('div', { class: 'buttons' }, [approve, reject])]);
  gate.hidden = true;
  gate.classList.add('gate');

  // Issue 16: the bake after a batch — its countdown and each gate's evidence.
  const bakeStatus = el('p', { class: 'bake-status', id: 'bake-status' });
  const bakeCountdown = el('p', { class: 'bake-countdown', id: 'bake-countdown', 'aria-live': 'off' });
  const bakeGates = el('ul', { class: 'bake-gates', id: 'bake-gates', 'aria-label': 'Gate verdicts' });
  const bake = section('bake', 'Bake and gates', [bakeStatus, bakeCountdown, bakeGates]);
  bake.hidden = true;

  const batchesBody = el('tbody');
  const batchesTable = el('table', { class: 'batches', 'aria-describedby': 'batches-heading' }, [
    el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Batch']), el('th', { scope: 'col' }, ['Status']), el('th', { scope: 'col' }, ['Instances']), el('th', { scope: 'col' }, ['Time'])])]),
    batchesBody,
  ]);
  const heatMap = el('div', { class: 'heat-map', id: 'heat-map-grid' });

  const whyBody = el('div', { id: 'why-body' });
  const why = section('why', 'Why did this fail?', [whyBody]);
  why.hidden = true;
  const platformBody = el('div', { id: 'platform-body' });
  const cancelPlatform = button('cancelPlatformUpgrade', 'Cancel Azure rolling upgrade', 'debug-stop', { class: 'action secondary' });

  const earlierLog = button('showEarlierLog', 'Show earlier events', 'fold-up', { class: 'action secondary' });
  earlierLog.hidden = true;
  // The list keeps its list semantics inside a live log region (a role on the <ol> itself would hide them).
  const logList = el('ol', { class: 'log-entries', id: 'event-log' });
  const logRegion = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Event log', tabindex: '0' }, [logList]);
  const historyList = el('ol', { class: 'timeline', id: 'history-list', 'aria-label': 'Upgrade history, newest first' });
  const exportHistory = button('exportHistory', 'Export JSON…', 'save');
  const announcer = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'announcer' });

  root.replaceChildren(
    el('header', { class: 'page-head' }, [title, meta, headerWindow, el('div', { class: 'buttons' }, [button('refresh', 'Refresh', 'refresh', { class: 'action secondary' })])]),
    el('main', { class: 'grid' }, [
      el('div', { class: 'column' }, [
        section('run', 'Run', [rehearsalNote, noRun, runStatus, runTarget, counts, timers, outcome, thresholds, el('div', { class: 'buttons' }, Object.values(controls))]),
        gate,
        bake,
        why,
        section('batches', 'Batches', [batchesTable]),
        section('heat-map', 'Heat map — update domains × fault domains', [heatMap]),
      ]),
      el('div', { class: 'column' }, [
        section('platform', 'Azure rolling upgrade', [platformBody, el('div', { class: 'buttons' }, [cancelPlatform])]),
        section('log-section', 'Event log', [earlierLog, logRegion]),
        section('history-section', 'History', [historyList], [exportHistory]),
      ]),
    ]),
    announcer,
  );

  return {
    header: { title, meta, window: headerWindow },
    run: { rehearsal: rehearsalNote, noRun, status: runStatus, target: runTarget, counts, timers, outcome, thresholds, controls },
    gate: { section: gate, title: gateTitle, detail: gateDetail, waited: gateWaited, approve, reject },
    bake: { section: bake, status: bakeStatus, countdown: bakeCountdown, gates: bakeGates },
    batches: { body: batchesBody, table: batchesTable },
    heatMap,
    platform: { body: platformBody, cancel: cancelPlatform },
    why: { section: why, body: whyBody },
    log: logList,
    logRegion,
    earlierLog,
    history: { list: historyList, exportButton: exportHistory },
    announcer,
  };
}

export type DashboardDom = ReturnType<typeof buildSkeleton>;
