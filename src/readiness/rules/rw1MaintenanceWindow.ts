// RW1 vmss-os-image-maintenance-window: a maintenance configuration with maintenanceScope
// OSImage (maintenance control for automatic OS image upgrades) must have a window of at least
// 5 hours that recurs every day. Source: Learn, "Maintenance control for OS image upgrades on
// Azure Virtual Machine Scale Sets using Azure CLI" (Important: "The maintenance duration must be
// 5 hours or longer. The maintenance recurrence must be set to Day."). Whether a multi-day
// recurrence ("2Days") is accepted is not documented there (unverified): it is only reported
// as depending on Azure, never failed.
import type { Issue } from '../findings';
import { asString, possibleValues } from '../facts';
import type { Fact, OsImageMaintenanceWindow } from '../model';
import { isUnknown } from '../value';
import { notApplicable, pass, type ReadinessRule } from './rule';

/** The documented minimum window, in minutes. */
export const minimumWindowMinutes = 5 * 60;

/** "05:00" → 300; undefined when it is not hh:mm. */
export function windowMinutes(duration: string): number | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(duration);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

type Judgement = 'ok' | 'bad' | 'open';

function judgeAll(fact: Fact, check: (text: string) => Judgement): { verdict: Judgement; bad: string[] } {
  const values = possibleValues(fact);
  if (!values) return { verdict: 'open', bad: [] };
  const bad: string[] = [];
  let open = false;
  for (const value of values) {
    const text = isUnknown(value) ? undefined : asString(value);
    const result = text === undefined ? 'open' : check(text);
    if (result === 'bad') bad.push(text!);
    if (result === 'open') open = true;
  }
  return { verdict: bad.length > 0 && bad.length === values.length ? 'bad' : bad.length > 0 || open ? 'open' : 'ok', bad };
}

const durationCheck = (text: string): Judgement => {
  const minutes = windowMinutes(text);
  if (minutes === undefined) return 'open';
  return minutes >= minimumWindowMinutes ? 'ok' : 'bad';
};

const recurrenceCheck = (text: string): Judgement => {
  if (/^\s*(1\s*)?days?\s*$/i.test(text)) return 'ok';
  if (/^\s*\d+\s*days?\s*$/i.test(text)) return 'open'; // nDays: not documented either way
  return 'bad';
};

function windowIssues(window: OsImageMaintenanceWindow): Issue[] {
  const issues: Issue[] = [];
  const duration = judgeAll(window.duration, durationCheck);
  if (window.duration.state === 'absent' || duration.verdict === 'bad') {
    const shown = window.duration.state === 'absent' ? 'not set' : duration.bad.map((d) => `'${d}'`).join(' or ');
    issues.push({
      kind: 'violation',
      origin: window.duration.state === 'absent' ? window.origin : window.duration.origin,
      message: `RW1: the OS image maintenance window (maintenanceWindow.duration) is ${shown}; Azure requires at least 5 hours (05:00) for maintenanceScope OSImage, so automatic OS image upgrades cannot run in it. Set duration to "05:00" or longer.`,
    });
  } else if (duration.verdict === 'open') {
    issues.push({ kind: 'deployment-time', origin: window.duration.origin, message: 'RW1: the OS image maintenance window duration is only known at deployment (or not hh:mm): Azure requires at least 5 hours.' });
  }
  const recurrence = judgeAll(window.recurEvery, recurrenceCheck);
  if (recurrence.verdict === 'bad') {
    issues.push({
      kind: 'violation',
      origin: window.recurEvery.origin,
      message: `RW1: the OS image maintenance window recurs '${recurrence.bad.join("' or '")}'; for maintenanceScope OSImage Azure requires the recurrence to be Day. Set recurEvery to "Day".`,
    });
  } else if (recurrence.verdict === 'open' && window.recurEvery.state !== 'absent') {
    issues.push({ kind: 'deployment-time', origin: window.recurEvery.origin, message: 'RW1: the OS image maintenance recurrence is only known at deployment, or is a multi-day recurrence that Learn does not document: Azure requires Day.' });
  }
  return issues;
}

export const rw1MaintenanceWindow: ReadinessRule = {
  id: 'RW1',
  shapes: ['full', 'partial', 'no-profile'],
  evaluate(model) {
    const windows = model.osImageMaintenanceWindows ?? [];
    if (windows.length === 0) return notApplicable('RW1', 'no OS image maintenance configuration');
    const facts = windows.flatMap((w) => [
      { label: 'maintenanceWindow.duration', fact: w.duration },
      { label: 'maintenanceWindow.recurEvery', fact: w.recurEvery },
    ]);
    const issues = windows.flatMap(windowIssues);
    if (issues.length === 0) return pass('RW1', facts, 'OS image maintenance window of 5 hours or more, daily');
    return { rule: 'RW1', status: issues.some((i) => i.kind === 'violation') ? 'fail' : 'unknown', facts, issues };
  },
};
