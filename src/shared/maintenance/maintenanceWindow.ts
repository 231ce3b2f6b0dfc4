// The `maintenanceWindow` shape of Microsoft.Maintenance (spec: Maintenance.json 2023-04-01, definition
// MaintenanceWindow): a first occurrence in a Windows time zone, a duration, a recurrence and an optional
// expiration. Both Azure's OS-image maintenance configurations and the embedded orchestrator's own
// windows (`--window`) use this one shape, so a user writes a window once and the same words mean the
// same hours in both engines.

export interface MaintenanceWindow {
  /** First possible start, "YYYY-MM-DD hh:mm" in `timeZone` (spec). */
  readonly startDateTime: string;
  /** "YYYY-MM-DD hh:mm" in `timeZone`; no window starts at or after it (spec: default 9999-12-31 23:59:59). */
  readonly expirationDateTime?: string;
  /** "HH:mm" (spec example 05:00). */
  readonly duration?: string;
  /** A Windows time zone id, e.g. "Pacific Standard Time" or "UTC" (spec: TimeZoneInfo ids). */
  readonly timeZone: string;
  /** "Day", "3Days", "Week Saturday,Sunday", "Month day23,day24", "Month Last Sunday Offset-3"… (spec). */
  readonly recurEvery?: string;
}

/** One occurrence of a window: [start, end) in epoch milliseconds. */
export interface WindowOccurrence {
  readonly start: number;
  readonly end: number;
}

export class MaintenanceWindowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MaintenanceWindowError';
  }
}

const localDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "YYYY-MM-DD hh:mm" (seconds allowed, as in the spec's default expiration) → its parts. */
export function parseLocalDateTime(text: string, field: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const m = localDateTime.exec(text.trim());
  if (!m) throw new MaintenanceWindowError(`${field} '${text}' is not in the form YYYY-MM-DD hh:mm.`);
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) throw new MaintenanceWindowError(`${field} '${text}' is not a valid date and time.`);
  return { year, month, day, hour, minute };
}

/** "HH:mm" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[2]) > 59) throw new MaintenanceWindowError(`duration '${text}' is not in the form HH:mm (e.g. 05:00).`);
  const ms = (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  if (ms <= 0) throw new MaintenanceWindowError('duration must be longer than zero.');
  return ms;
}
