// Turns a template JSON subtree into a Value: expression strings are evaluated, property copy
// loops (`"copy": [{ name, count, input }]`) are expanded, everything else is taken as is.
import { Unknown, isUnknown, type Value, type ValueObject } from '../readiness/value';
import { evaluateTemplateString } from './expression/evaluator';
import type { ExpressionScope } from './expression/scope';
import { arrayItems, childValue, objectEntries, type JsonNode } from './jsonNodes';

/** Loops with more iterations than this are not expanded (the value becomes Unknown). */
export const maxCopyCount = 800;
const maxDepth = 200;

/** A scope that also binds a copy-loop index (for `copyIndex('name')`). */
export function withCopyIndex(scope: ExpressionScope, loopName: string | undefined, index: number): ExpressionScope {
  return {
    parameter: (name) => scope.parameter(name),
    variable: (name) => scope.variable(name),
    copyIndex: (requested) =>
      requested === undefined || loopName === undefined || requested.toLowerCase() === loopName.toLowerCase() ? index : scope.copyIndex(requested),
  };
}

/** Whether an object's `copy` property holds property loops (an array of { name, input }). */
export function propertyLoops(object: JsonNode): JsonNode[] | undefined {
  const copy = childValue(object, 'copy');
  if (!copy || copy.type !== 'array') return undefined;
  const loops = arrayItems(copy);
  if (loops.length === 0 || !loops.every((loop) => loop.type === 'object' && childValue(loop, 'name') && childValue(loop, 'input'))) return undefined;
  return loops;
}

/** Expands one property loop into its array value. */
export function expandLoop(loop: JsonNode, scope: ExpressionScope, depth = 0): { name: Value; value: Value } {
  const name = evaluateJson(childValue(loop, 'name'), scope, depth + 1) ?? null;
  const count = evaluateJson(childValue(loop, 'count'), scope, depth + 1) ?? null;
  const input = childValue(loop, 'input');
  if (isUnknown(count)) return { name, value: new Unknown(count.reason) };
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > maxCopyCount || !input) {
    return { name, value: new Unknown('the copy loop count is not a usable number') };
  }
  const loopName = typeof name === 'string' ? name : undefined;
  const items: Value[] = [];
  for (let i = 0; i < count; i++) items.push(evaluateJson(input, withCopyIndex(scope, loopName, i), depth + 1) ?? null);
  return { name, value: items };
}

export function evaluateJson(node: JsonNode | undefined, scope: ExpressionScope, depth = 0): Value | undefined {
  if (!node) return undefined;
  if (depth > maxDepth) return new Unknown('the template is nested too deeply to evaluate');
  switch (node.type) {
    case 'string':
      return evaluateTemplateString(node.value as string, scope);
    case 'number':
    case 'boolean':
      return node.value as number | boolean;
    case 'null':
      return null;
    case 'array':
      return arrayItems(node).map((item) => evaluateJson(item, scope, depth + 1) ?? null);
    case 'object': {
      const out: ValueObject = {};
      const loops = propertyLoops(node);
      for (const [key, value] of objectEntries(node)) {
        if (loops && key.toLowerCase() === 'copy') continue;
        out[key] = evaluateJson(value, scope, depth + 1) ?? null;
      }
      for (const loop of loops ?? []) {
        const { name, value } = expandLoop(loop, scope, depth);
        if (typeof name === 'string') out[name] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}
