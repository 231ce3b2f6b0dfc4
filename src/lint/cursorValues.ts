// What a cursor (the ARM TemplateCursor, the BicepCursor) does with a computed value, the same in
// both languages: step into a member, say whether anything is there, turn it into a Fact, and keep
// an expression short enough to show as where a value came from.
import type { Fact, Origin } from '../readiness/model';
import { fromAlternatives, getProperty, isUnknown, isValueObject, type Value } from '../readiness/value';

const maxDescriptionLength = 90;

/** An expression's text cut to a length a finding can show. */
export function shortDescription(text: string): string {
  return text.length > maxDescriptionLength ? `${text.slice(0, maxDescriptionLength - 1)}…` : text;
}

/** Member of a computed value; `undefined` means "not set". */
export function memberOf(value: Value | undefined, key: string | number): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) {
    if (!value.alternatives) return value.member();
    return fromAlternatives(value.reason, value.alternatives.map((alt) => memberOf(alt, key)));
  }
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  if (isValueObject(value)) return typeof key === 'string' ? getProperty(value, key) : undefined;
  return undefined;
}

/** Whether a computed value is there (null counts as not set, as in ARM and Bicep). */
export function presenceOf(value: Value | undefined): 'present' | 'absent' | 'unknown' {
  if (value === undefined || value === null) return 'absent';
  return isUnknown(value) ? 'unknown' : 'present';
}

/** A computed value as a Fact with its origin. */
export function factOf(value: Value | undefined, origin: Origin): Fact {
  if (value === undefined || value === null) return { state: 'absent', origin };
  if (isUnknown(value)) return { state: 'unknown', reason: value.reason, alternatives: value.alternatives, mayBeAbsent: value.mayBeAbsent, origin };
  return { state: 'set', value, origin };
}
