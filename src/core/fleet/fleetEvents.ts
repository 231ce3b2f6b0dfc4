// The fleet runner's contract with what watches it (CLI, dashboard): events out, commands in, and a
// view for a late subscriber. Types only — the webview contract imports this module.
import type { FleetSetStatus } from './fleetPlan';

export type FleetOutcome =
  /** Every ready set moved. */
  | 'succeeded'
  /** Some sets failed, no more than the file allows. */
  | 'completedWithFailures'
  /** The plan's safety checks refused it: nothing moved. */
  | 'refused'
  /** More sets failed than allowed, or a stage gate failed. */
  | 'aborted'
  /** Stopped on request (Ctrl-C, Stop) after the moving sets; resume continues. */
  | 'stopped'
  /** An approval was refused. */
  | 'rejected';

export type FleetStageState = 'pending' | 'awaitingApproval' | 'running' | 'gates' | 'waiting' | 'finished' | 'stopped';
export type FleetSetState = 'pending' | 'waitingForCluster' | 'running' | 'succeeded' | 'failed' | 'notReady' | 'onTarget' | 'notStarted';

export interface FleetSetView {
  readonly id: string;
  readonly name: string;
  readonly group: string;
  readonly engine: 'embedded' | 'platform';
  readonly location: string;
  readonly subscriptionId: string;
  readonly planned: FleetSetStatus;
  readonly state: FleetSetState;
  /** Instances on the target so far, of `total`. */
  readonly done: number;
  readonly total: number;
  readonly runId?: string;
  readonly detail?: string;
}

export interface FleetGateView {
  readonly kind: string;
  readonly state: 'pending' | 'passed' | 'failed';
  readonly detail?: string;
}

export interface FleetStageView {
  readonly name: string;
  readonly state: FleetStageState;
  readonly requiresApproval: boolean;
  readonly approval?: 'waiting' | 'approved' | 'rejected';
  readonly waitAfterMs: number;
  /** While waiting after the stage: until when (simulated epoch ms). */
  readonly waitUntil?: number;
  readonly gates: readonly FleetGateView[];
  readonly sets: readonly FleetSetView[];
}

export interface FleetView {
  readonly fleetId: string;
  readonly name: string;
  readonly target: string;
  readonly state: 'running' | 'paused' | 'stopping' | 'finished';
  readonly outcome?: FleetOutcome;
  readonly reason?: string;
  readonly failedSets: number;
  readonly maxFailedSets: number;
  readonly stages: readonly FleetStageView[];
}

export type FleetEvent = { readonly at: number } & (
  | { readonly type: 'changed'; readonly view: FleetView }
  | { readonly type: 'log'; readonly level: 'info' | 'warning' | 'error'; readonly message: string }
  | { readonly type: 'finished'; readonly summary: FleetSummary }
);

export type FleetCommand =
  | { readonly type: 'approve'; readonly stage?: string; readonly by?: string }
  | { readonly type: 'reject'; readonly stage?: string; readonly by?: string }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Ctrl-C once: start nothing new; the sets already moving finish. */
  | { readonly type: 'stop' }
  /** Ctrl-C twice: also ask every moving set's run to stop after its current batch. */
  | { readonly type: 'stopNow' };

export interface FleetSummary {
  readonly fleetId: string;
  readonly name: string;
  readonly outcome: FleetOutcome;
  readonly reason?: string;
  readonly durationMs: number;
  readonly sets: { readonly total: number; readonly succeeded: number; readonly failed: number; readonly notReady: number; readonly onTarget: number; readonly notStarted: number };
  readonly view: FleetView;
}
