// When a maintenance window is open. The wall-clock rules (start time, recurrence) are evaluated in the
// window's time zone by luxon over the IANA zone (DST gaps and overlaps are luxon's, not ours); the
// duration is elapsed time from each start. Dates are compared as calendar days, never as hours.
import type { DateTime } from 'luxon';
import { timeZones } from './loadTimeZones';
import { MaintenanceWindowError, parseDuration, parseLocalDateTime, type MaintenanceWindow, type WindowOccurrence } from './maintenanceWindow';
import { parseRecurrence, type Recurrence } from './recurrence';
import { ianaZoneOf } from './windowsTimeZone';

/** How far ahead the calculator looks for the next window (a yearly-ish schedule still finds one). */
const horizonDays = 3700;

export interface CompiledWindow {
  readonly window: MaintenanceWindow;
  readonly zone: string;
  readonly durationMs: number;
  readonly recurrence: Recurrence;
  /** The first allowed start (startDateTime in the zone), epoch ms. */
  readonly firstStart: number;
  /** No window starts at or after this instant (expirationDateTime), epoch ms. */
  readonly expiresAt: number;
  readonly startHour: number;
  readonly startMinute: number;
  /** Calendar day number (days since 1970-01-01) of the start date. */
  readonly firstDay: number;
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function dateOfDay(n: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * 86_400_000);
  const weekday = ((d.getUTCDay() + 6) % 7) + 1; // ISO: Monday 1 … Sunday 7
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday };
}

function localDateTimeIn(zone: string, text: string, field: string): DateTime {
  const p = parseLocalDateTime(text, field);
  const dt = timeZones().DateTime.fromObject({ year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute }, { zone });
  if (!dt.isValid) throw new MaintenanceWindowError(`${field} '${text}' is not a valid date and time in ${zone}.`);
  return dt;
}

/** Parses and checks a window once; every question about it goes through the result. */
export function compileWindow(window: MaintenanceWindow): CompiledWindow {
  const zone = ianaZoneOf(window.timeZone);
  const first = localDateTimeIn(zone, window.startDateTime, 'startDateTime');
  if (window.duration === undefined) throw new MaintenanceWindowError('duration is required (HH:mm, e.g. 05:00).');
  const durationMs = parseDuration(window.duration);
  const recurrence = parseRecurrence(window.recurEvery ?? 'Day');
  const expiresAt = window.expirationDateTime ? localDateTimeIn(zone, window.expirationDateTime, 'expirationDateTime').toMillis() : Number.POSITIVE_INFINITY;
  if (expiresAt <= first.toMillis()) throw new MaintenanceWindowError('expirationDateTime must be later than startDateTime.');
  return {
    window,
    zone,
    durationMs,
    recurrence,
    firstStart: first.toMillis(),
    expiresAt,
    startHour: first.hour,
    startMinute: first.minute,
    firstDay: dayNumber(first.year, first.month, first.day),
  };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the n-th (or last) given weekday of its month falls on this date. */
function isWeekOfMonth(date: ReturnType<typeof dateOfDay>, week: string, weekday: number): boolean {
  if (date.weekday !== weekday) return false;
  if (week === 'Last') return date.day + 7 > lastDayOfMonth(date.year, date.month);
  const index = ['First', 'Second', 'Third', 'Fourth'].indexOf(week);
  return Math.floor((date.day - 1) / 7) === index;
}

function monthsBetween(a: { year: number; month: number }, b: { year: number; month: number }): number {
  return b.year * 12 + b.month - (a.year * 12 + a.month);
}

/** Whether a window starts on calendar day `n` (in the window's zone) by its recurrence alone. */
function recursOn(w: CompiledWindow, n: number): boolean {
  const r = w.recurrence;
  const first = dateOfDay(w.firstDay);
  const date = dateOfDay(n);
  switch (r.unit) {
    case 'day':
      return (n - w.firstDay) % r.every === 0;
    case 'week': {
      const days = r.weekdays.length ? r.weekdays : [first.weekday];
      const weekIndex = Math.floor((n - (w.firstDay - (first.weekday - 1))) / 7);
      return weekIndex % r.every === 0 && days.includes(date.weekday);
    }
    case 'month': {
      const days = r.days.length ? r.days : [first.day];
      return monthsBetween(first, date) % r.every === 0 && days.includes(date.day);
    }
    case 'monthWeekday': {
      const anchor = dateOfDay(n - r.offsetDays);
      return monthsBetween(first, anchor) % r.every === 0 && isWeekOfMonth(anchor, r.week, r.weekday);
    }
  }
}

function occurrenceOn(w: CompiledWindow, n: number): WindowOccurrence | undefined {
  if (n < w.firstDay || !recursOn(w, n)) return undefined;
  const d = dateOfDay(n);
  const start = timeZones().DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: w.startHour, minute: w.startMinute }, { zone: w.zone }).toMillis();
  if (start < w.firstStart || start >= w.expiresAt) return undefined;
  return { start, end: start + w.durationMs };
}

function localDay(w: CompiledWindow, at: number): number {
  const dt = timeZones().DateTime.fromMillis(at, { zone: w.zone });
  return dayNumber(dt.year, dt.month, dt.day);
}

/** The window open at `at`, else the next one to open; undefined when none is left (expired). */
export function nextWindow(w: CompiledWindow, at: number): WindowOccurrence | undefined {
  const lookBackDays = Math.ceil(w.durationMs / 86_400_000) + 1;
  const from = Math.max(w.firstDay, localDay(w, at) - lookBackDays);
  const last = Math.min(from + horizonDays + lookBackDays, Number.isFinite(w.expiresAt) ? localDay(w, w.expiresAt) : Number.POSITIVE_INFINITY);
  for (let n = from; n <= last; n++) {
    const occ = occurrenceOn(w, n);
    if (occ && occ.end > at) return occ;
  }
  return undefined;
}

/** The window open at `at`, if one is. */
export function openWindowAt(w: CompiledWindow, at: number): WindowOccurrence | undefined {
  const occ = nextWindow(w, at);
  return occ && occ.start <= at ? occ : undefined;
}

/** The next `count` windows from `at` (the open one first, if any). */
export function windowsFrom(w: CompiledWindow, at: number, count: number): WindowOccurrence[] {
  const out: WindowOccurrence[] = [];
  let cursor = at;
  while (out.length < count) {
    const occ = nextWindow(w, cursor);
    if (!occ) break;
    out.push(occ);
    cursor = Math.max(occ.end, occ.start + 1);
  }
  return out;
}
