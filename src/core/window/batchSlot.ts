// When a batch of the embedded orchestrator may start under a maintenance window (issue 16).
// Decision: a batch starts only inside an open window AND only if its estimated duration (the plan's
// calibrated per-batch prediction) fits before that window closes; otherwise it waits for the next
// window. Why: the window is the hours the owner allows instances to be out of service — starting a
// batch that is predicted to run past the end would take instances down outside those hours. A batch
// longer than a whole window can never fit; it starts when a window opens (never outside one) and the
// plan says it will overrun. A batch already started always finishes (a reimage cannot stop half-way).
import { compileWindow, nextWindow, type CompiledWindow } from '../../shared/maintenance/occurrences';
import type { MaintenanceWindow } from '../../shared/maintenance/maintenanceWindow';

export interface BatchSlot {
  /** When the batch may start (now, when a window is open and the batch fits). */
  readonly start: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  /** The batch is predicted to run past the end of the window it starts in. */
  readonly overruns: boolean;
}

/** The earliest start at or after `at` for a batch of `estimateMs`; undefined when the window has expired. */
export function batchSlot(window: CompiledWindow, at: number, estimateMs: number): BatchSlot | undefined {
  let occ = nextWindow(window, at);
  for (let i = 0; occ && i < 10_000; i++) {
    const start = Math.max(at, occ.start);
    const fitsAnyWindow = estimateMs <= occ.end - occ.start;
    if (start + estimateMs <= occ.end) return { start, windowStart: occ.start, windowEnd: occ.end, overruns: false };
    if (!fitsAnyWindow && start === occ.start) return { start, windowStart: occ.start, windowEnd: occ.end, overruns: true };
    occ = nextWindow(window, occ.end);
  }
  return undefined;
}

/** Whether `at` lies inside an occurrence of the window. */
export function insideWindow(window: CompiledWindow, at: number): boolean {
  const occ = nextWindow(window, at);
  return occ !== undefined && occ.start <= at && at < occ.end;
}

export function compileRunWindow(window: MaintenanceWindow): CompiledWindow {
  return compileWindow(window);
}
