// What a state of the run needs from the executor (the coordinator): the shared run context, the run's
// visible state, and a way to wait for the next command. States are plain functions over this host.
import type { RunOutcome, RunState } from '../../contract';
import type { RunContext } from '../runContext';

/** A stop decided by a rule or a command, recorded as the run's outcome. */
export interface Stop {
  readonly outcome: RunOutcome;
  readonly reason: string;
}

export interface RunHost {
  readonly ctx: RunContext;
  setState(state: RunState, message?: string): void;
  /** Waits for the next command (or cancel-now, which rejects). */
  nextCommand(): Promise<void>;
  /** This process ran the precheck (O1) itself: the first batch needs no O6 re-check. */
  readonly prechecked: boolean;
  /** Journals this process's ARM traffic so far (before batchFinished and runFinished). */
  recordTraffic(): void;
}
