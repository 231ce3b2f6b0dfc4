// What Azure requires of a maintenance configuration with maintenanceScope OSImage, checked before we
// send one (editor, CLI) and by the simulator when one is PUT.
// Learn, "Maintenance control for OS image upgrades on Azure Virtual Machine Scale Sets using Azure
// CLI": "The maintenance window must be 5 hours or longer. The maintenance recurrence must be set to
// Day." Whether Azure also accepts "nDays" (n > 1) for OSImage is unverified; we read "set to Day" as a
// daily recurrence with frequency 1.
import { MaintenanceWindowError, type MaintenanceWindow } from './maintenanceWindow';
import { compileWindow } from './occurrences';

export const osImageMinimumDurationMs = 5 * 3_600_000;

/** The problems of an OSImage window, [] when it is acceptable. */
export function osImageWindowProblems(window: MaintenanceWindow): string[] {
  let compiled;
  try {
    compiled = compileWindow(window);
  } catch (err) {
    return [err instanceof MaintenanceWindowError ? err.message : String(err)];
  }
  const problems: string[] = [];
  if (compiled.durationMs < osImageMinimumDurationMs) problems.push(`duration ${window.duration} is shorter than the 5 hours Azure requires for OS image maintenance windows.`);
  if (compiled.recurrence.unit !== 'day' || compiled.recurrence.every !== 1) problems.push(`recurEvery '${window.recurEvery}' is not allowed for OS image maintenance: the recurrence must be 'Day'.`);
  return problems;
}
