// The plan under a maintenance window (issue 16): which batch is predicted to start in which window.
// Walks the batches in order with their calibrated predictions (calibrateEstimates.ts) and the pause
// between batches (O8), placing each with the same rule the executor applies (core/window/batchSlot.ts).
import type { PlanWindow, RolloutPlan } from '../contract';
import type { MaintenanceWindow } from '../../shared/maintenance/maintenanceWindow';
import { batchSlot, compileRunWindow } from '../window/batchSlot';

export interface WindowChoice {
  readonly window: MaintenanceWindow;
  /** `option`: given with the run (--window); `scaleSet`: the set's own OS-image maintenance configuration. */
  readonly source: 'option' | 'scaleSet';
  readonly configurationId?: string;
}

export function scheduleInWindows(plan: RolloutPlan, choice: WindowChoice, now: number): PlanWindow {
  const compiled = compileRunWindow(choice.window);
  const batches: PlanWindow['batches'][number][] = [];
  const warnings: string[] = [];
  let at = now;
  for (const b of plan.batches) {
    const slot = batchSlot(compiled, at, b.predictedMs);
    if (!slot) {
      warnings.push(`The maintenance window expires before batch ${b.index + 1} could start; the run would stop there.`);
      break;
    }
    if (slot.overruns) warnings.push(`Batch ${b.index + 1} (~${Math.round(b.predictedMs / 60_000)} min) is longer than a whole window; it starts when a window opens and runs past its end.`);
    batches.push({ index: b.index, startsAt: slot.start, windowStart: slot.windowStart, windowEnd: slot.windowEnd, ...(slot.overruns ? { overruns: true } : {}) });
    at = slot.start + b.predictedMs + plan.policy.pauseBetweenBatchesMs;
  }
  const last = batches.at(-1);
  const finishesAt = last ? last.startsAt + (plan.batches[last.index]?.predictedMs ?? 0) : now;
  return { ...choice, batches, finishesAt, warnings };
}
