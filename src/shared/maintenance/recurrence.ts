// `recurEvery` of a maintenance window (spec: Maintenance.json 2023-04-01, MaintenanceWindow.recurEvery):
//   daily   [n]Day(s)
//   weekly  [n]Week(s) [Monday,…,Sunday]
//   monthly [n]Month(s) [day1,day2,…]  |  [n]Month(s) First|Second|Third|Fourth|Last <Weekday> [Offset-6…6]
// A missing frequency is 1 (spec). Parsed once into a typed rule the occurrence calculator walks.
import { MaintenanceWindowError } from './maintenanceWindow';

export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type Weekday = (typeof weekdays)[number];
const weeksOfMonth = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;
export type WeekOfMonth = (typeof weeksOfMonth)[number];

export type Recurrence =
  | { readonly unit: 'day'; readonly every: number }
  /** ISO weekdays 1 (Monday) … 7 (Sunday); empty: the weekday of the start date. */
  | { readonly unit: 'week'; readonly every: number; readonly weekdays: readonly number[] }
  /** Days of the month; empty: the start date's day. */
  | { readonly unit: 'month'; readonly every: number; readonly days: readonly number[] }
  | { readonly unit: 'monthWeekday'; readonly every: number; readonly week: WeekOfMonth; readonly weekday: number; readonly offsetDays: number };

function weekdayNumber(name: string): number {
  const i = weekdays.findIndex((w) => w.toLowerCase() === name.toLowerCase());
  if (i < 0) throw new MaintenanceWindowError(`'${name}' is not a weekday (Monday … Sunday).`);
  return i + 1;
}

export function parseRecurrence(text: string): Recurrence {
  const trimmed = text.trim();
  const head = /^(\d*)\s*(Days?|Weeks?|Months?)\b\s*(.*)$/i.exec(trimmed);
  if (!head) throw new MaintenanceWindowError(`recurEvery '${text}' must start with Day, Week or Month, optionally after a frequency (e.g. 'Day', '3Days', 'Week Saturday,Sunday', 'Month Last Sunday').`);
  const every = head[1] === '' ? 1 : Number(head[1]);
  if (!Number.isInteger(every) || every < 1) throw new MaintenanceWindowError(`recurEvery '${text}': the frequency must be a whole number of at least 1.`);
  const unit = head[2].toLowerCase().replace(/s$/, '');
  const rest = head[3].trim();
  if (unit === 'day') {
    if (rest) throw new MaintenanceWindowError(`recurEvery '${text}': a daily schedule takes no further words.`);
    return { unit: 'day', every };
  }
  if (unit === 'week') {
    const days = rest ? rest.split(',').map((d) => weekdayNumber(d.trim())) : [];
    return { unit: 'week', every, weekdays: [...new Set(days)].sort() };
  }
  if (!rest) return { unit: 'month', every, days: [] };
  if (/^day\d/i.test(rest)) {
    const days = rest.split(',').map((d) => {
      const m = /^day(\d{1,2})$/i.exec(d.trim());
      const n = m ? Number(m[1]) : NaN;
      if (!(n >= 1 && n <= 31)) throw new MaintenanceWindowError(`recurEvery '${text}': '${d.trim()}' is not a month day (day1 … day31).`);
      return n;
    });
    return { unit: 'month', every, days: [...new Set(days)].sort((a, b) => a - b) };
  }
  const m = /^(\w+)\s+(\w+)(?:\s+Offset(-?\d+))?$/i.exec(rest);
  const week = m && weeksOfMonth.find((w) => w.toLowerCase() === m[1].toLowerCase());
  if (!m || !week) throw new MaintenanceWindowError(`recurEvery '${text}': expected month days (day1,day15) or a week of the month and a weekday (e.g. 'Month Fourth Monday', 'Month Last Sunday Offset-3').`);
  const offsetDays = m[3] === undefined ? 0 : Number(m[3]);
  // Spec: "Offset value must be between -6 to 6 inclusive."
  if (offsetDays < -6 || offsetDays > 6) throw new MaintenanceWindowError(`recurEvery '${text}': the offset must be between -6 and 6.`);
  return { unit: 'monthWeekday', every, week, weekday: weekdayNumber(m[2]), offsetDays };
}
