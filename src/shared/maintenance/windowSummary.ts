// A maintenance window in a few words (issue 16), for the scale-set row of the tree and the dashboard
// header: its schedule (recurrence, local start time, duration), its time zone, and the next window — or
// the one open now — in UTC. Pure: the caller gives the time (the simulated clock on the simulator).
import type { MaintenanceWindow, WindowOccurrence } from './maintenanceWindow';
import { compileWindow, nextWindow } from './occurrences';

export interface WindowSummary {
  /** e.g. "Day 22:00 for 05:00" (the local start time of the recurrence). */
  readonly schedule: string;
  readonly timeZone: string;
  /** The window open at `now`, else the next one; absent when none is left (expired) or the window is unreadable. */
  readonly next?: WindowOccurrence;
  readonly open: boolean;
  /** "open until 03:00 UTC" / "next 2026-11-02 21:00 UTC" / "no window left (expired)". */
  readonly when: string;
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function summarizeWindow(window: MaintenanceWindow, now: number): WindowSummary {
  const localStart = window.startDateTime.trim().split(/[ T]/)[1]?.slice(0, 5) ?? window.startDateTime;
  const schedule = `${window.recurEvery ?? 'Day'} ${localStart} for ${window.duration ?? '?'}`;
  let next: WindowOccurrence | undefined;
  try {
    next = nextWindow(compileWindow(window), now);
  } catch (err) {
    return { schedule, timeZone: window.timeZone, open: false, when: `unreadable window (${(err as Error).message})` };
  }
  if (!next) return { schedule, timeZone: window.timeZone, open: false, when: 'no window left (expired)' };
  const open = next.start <= now;
  return { schedule, timeZone: window.timeZone, next, open, when: open ? `open until ${utc(next.end)}` : `next ${utc(next.start)}` };
}
