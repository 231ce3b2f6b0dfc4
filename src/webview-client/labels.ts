// What each state reads as and looks like. Colour is never the only carrier: every state has words
// (for screen readers and tooltips) and a codicon (for colour-blind eyes).
import type { BatchStatus, InstanceState, RunAction, RunStatus } from '../webview/contract';

export const instanceStateLabels: Record<InstanceState, { readonly text: string; readonly icon: string }> = {
  pending: { text: 'pending', icon: 'circle-large-outline' },
  upToDate: { text: 'already on the target image', icon: 'pass' },
  upgrading: { text: 'upgrading', icon: 'sync' },
  waitingHealth: { text: 'waiting to become healthy', icon: 'watch' },
  succeeded: { text: 'upgraded and healthy', icon: 'check' },
  unhealthy: { text: 'unhealthy', icon: 'warning' },
  rollingBack: { text: 'rolling back', icon: 'history' },
  rolledBack: { text: 'rolled back', icon: 'discard' },
  failed: { text: 'failed', icon: 'error' },
  skipped: { text: 'skipped', icon: 'debug-step-over' },
};

export const batchStatusLabels: Record<BatchStatus, string> = {
  pending: 'Pending',
  running: 'Upgrading',
  waitingHealth: 'Waiting for health',
  rollingBack: 'Rolling back',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  baking: 'Baking (gates watched)',
};

export const runStatusLabels: Record<RunStatus, { readonly text: string; readonly icon: string }> = {
  planned: { text: 'Plan (dry run) — review, then start', icon: 'checklist' },
  running: { text: 'Running', icon: 'play-circle' },
  pausingBetweenBatches: { text: 'Running — pausing between batches (O8)', icon: 'watch' },
  waitingForWindow: { text: 'Waiting for the maintenance window', icon: 'calendar' },
  paused: { text: 'Paused', icon: 'debug-pause' },
  waitingApproval: { text: 'Waiting for approval', icon: 'person' },
  interrupted: { text: 'Interrupted — resume to continue', icon: 'debug-disconnect' },
  cancelling: { text: 'Cancelling', icon: 'loading' },
  completed: { text: 'Completed', icon: 'pass-filled' },
  completedWithFailures: { text: 'Completed with failures', icon: 'warning' },
  aborted: { text: 'Aborted', icon: 'error' },
  refused: { text: 'Refused to start', icon: 'circle-slash' },
  rejected: { text: 'Stopped: a gate was rejected', icon: 'close' },
  cancelled: { text: 'Cancelled', icon: 'circle-slash' },
  failed: { text: 'Failed', icon: 'error' },
};

/** Which controls make sense in which state (the host checks again; this only keeps buttons honest). */
export function allowedActions(status: RunStatus | undefined, rehearsal = false): Record<RunAction, boolean> {
  const active = status === 'running' || status === 'pausingBetweenBatches' || status === 'waitingForWindow' || status === 'paused' || status === 'waitingApproval';
  const ended = status === 'completed' || status === 'completedWithFailures' || status === 'aborted' || status === 'refused' || status === 'rejected' || status === 'cancelled' || status === 'failed';
  return {
    runForReal: rehearsal && ended,
    start: status === 'planned',
    pause: status === 'running' || status === 'pausingBetweenBatches' || status === 'waitingForWindow' || status === 'waitingApproval',
    resume: status === 'paused' || status === 'interrupted',
    cancel: active,
    cancelNow: active || status === 'cancelling',
  };
}
