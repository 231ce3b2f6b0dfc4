// Evaluates a parsed ARM expression to a Value, or to Unknown when it depends on something
// only the deployment knows. Evaluation never throws for template content: syntax and type
// errors become Unknown with a reason, because the linter must not stop on a template that
// Azure itself would reject for another reason.
import { Unknown, anyMember, fromAlternatives, getProperty, isUnknown, isValueObject, type Value } from '../../readiness/value';
import type { ExpressionNode } from './ast';
import { EvaluationError, lookupFunction } from './functions';
import { classifyTemplateString, parseExpression } from './parser';
import type { ExpressionScope } from './scope';
import { ExpressionSyntaxError } from './tokenizer';

/** Member access as ARM does it: object properties case-insensitively, array items by integer. */
export function accessMember(target: Value, key: Value): Value {
  if (isUnknown(key)) {
    // An index known to be one of a few values (a copy loop's copyIndex()): the member is one of theirs.
    // A map indexed by a value only known at deployment (`variables('sizes')[parameters('env')]`): one of its members.
    if (!key.alternatives) return (isUnknown(target) ? undefined : anyMember(target, key.reason)) ?? key;
    if (isUnknown(target)) return key;
    return fromAlternatives(key.reason, key.alternatives.map((alt) => (alt === undefined ? null : accessMember(target, alt)))) ?? null;
  }
  if (isUnknown(target)) {
    if (!target.alternatives) return target.member();
    return fromAlternatives(target.reason, target.alternatives.map((alt) => (alt === undefined ? null : accessMember(alt, key)))) ?? null;
  }
  if (Array.isArray(target)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) throw new EvaluationError('an array index must be an integer');
    return target[key] ?? null;
  }
  if (isValueObject(target)) {
    if (typeof key !== 'string') throw new EvaluationError('an object property name must be a string');
    return getProperty(target, key) ?? null;
  }
  // ARM fails on a property of null; the linter treats it as "not set".
  return null;
}

export function applyFunction(name: string, args: Value[]): Value {
  const fn = lookupFunction(name);
  if (fn.minArgs !== undefined && args.length < fn.minArgs) throw new EvaluationError(`${name}() needs at least ${fn.minArgs} argument(s)`);
  if (fn.maxArgs !== undefined && args.length > fn.maxArgs) throw new EvaluationError(`${name}() takes at most ${fn.maxArgs} argument(s)`);
  if (fn.rawUnknowns) return fn.apply(args);
  const unknownIndexes = args.flatMap((a, i) => (isUnknown(a) ? [i] : []));
  if (unknownIndexes.length === 0) return fn.apply(args);
  const unknown = args[unknownIndexes[0]] as Unknown;
  // Lift over one argument whose possible values are known (e.g. a parameter's allowedValues).
  if (unknownIndexes.length === 1 && unknown.alternatives) {
    const results = unknown.alternatives.map((alt) => {
      const replaced = args.slice();
      replaced[unknownIndexes[0]] = alt === undefined ? null : alt;
      try {
        return fn.apply(replaced);
      } catch {
        return new Unknown(unknown.reason);
      }
    });
    return fromAlternatives(unknown.reason, results) ?? null;
  }
  return new Unknown(unknown.reason);
}

function evaluateIf(args: readonly ExpressionNode[], scope: ExpressionScope): Value {
  if (args.length !== 3) throw new EvaluationError('if() takes three arguments');
  const condition = evaluateNode(args[0], scope);
  const chosen = (value: Value): Value => {
    if (typeof value === 'boolean') return evaluateNode(value ? args[1] : args[2], scope);
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return evaluateNode(value.toLowerCase() === 'true' ? args[1] : args[2], scope);
    throw new EvaluationError('if() needs a boolean condition');
  };
  if (!isUnknown(condition)) return chosen(condition);
  // Unknown condition: the result is one of the two branches.
  return fromAlternatives(condition.reason, [evaluateNode(args[1], scope), evaluateNode(args[2], scope)]) ?? null;
}

export function evaluateNode(node: ExpressionNode, scope: ExpressionScope): Value {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'literal':
      return node.value;
    case 'property':
      return accessMember(evaluateNode(node.target, scope), node.name);
    case 'index':
      return accessMember(evaluateNode(node.target, scope), evaluateNode(node.index, scope));
    case 'call': {
      const lower = node.name.toLowerCase();
      if (lower === 'if') return evaluateIf(node.args, scope);
      const args = node.args.map((arg) => evaluateNode(arg, scope));
      if (lower === 'parameters' || lower === 'variables') {
        if (args.length !== 1) throw new EvaluationError(`${node.name}() takes one name`);
        const [name] = args;
        if (isUnknown(name)) return name;
        if (typeof name !== 'string') throw new EvaluationError(`${node.name}() takes a name`);
        return lower === 'parameters' ? scope.parameter(name) : scope.variable(name);
      }
      if (lower === 'copyindex') {
        const loopName = args.find((a): a is string => typeof a === 'string');
        const offset = args.find((a): a is number => typeof a === 'number') ?? 0;
        const index = scope.copyIndex(loopName);
        if (index === undefined) return new Unknown('copyIndex() is only known for each copy at deployment time');
        if (typeof index === 'number') return index + offset;
        return index.alternatives
          ? (fromAlternatives(index.reason, index.alternatives.map((i) => (typeof i === 'number' ? i + offset : null))) ?? null)
          : index;
      }
      return applyFunction(node.name, args);
    }
  }
}

const parseCache = new Map<string, ExpressionNode | ExpressionSyntaxError>();

/** Parses an expression body, remembering the result (templates repeat the same expressions a lot). */
export function parseCached(body: string): ExpressionNode | ExpressionSyntaxError {
  let parsed = parseCache.get(body);
  if (parsed === undefined) {
    try {
      parsed = parseExpression(body);
    } catch (err) {
      if (!(err instanceof ExpressionSyntaxError)) throw err;
      parsed = err;
    }
    if (parseCache.size > 20000) parseCache.clear();
    parseCache.set(body, parsed);
  }
  return parsed;
}

/** Evaluates a template string: a literal stays itself, an expression is evaluated. */
export function evaluateTemplateString(text: string, scope: ExpressionScope): Value {
  const classified = classifyTemplateString(text);
  if (classified.kind === 'literal') return classified.value;
  const parsed = parseCached(classified.body);
  if (parsed instanceof ExpressionSyntaxError) return new Unknown(`the expression does not parse: ${parsed.message}`);
  try {
    return evaluateNode(parsed, scope);
  } catch (err) {
    if (err instanceof EvaluationError) return new Unknown(`the expression cannot be evaluated: ${err.message}`);
    if (err instanceof RangeError) return new Unknown('the expression is too deeply nested to evaluate');
    throw err;
  }
}
