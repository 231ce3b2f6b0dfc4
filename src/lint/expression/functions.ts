// The template functions the linter evaluates. Anything that only the deployment knows
// (reference(), list*(), uniqueString(), resourceGroup(), …) evaluates to Unknown; so does
// any function not listed here. Function names are case-insensitive, as in ARM.
import { Unknown, getProperty, isUnknown, isValueObject, valuesEqual, containsUnknown, type Value, type ValueObject } from '../../readiness/value';

export class EvaluationError extends Error {}

/** A function receives evaluated arguments. With `rawUnknowns` it also sees Unknown arguments; otherwise the evaluator lifts it over them. */
export interface TemplateFunction {
  readonly rawUnknowns?: boolean;
  readonly minArgs?: number;
  readonly maxArgs?: number;
  apply(args: Value[]): Value;
}

function expectString(value: Value, fn: string): string {
  if (typeof value !== 'string') throw new EvaluationError(`${fn}() expects a string`);
  return value;
}

function expectInteger(value: Value, fn: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  throw new EvaluationError(`${fn}() expects an integer`);
}

function expectBoolean(value: Value, fn: string): boolean {
  if (typeof value === 'boolean') return value;
  // Templates often carry booleans as strings ("true"/"false"); ARM's bool() accepts them.
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new EvaluationError(`${fn}() expects a boolean`);
}

/** ARM string conversion: strings as they are, everything else as compact JSON. */
export function toArmString(value: Value): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  return JSON.stringify(value);
}

/** .NET composite formatting as used by format(): {0}, {1:N2} (format specifiers ignored), {{ and }}. */
function formatComposite(template: string, args: Value[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)(?:[,:][^}]*)?\}/g, (match, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const arg = args[Number(index)];
    if (arg === undefined) throw new EvaluationError(`format() has no argument ${index}`);
    return typeof arg === 'boolean' ? (arg ? 'True' : 'False') : toArmString(arg);
  });
}

function deploymentTime(name: string): TemplateFunction {
  return { rawUnknowns: true, apply: () => new Unknown(`${name}() is only known at deployment time`) };
}

function isEmpty(value: Value): boolean {
  if (value === null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (isValueObject(value)) return Object.keys(value).length === 0;
  return false;
}

function unionOf(values: Value[]): Value {
  if (values.every(Array.isArray)) {
    const out: Value[] = [];
    for (const list of values as Value[][]) for (const item of list) if (!out.some((o) => valuesEqual(o, item))) out.push(item);
    return out;
  }
  if (values.every((v) => isValueObject(v) || v === null)) {
    const out: ValueObject = {};
    for (const object of values) {
      if (object === null) continue;
      for (const [key, item] of Object.entries(object as ValueObject)) {
        const existing = out[key];
        out[key] = isValueObject(existing) && isValueObject(item) ? (unionOf([existing, item]) as ValueObject) : item;
      }
    }
    return out;
  }
  throw new EvaluationError('union() expects only arrays or only objects');
}

function resourceIdFunction(prefix: (args: Value[]) => string, fn: string): TemplateFunction {
  // resourceId([subscriptionId], [resourceGroupName], type, name1, name2, …). The subscription
  // and group only matter to Azure; the rules look at the type and the names, so the id is
  // built with placeholders for what the deployment fills in.
  return {
    minArgs: 2,
    apply(args) {
      const strings = args.map((a) => expectString(a, fn));
      const typeIndex = strings.findIndex((s) => s.includes('/') && /^[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(s));
      if (typeIndex < 0) throw new EvaluationError(`${fn}() needs a resource type`);
      const [namespace, ...types] = strings[typeIndex].split('/');
      const names = strings.slice(typeIndex + 1);
      if (names.length !== types.length) throw new EvaluationError(`${fn}() needs ${types.length} name segment(s)`);
      const segments = types.map((type, i) => `${type}/${names[i]}`).join('/');
      return `${prefix(strings.slice(0, typeIndex))}/providers/${namespace}/${segments}`;
    },
  };
}

function compare(fn: string, test: (order: number) => boolean): TemplateFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    apply([a, b]) {
      if (typeof a === 'number' && typeof b === 'number') return test(a - b);
      if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
      throw new EvaluationError(`${fn}() compares two numbers or two strings`);
    },
  };
}

function arithmetic(fn: string, op: (a: number, b: number) => number): TemplateFunction {
  return { minArgs: 2, maxArgs: 2, apply: ([a, b]) => op(expectInteger(a, fn), expectInteger(b, fn)) };
}

const functions: Record<string, TemplateFunction> = {
  concat: {
    apply(args) {
      if (args.length > 0 && args.every((a) => Array.isArray(a) || a === null)) return args.flatMap((a) => (a === null ? [] : (a as Value[])));
      return args.map((a) => (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? String(a) : expectString(a, 'concat'))).join('');
    },
  },
  format: { minArgs: 1, apply: ([template, ...rest]) => formatComposite(expectString(template, 'format'), rest) },
  tolower: { minArgs: 1, maxArgs: 1, apply: ([s]) => expectString(s, 'toLower').toLowerCase() },
  toupper: { minArgs: 1, maxArgs: 1, apply: ([s]) => expectString(s, 'toUpper').toUpperCase() },
  trim: { minArgs: 1, maxArgs: 1, apply: ([s]) => expectString(s, 'trim').trim() },
  string: { minArgs: 1, maxArgs: 1, apply: ([v]) => toArmString(v) },
  int: { minArgs: 1, maxArgs: 1, apply: ([v]) => expectInteger(v, 'int') },
  bool: { minArgs: 1, maxArgs: 1, apply: ([v]) => (typeof v === 'number' ? v !== 0 : expectBoolean(v, 'bool')) },
  json: {
    minArgs: 1,
    maxArgs: 1,
    apply([text]) {
      try {
        return JSON.parse(expectString(text, 'json')) as Value;
      } catch {
        throw new EvaluationError('json() got text that is not JSON');
      }
    },
  },
  null: { maxArgs: 0, apply: () => null },
  true: { maxArgs: 0, apply: () => true },
  false: { maxArgs: 0, apply: () => false },
  if: {
    // Handled by the evaluator (only the chosen branch is evaluated); kept here for arity.
    minArgs: 3,
    maxArgs: 3,
    apply: ([condition, whenTrue, whenFalse]) => (expectBoolean(condition, 'if') ? whenTrue : whenFalse),
  },
  equals: {
    minArgs: 2,
    maxArgs: 2,
    apply([a, b]) {
      if (containsUnknown(a) || containsUnknown(b)) return new Unknown('a compared value is only known at deployment time');
      return valuesEqual(a, b);
    },
  },
  not: { minArgs: 1, maxArgs: 1, apply: ([v]) => !expectBoolean(v, 'not') },
  and: {
    rawUnknowns: true,
    minArgs: 1,
    apply(args) {
      if (args.some((a) => !isUnknown(a) && !expectBoolean(a, 'and'))) return false;
      const unknown = args.find(isUnknown);
      return unknown ?? true;
    },
  },
  or: {
    rawUnknowns: true,
    minArgs: 1,
    apply(args) {
      if (args.some((a) => !isUnknown(a) && expectBoolean(a, 'or'))) return true;
      const unknown = args.find(isUnknown);
      return unknown ?? false;
    },
  },
  coalesce: {
    rawUnknowns: true,
    apply(args) {
      for (const arg of args) {
        if (isUnknown(arg)) return arg;
        if (arg !== null) return arg;
      }
      return null;
    },
  },
  createobject: {
    rawUnknowns: true,
    apply(args) {
      if (args.length % 2 !== 0) throw new EvaluationError('createObject() takes name/value pairs');
      const out: ValueObject = {};
      for (let i = 0; i < args.length; i += 2) {
        const key = args[i];
        if (isUnknown(key)) return key;
        out[expectString(key, 'createObject')] = args[i + 1];
      }
      return out;
    },
  },
  createarray: { rawUnknowns: true, apply: (args) => args },
  array: { minArgs: 1, maxArgs: 1, apply: ([v]) => (Array.isArray(v) ? v : [v]) },
  union: { minArgs: 1, apply: unionOf },
  trygetvalue: { rawUnknowns: true, minArgs: 2, apply: (args) => tryGet(args) },
  tryget: { rawUnknowns: true, minArgs: 2, apply: (args) => tryGet(args) },
  empty: { minArgs: 1, maxArgs: 1, apply: ([v]) => isEmpty(v) },
  length: {
    minArgs: 1,
    maxArgs: 1,
    apply([v]) {
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (isValueObject(v)) return Object.keys(v).length;
      throw new EvaluationError('length() expects a string, array or object');
    },
  },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    apply([container, item]) {
      if (typeof container === 'string') return container.includes(toArmString(item));
      if (Array.isArray(container)) {
        if (container.some((c) => valuesEqual(c, item))) return true;
        return container.some(isUnknown) ? new Unknown('an array element is only known at deployment time') : false;
      }
      if (isValueObject(container)) return getProperty(container, expectString(item, 'contains')) !== undefined;
      if (container === null) return false;
      throw new EvaluationError('contains() expects a string, array or object');
    },
  },
  startswith: { minArgs: 2, maxArgs: 2, apply: ([s, p]) => expectString(s, 'startsWith').toLowerCase().startsWith(expectString(p, 'startsWith').toLowerCase()) },
  endswith: { minArgs: 2, maxArgs: 2, apply: ([s, p]) => expectString(s, 'endsWith').toLowerCase().endsWith(expectString(p, 'endsWith').toLowerCase()) },
  replace: { minArgs: 3, maxArgs: 3, apply: ([s, a, b]) => expectString(s, 'replace').split(expectString(a, 'replace')).join(expectString(b, 'replace')) },
  split: {
    minArgs: 2,
    maxArgs: 2,
    apply([s, sep]) {
      const separators = Array.isArray(sep) ? sep.map((x) => expectString(x, 'split')) : [expectString(sep, 'split')];
      let parts = [expectString(s, 'split')];
      for (const separator of separators) parts = parts.flatMap((p) => p.split(separator));
      return parts;
    },
  },
  substring: {
    minArgs: 2,
    maxArgs: 3,
    apply([s, start, length]) {
      const text = expectString(s, 'substring');
      const from = expectInteger(start, 'substring');
      const count = length === undefined ? text.length - from : expectInteger(length, 'substring');
      if (from < 0 || count < 0 || from + count > text.length) throw new EvaluationError('substring() range is outside the string');
      return text.substr(from, count);
    },
  },
  first: { minArgs: 1, maxArgs: 1, apply: ([v]) => (typeof v === 'string' ? v.slice(0, 1) : Array.isArray(v) ? (v[0] ?? null) : expectString(v, 'first')) },
  last: { minArgs: 1, maxArgs: 1, apply: ([v]) => (typeof v === 'string' ? v.slice(-1) : Array.isArray(v) ? (v[v.length - 1] ?? null) : expectString(v, 'last')) },
  take: { minArgs: 2, maxArgs: 2, apply: ([v, n]) => (typeof v === 'string' || Array.isArray(v) ? v.slice(0, Math.max(0, expectInteger(n, 'take'))) : expectString(v, 'take')) },
  skip: { minArgs: 2, maxArgs: 2, apply: ([v, n]) => (typeof v === 'string' || Array.isArray(v) ? v.slice(Math.max(0, expectInteger(n, 'skip'))) : expectString(v, 'skip')) },
  indexof: { minArgs: 2, maxArgs: 2, apply: ([s, x]) => expectString(s, 'indexOf').toLowerCase().indexOf(expectString(x, 'indexOf').toLowerCase()) },
  add: arithmetic('add', (a, b) => a + b),
  sub: arithmetic('sub', (a, b) => a - b),
  mul: arithmetic('mul', (a, b) => a * b),
  div: arithmetic('div', (a, b) => {
    if (b === 0) throw new EvaluationError('div() by zero');
    return Math.trunc(a / b);
  }),
  mod: arithmetic('mod', (a, b) => {
    if (b === 0) throw new EvaluationError('mod() by zero');
    return a % b;
  }),
  greater: compare('greater', (o) => o > 0),
  greaterorequals: compare('greaterOrEquals', (o) => o >= 0),
  less: compare('less', (o) => o < 0),
  lessorequals: compare('lessOrEquals', (o) => o <= 0),
  base64: { minArgs: 1, maxArgs: 1, apply: ([s]) => Buffer.from(expectString(s, 'base64'), 'utf8').toString('base64') },
  resourceid: resourceIdFunction((scope) => `/subscriptions/{subscription}/resourceGroups/${scope[scope.length - 1] ?? '{resourceGroup}'}`, 'resourceId'),
  subscriptionresourceid: resourceIdFunction(() => '/subscriptions/{subscription}', 'subscriptionResourceId'),
  tenantresourceid: resourceIdFunction(() => '', 'tenantResourceId'),
  extensionresourceid: {
    minArgs: 3,
    apply([scope, type, ...names]) {
      const inner = functions.tenantresourceid.apply([type, ...names]) as string;
      return `${expectString(scope, 'extensionResourceId')}${inner}`;
    },
  },
};

function tryGet(args: Value[]): Value {
  let current: Value = args[0];
  for (const key of args.slice(1)) {
    if (isUnknown(current) || isUnknown(key)) return isUnknown(current) ? current.member() : key;
    if (current === null) return null;
    if (Array.isArray(current) && typeof key === 'number') current = current[key] ?? null;
    else if (isValueObject(current) && typeof key === 'string') current = getProperty(current, key) ?? null;
    else return null;
  }
  return current;
}

const deploymentTimeFunctions = [
  'reference', 'list', 'listkeys', 'listsecrets', 'listaccountsas', 'listservicesas', 'listcredentials', 'listconnectionstrings',
  'uniquestring', 'guid', 'newguid', 'utcnow', 'datetimeadd', 'datetimefromepoch', 'datetimetoepoch',
  'resourcegroup', 'subscription', 'tenant', 'managementgroup', 'deployment', 'environment', 'providers', 'pickzones',
  'map', 'filter', 'reduce', 'sort', 'toobject', 'lambda', 'lambdavariables', 'items', 'shallowmerge', 'uri', 'uricomponent',
  'uricomponenttostring', 'base64tostring', 'base64tojson', 'datauri', 'datauritostring', 'getsecret',
];

function notEvaluated(name: string): TemplateFunction {
  return { rawUnknowns: true, apply: () => new Unknown(`${name}() is not evaluated by the linter`) };
}

/** The function implementation for a (case-insensitive) name; unknown names evaluate at deployment time. */
export function lookupFunction(name: string): TemplateFunction {
  const lower = name.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(functions, lower)) return functions[lower];
  if (deploymentTimeFunctions.includes(lower) || lower.startsWith('list')) return deploymentTime(name);
  return notEvaluated(name);
}
