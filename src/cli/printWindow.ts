// How plan/run show the run's maintenance window (issue 16): the schedule, where it comes from, and
// which batch is predicted to start in which window occurrence (times in UTC and in the window's zone).
import { timeZones } from '../shared/maintenance/loadTimeZones';
import type { PlanWindow } from '../core/contract';
import { ianaZoneOf } from '../shared/maintenance/windowsTimeZone';

function local(ms: number, zone: string): string {
  return timeZones().DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

export function describeWindow(w: PlanWindow): string {
  const s = w.window;
  const from = w.source === 'scaleSet' ? `the set's maintenance configuration ${w.configurationId?.split('/').pop() ?? ''}` : '--window';
  return `${s.recurEvery ?? 'Day'} from ${s.startDateTime} for ${s.duration ?? '?'} (${s.timeZone})${s.expirationDateTime ? ` until ${s.expirationDateTime}` : ''}, from ${from}`;
}

export function printWindow(w: PlanWindow, line: (text?: string) => void): void {
  const zone = ianaZoneOf(w.window.timeZone);
  line();
  line(`Maintenance window: ${describeWindow(w)}. A batch starts only inside it and only if its prediction fits before it closes.`);
  for (const b of w.batches) {
    line(`  batch ${String(b.index + 1).padEnd(3)} starts ~${new Date(b.startsAt).toISOString().slice(0, 16)}Z (${local(b.startsAt, zone)} local) in the window ${local(b.windowStart, zone)}–${local(b.windowEnd, zone).slice(11)}${b.overruns ? ' — longer than the window, runs past its end' : ''}`);
  }
  line(`  predicted to finish ~${new Date(w.finishesAt).toISOString().slice(0, 16)}Z`);
  for (const warning of w.warnings) line(`Note: ${warning}`);
}

export function windowAsJson(w: PlanWindow) {
  return {
    source: w.source,
    ...(w.configurationId ? { configurationId: w.configurationId } : {}),
    maintenanceWindow: w.window,
    batches: w.batches.map((b) => ({ index: b.index, startsAt: new Date(b.startsAt).toISOString(), windowStart: new Date(b.windowStart).toISOString(), windowEnd: new Date(b.windowEnd).toISOString(), ...(b.overruns ? { overruns: true } : {}) })),
    finishesAt: new Date(w.finishesAt).toISOString(),
    warnings: w.warnings,
  };
}
