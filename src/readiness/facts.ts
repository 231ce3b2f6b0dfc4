// Reading facts: the possible values of a fact, coercions the templates need (string-typed
// booleans such as "true"), and three-valued judgements (yes / no / depends on deployment).
import type { Fact } from './model';
import { Unknown, describeValue, isUnknown, type Value } from './value';

export type Verdict = 'yes' | 'no' | 'unknown';

/** Every value the fact can take (`undefined` = not set), or undefined when they cannot be listed. */
export function possibleValues(fact: Fact): readonly (Value | undefined)[] | undefined {
  switch (fact.state) {
    case 'set':
      return isUnknown(fact.value) ? fact.value.alternatives : [fact.value === null ? undefined : fact.value];
    case 'absent':
      return [undefined];
    case 'unknown':
      return fact.alternatives;
  }
}

/** Whether a predicate holds for every possible value (yes), none (no), or it depends (unknown). */
export function judge(fact: Fact, predicate: (value: Value | undefined) => boolean | 'unknown'): Verdict {
  const values = possibleValues(fact);
  if (!values) return 'unknown';
  let yes = 0;
  let no = 0;
  for (const value of values) {
    const result = isUnknown(value) ? 'unknown' : predicate(value);
    if (result === 'unknown') return 'unknown';
    if (result) yes++;
    else no++;
  }
  if (no === 0) return 'yes';
  if (yes === 0) return 'no';
  return 'unknown';
}

/** A boolean as ARM reads it: true/false, or the strings "true"/"false" (any case). */
export function asBoolean(value: Value | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return undefined;
}

export function asString(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The reason a fact depends on deployment (for the "deployment-time value" message). */
export function unknownReason(fact: Fact): string {
  if (fact.state === 'unknown') return fact.reason;
  if (fact.state === 'set' && fact.value instanceof Unknown) return fact.value.reason;
  return 'it is only known at deployment time';
}

/** `latest (variables('image').version)` — a fact's value and its source, as hovers print it. */
export function describeFact(fact: Fact): string {
  const value =
    fact.state === 'absent'
      ? 'not set'
      : fact.state === 'unknown'
        ? fact.alternatives
          ? `one of ${fact.alternatives.map(describeValue).join(' | ')}`
          : `deployment-time value — ${fact.reason}`
        : describeValue(fact.value);
  return `${value} (${fact.origin.description})`;
}


/**
 * Whether a property holds a value. A deployment-time value that lists no alternatives counts as
 * present (`concat(variables('lbId'), '/probes/p')` is some id, just not one we can spell);
 * alternatives that include "not set" (an if() with null) leave it open.
 */
export function isPresent(fact: Fact): Verdict {
  if (fact.state === 'unknown' && !fact.alternatives) return fact.mayBeAbsent ? 'unknown' : 'yes';
  return judge(fact, (value) => value !== undefined && value !== null && value !== '');
}
