// The last gate before an event leaves the extension (issue 8): only catalogued keys pass, numbers must
// be finite, and a property value must be a short token with nothing private in it (a GUID, resource id,
// token, IP, path or e-mail makes the whole value `<redacted>`, not just the matching part).
import { holdsPrivateData } from '../shared/redact';
import { type TelemetryEventName, telemetryEvents } from './events';

export interface SanitizedEvent {
  readonly name: TelemetryEventName;
  readonly properties: Readonly<Record<string, string>>;
  readonly measurements: Readonly<Record<string, number>>;
}

export const redactedValue = '<redacted>';

/** Enumeration-like values only: letters, digits and a little punctuation, at most 100 characters. */
const tokenShape = /^[A-Za-z0-9_.:+-]{0,100}$/;

export function sanitizePropertyValue(value: unknown): string {
  if (typeof value !== 'string') return redactedValue;
  if (!tokenShape.test(value) || holdsPrivateData(value)) return redactedValue;
  return value;
}

export function sanitizeEvent(name: TelemetryEventName, properties: object, measurements: object): SanitizedEvent {
  const spec = telemetryEvents[name];
  const cleanProperties: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || !Object.hasOwn(spec.properties, key)) continue;
    cleanProperties[key] = sanitizePropertyValue(value);
  }
  const cleanMeasurements: Record<string, number> = {};
  for (const [key, value] of Object.entries(measurements)) {
    if (!Object.hasOwn(spec.measurements, key) || typeof value !== 'number' || !Number.isFinite(value)) continue;
    cleanMeasurements[key] = value;
  }
  return { name, properties: cleanProperties, measurements: cleanMeasurements };
}
