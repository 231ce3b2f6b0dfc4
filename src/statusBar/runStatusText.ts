// What the status bar says about the runs in progress. Pure, so it is unit-tested; runStatusBar.ts
// puts it on screen. A run waiting for approval comes first: it needs the user.
import type { RunView } from '../webview/contract';

export interface RunStatusText {
  readonly text: string;
  readonly tooltip: string;
  /** The run the item opens when clicked. */
  readonly scaleSetId: string;
  readonly needsAttention: boolean;
}

export interface ActiveRunView {
  readonly scaleSetId: string;
  readonly name: string;
  readonly run: RunView;
}

function progress(run: RunView): string {
  const current = run.batches.findIndex((b) => b.status !== 'succeeded' && b.status !== 'failed');
  const batch = current === -1 ? run.batches.length : current + 1;
  const c = run.counts;
  // Instances already on the target or not selected are not part of the run's work.
  const planned = c.succeeded + c.failed + c.rolledBack + c.inProgress + c.pending;
  return `batch ${batch}/${run.batches.length} · ${c.succeeded}/${planned} upgraded`;
}

export function runStatusText(active: readonly ActiveRunView[]): RunStatusText | undefined {
  if (active.length === 0) return undefined;
  const ordered = [...active].sort((a, b) => Number(b.run.status === 'waitingApproval') - Number(a.run.status === 'waitingApproval'));
  const first = ordered[0];
  const needsAttention = first.run.status === 'waitingApproval';
  const icon = needsAttention ? '$(bell-dot)' : first.run.status === 'paused' ? '$(debug-pause)' : '$(sync~spin)';
  const what = needsAttention ? 'approval needed' : first.run.status === 'paused' ? 'paused' : progress(first.run);
  const others = active.length > 1 ? ` (+${active.length - 1})` : '';
  return {
    text: `${icon} ${first.name}: ${what}${others}`,
    tooltip: active.map((a) => `${a.name}: ${a.run.status}, ${progress(a.run)} — ${a.run.target}`).join('\n'),
    scaleSetId: first.scaleSetId,
    needsAttention,
  };
}
