// A maintenance window's time zone is a Windows time zone id (spec: "[System.TimeZoneInfo]::
// GetSystemTimeZones()", e.g. "Pacific Standard Time"); Intl and luxon speak IANA. The mapping is the
// Unicode CLDR windowsZones table as packaged by `windows-iana` — never a table of our own.
import { timeZones } from './loadTimeZones';
import { MaintenanceWindowError } from './maintenanceWindow';

function supportedByIntl(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone for a Windows time zone id; throws a readable error for an unknown id. */
export function ianaZoneOf(windowsId: string): string {
  const id = windowsId.trim();
  const candidates = timeZones().findIana(id) ?? [];
  const zone = candidates.find(supportedByIntl);
  if (!zone) throw new MaintenanceWindowError(`timeZone '${windowsId}' is not a Windows time zone id (e.g. 'UTC', 'Pacific Standard Time', 'W. Europe Standard Time').`);
  return zone;
}

/** Whether the text names a Windows time zone the window calculator can use. */
export function isWindowsTimeZone(windowsId: string): boolean {
  try {
    ianaZoneOf(windowsId);
    return true;
  } catch {
    return false;
  }
}
