// Values the readiness rules reason about: JSON, plus `Unknown` for anything that is only known
// at deployment time (a parameter without default, reference(), uniqueString(), …). An Unknown
// may still list the values it can take (e.g. a parameter's allowedValues, or both branches of
// an if() whose condition is unknown) so that a rule can pass or fail when every case agrees.

export type Value = null | boolean | number | string | Value[] | ValueObject | Unknown;
export interface ValueObject {
  [key: string]: Value;
}

/** At most this many alternatives are tracked; more become a plain Unknown. */
export const maxAlternatives = 8;

export class Unknown {
  /**
   * @param reason what it depends on, for the user ("parameter 'osType' has no default value")
   * @param alternatives the values it can take, when known; `undefined` in the list means "not set"
   */
  constructor(
    readonly reason: string,
    readonly alternatives?: readonly (Value | undefined)[],
    /** True for a member of an unknown object: the member may not be set at all. */
    readonly mayBeAbsent = false,
  ) {}

  /** The same unknown seen through a property or index access. */
  member(): Unknown {
    return this.mayBeAbsent ? this : new Unknown(this.reason, undefined, true);
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isValueObject(value: Value | undefined): value is ValueObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown);
}

/** Structural equality of known values (objects compare keys case-insensitively, as ARM does). */
export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  if (isValueObject(a) && isValueObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => valuesEqual(a[key], getProperty(b, key)));
  }
  return false;
}

/** Property lookup: exact name first, then case-insensitive (ARM property names are case-insensitive). */
export function getProperty(object: ValueObject, name: string): Value | undefined {
  if (Object.prototype.hasOwnProperty.call(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

/** Builds an Unknown from alternatives, collapsing them to a known value when they all agree. */
export function fromAlternatives(reason: string, alternatives: readonly (Value | undefined)[]): Value | undefined {
  const distinct: (Value | undefined)[] = [];
  const flat: (Value | undefined)[] = [];
  for (const alternative of alternatives) {
    if (alternative instanceof Unknown) {
      if (!alternative.alternatives) return new Unknown(alternative.reason);
      flat.push(...alternative.alternatives);
    } else {
      flat.push(alternative);
    }
  }
  for (const alternative of flat) {
    if (!distinct.some((d) => valuesEqual(d, alternative))) distinct.push(alternative);
  }
  if (distinct.length === 1) return distinct[0];
  if (distinct.length > maxAlternatives) return new Unknown(reason);
  return new Unknown(reason, distinct);
}

/** Whether a known value somewhere inside holds an Unknown. */
export function containsUnknown(value: Value | undefined): boolean {
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isValueObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

/** Short human text for a value, as shown in hovers and messages. */
export function describeValue(value: Value | undefined): string {
  if (value === undefined) return 'not set';
  if (value instanceof Unknown) {
    if (value.alternatives) return `one of ${value.alternatives.map(describeValue).join(' | ')}`;
    return 'deployment-time value';
  }
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Unknown ? '<deployment-time>' : v));
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * The reason of a parameter only known at deployment. Both adapters (ARM, Bicep) build it with
 * this function, so `decidingParameters` can name the parameter a verdict depends on.
 */
export function openParameterReason(name: string): string {
  return `parameter '${name}' has no default value`;
}

/** The parameters named by reasons built with `openParameterReason` (as written, in order, distinct ignoring case). */
export function decidingParameters(reason: string): string[] {
  const names: string[] = [];
  if (!reason.includes('has no default value')) return names;
  for (const match of reason.matchAll(/parameter '([^']+)' has no default value/g)) {
    if (!names.some((n) => n.toLowerCase() === match[1].toLowerCase())) names.push(match[1]);
  }
  return names;
}

/** A member of a known object or array read with a key only known at deployment: any of its members (ARM fails on a missing key). */
export function anyMember(target: Value, reason: string): Value | undefined {
  const members = Array.isArray(target) ? target : isValueObject(target) ? Object.values(target) : undefined;
  if (!members || members.length === 0) return undefined;
  return fromAlternatives(reason, members);
}
