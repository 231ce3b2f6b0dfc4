// Compute API versions are dates with an optional suffix ("2016-04-30-preview"); they compare
// by their date part.

const datePattern = /^(\d{4}-\d{2}-\d{2})/;

/** The date part of an API version, or undefined when it is not one. */
export function apiVersionDate(version: string): string | undefined {
  return datePattern.exec(version.trim())?.[1];
}

/** Whether `version` is at least `minimum` (both API versions); undefined when `version` is not an API version. */
export function apiVersionAtLeast(version: string, minimum: string): boolean | undefined {
  const date = apiVersionDate(version);
  return date === undefined ? undefined : date >= minimum;
}

/** R4: automatic OS image upgrade needs Compute API 2018-10-01 or later. */
export const minimumAutomaticUpgradeApiVersion = '2018-10-01';
/** R5: from 2019-03-01 the platform refuses enableAutomaticUpdates=true with automatic OS upgrade. */
export const windowsUpdateApiVersion = '2019-03-01';

/** Compares extension versions such as "1.0", "1.1", "2.0" numerically; undefined when not a version. */
export function extensionVersionAtLeast(version: string, minimum: string): boolean | undefined {
  const parse = (text: string): number[] | undefined => (/^\d+(\.\d+)*$/.test(text.trim()) ? text.trim().split('.').map(Number) : undefined);
  const a = parse(version);
  const b = parse(minimum);
  if (!a || !b) return undefined;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
