// `--window` of plan/run (issue 16): the run's maintenance window, in the maintenanceWindow shape of
// Microsoft.Maintenance, given as
//   --window set                                   the set's own OS-image maintenance configuration
//   --window '{"startDateTime":"2026-12-01 22:00","duration":"05:00","timeZone":"W. Europe Standard Time","recurEvery":"Day"}'
//   --window "start=2026-12-01 22:00;duration=05:00;timeZone=W. Europe Standard Time;recurEvery=Day"
// Checked at once (time zone, formats, recurrence), so a typo is a usage error, not a run that never starts.
import type { WindowChoice } from '../core/planner/windowSchedule';
import { MaintenanceWindowError, type MaintenanceWindow } from '../shared/maintenance/maintenanceWindow';
import { compileWindow } from '../shared/maintenance/occurrences';
import { UsageError } from './connect';

const keys: Record<string, keyof MaintenanceWindow> = {
  start: 'startDateTime',
  startdatetime: 'startDateTime',
  duration: 'duration',
  timezone: 'timeZone',
  tz: 'timeZone',
  recurevery: 'recurEvery',
  recur: 'recurEvery',
  expiration: 'expirationDateTime',
  expirationdatetime: 'expirationDateTime',
};

export const windowUsage = `Window:      --window set (the set's OS-image maintenance configuration) |
             --window "start=2026-12-01 22:00;duration=05:00;timeZone=W. Europe Standard Time;recurEvery=Day"
             (or the same as JSON, the Microsoft.Maintenance maintenanceWindow shape)`;

function fromPairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new UsageError(`--window: '${part}' is not key=value`);
    const key = keys[part.slice(0, eq).trim().toLowerCase()];
    if (!key) throw new UsageError(`--window: unknown key '${part.slice(0, eq).trim()}' (use start, duration, timeZone, recurEvery, expiration)`);
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

export function windowFrom(values: Record<string, unknown>): WindowChoice | 'scaleSet' | undefined {
  const raw = values.window;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (raw.trim().toLowerCase() === 'set') return 'scaleSet';
  let fields: Record<string, unknown>;
  try {
    fields = raw.trim().startsWith('{') ? (JSON.parse(raw) as Record<string, unknown>) : fromPairs(raw);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--window: not valid JSON (${(err as Error).message})`);
  }
  const str = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : undefined);
  const startDateTime = str('startDateTime');
  const timeZone = str('timeZone');
  if (!startDateTime || !timeZone) throw new UsageError('--window needs at least start (YYYY-MM-DD hh:mm), duration (HH:mm) and timeZone (a Windows time zone id)');
  const window: MaintenanceWindow = {
    startDateTime,
    timeZone,
    ...(str('duration') ? { duration: str('duration') } : {}),
    ...(str('recurEvery') ? { recurEvery: str('recurEvery') } : {}),
    ...(str('expirationDateTime') ? { expirationDateTime: str('expirationDateTime') } : {}),
  };
  try {
    compileWindow(window);
  } catch (err) {
    if (err instanceof MaintenanceWindowError) throw new UsageError(`--window: ${err.message}`);
    throw err;
  }
  return { source: 'option', window };
}
