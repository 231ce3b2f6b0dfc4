// Evaluates a Bicep expression (a tree-sitter-bicep node) to the same Value the ARM path uses
// (src/readiness/value.ts): literals, interpolated strings, objects, arrays, member and index
// access, ternaries, operators, function calls (the ARM function table: Bicep's functions are
// ARM's) and `for` expressions. Anything known only at deployment stays an Unknown with a reason —
// an unknown ternary condition gives both branches as alternatives, never a guess.
import { accessMember, applyFunction } from '../lint/expression/evaluator';
import { EvaluationError } from '../lint/expression/functions';
import { maxCopyCount } from '../lint/evaluateJson';
import { Unknown, fromAlternatives, isUnknown, type Value, type ValueObject } from '../readiness/value';
import type { SyntaxNode } from './bicepParser';
import { literalString, multiLine, namedChildren, propertyKey, propertyValue, unescape } from './syntax';

/** What an expression can name: parameters, variables, resources and modules of its file. */
export interface BicepScope {
  /** The value of a top-level symbol, or undefined when the file declares no such name. */
  symbol(name: string): Value | undefined;
}

/** Loop variables bound around an expression (`for (item, i) in …`). */
export type Locals = ReadonlyMap<string, Value>;

const maxDepth = 150;

const binaryFunctions: Record<string, string> = {
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
};

function toBoolean(value: Value, what: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new EvaluationError(`${what} needs a boolean`);
}

/** `cond ? a : b` and `if (cond)` alike: the chosen branch, or both when the condition is unknown. */
export function choose(condition: Value, whenTrue: () => Value, whenFalse: () => Value): Value {
  if (isUnknown(condition)) {
    if (condition.alternatives?.every((alt) => typeof alt === 'boolean')) {
      return fromAlternatives(condition.reason, condition.alternatives.map((alt) => (alt ? whenTrue() : whenFalse()))) ?? null;
    }
    return fromAlternatives(condition.reason, [whenTrue(), whenFalse()]) ?? null;
  }
  return toBoolean(condition, 'a condition') ? whenTrue() : whenFalse();
}

export class BicepEvaluator {
  constructor(private readonly scope: BicepScope) {}

  /** Never throws for file content: errors become Unknown with a reason. */
  evaluate(node: SyntaxNode | undefined, locals: Locals = new Map()): Value {
    if (!node) return null;
    try {
      return this.node(node, locals, 0);
    } catch (err) {
      if (err instanceof EvaluationError) return new Unknown(`the expression cannot be evaluated: ${err.message}`);
      if (err instanceof RangeError) return new Unknown('the expression is too deeply nested to evaluate');
      throw err;
    }
  }

  private node(node: SyntaxNode, locals: Locals, depth: number): Value {
    if (depth > maxDepth) return new Unknown('the expression is nested too deeply to evaluate');
    const next = (child: SyntaxNode | null | undefined): Value => (child ? this.node(child, locals, depth + 1) : null);
    switch (node.type) {
      case 'string':
        return this.string(node, next);
      case 'number':
        return Number(node.text);
      case 'boolean':
        return node.text === 'true';
      case 'null':
        return null;
      case 'parenthesized_expression':
        return next(namedChildren(node)[0]);
      case 'array':
        return namedChildren(node)
          .filter((c) => c.type !== 'decorators')
          .map((item) => next(item));
      case 'object': {
        const out: ValueObject = {};
        for (const property of namedChildren(node)) {
          if (property.type !== 'object_property') continue;
          const key = propertyKey(property);
          const value = propertyValue(property);
          if (!key || !value || value.type === 'resource_declaration') continue;
          out[key.name] = next(value);
        }
        return out;
      }
      case 'identifier':
      case 'compatible_identifier':
        return this.identifier(node.text, locals);
      case 'member_expression': {
        const target = next(node.childForFieldName('object'));
        const name = node.childForFieldName('property')?.text ?? '';
        return accessMember(target, name);
      }
      case 'subscript_expression':
        return accessMember(next(node.childForFieldName('object')), next(node.childForFieldName('index')));
      case 'ternary_expression':
        return choose(
          next(node.childForFieldName('condition')),
          () => next(node.childForFieldName('consequence')),
          () => next(node.childForFieldName('alternative')),
        );
      case 'unary_expression': {
        const operator = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
        const argument = next(node.childForFieldName('argument') ?? namedChildren(node)[0]);
        return operator === '!' ? applyFunction('not', [argument]) : applyFunction('sub', [0, argument]);
      }
      case 'binary_expression':
        return this.binary(node, next);
      case 'call_expression':
        return this.call(node, next);
      case 'for_statement':
        return this.forExpression(node, locals, depth);
      case 'lambda_expression':
        return new Unknown('a lambda is not evaluated by the linter');
      default:
        return new Unknown(`'${node.type}' is not evaluated by the linter`);
    }
  }

  private identifier(name: string, locals: Locals): Value {
    if (locals.has(name)) return locals.get(name)!;
    const value = this.scope.symbol(name);
    if (value !== undefined) return value;
    throw new EvaluationError(`'${name}' is not declared`);
  }

  private string(node: SyntaxNode, next: (child: SyntaxNode) => Value): Value {
    const literal = literalString(node);
    if (literal !== undefined) return literal;
    const parts: Value[] = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'interpolation') parts.push(applyFunction('string', [next(namedChildren(child)[0])]));
      else parts.push(child.type === 'escape_sequence' ? unescape(child.text) : child.text);
    }
    if (multiLine(node) && typeof parts[0] === 'string') parts[0] = parts[0].replace(/^\r?\n/, '');
    return applyFunction('concat', parts);
  }

  private binary(node: SyntaxNode, next: (child: SyntaxNode | null) => Value): Value {
    const operator = node.childForFieldName('operator')?.text ?? '';
    const left = next(node.childForFieldName('left'));
    // Short-circuit as Bicep does: `false && x` is false whatever x is.
    if (operator === '&&' && left === false) return false;
    if (operator === '||' && left === true) return true;
    if (operator === '??' && !isUnknown(left) && left !== null) return left;
    const right = next(node.childForFieldName('right'));
    switch (operator) {
      case '==':
        return applyFunction('equals', [left, right]);
      case '!=':
        return applyFunction('not', [applyFunction('equals', [left, right])]);
      case '=~':
      case '!~': {
        const same = applyFunction('equals', [applyFunction('toLower', [left]), applyFunction('toLower', [right])]);
        return operator === '=~' ? same : applyFunction('not', [same]);
      }
      case '&&':
        return right === false ? false : applyFunction('and', [left, right]);
      case '||':
        return right === true ? true : applyFunction('or', [left, right]);
      case '??':
        return isUnknown(left) ? (fromAlternatives(left.reason, [left, right]) ?? null) : right;
      default: {
        const fn = binaryFunctions[operator];
        if (!fn) throw new EvaluationError(`operator '${operator}' is not evaluated by the linter`);
        return applyFunction(fn, [left, right]);
      }
    }
  }

  private call(node: SyntaxNode, next: (child: SyntaxNode) => Value): Value {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    const values = args ? namedChildren(args).map((a) => next(a)) : [];
    if (!fn) throw new EvaluationError('a call without a function');
    if (fn.type === 'member_expression') {
      const name = fn.childForFieldName('property')?.text ?? '';
      const target = fn.childForFieldName('object');
      // `az.resourceGroup()` / `sys.concat()` are the plain functions; `storage.listKeys()` is read at deployment.
      if (target && (target.text === 'az' || target.text === 'sys')) return applyFunction(name, values);
      return new Unknown(`${fn.text}() is only known at deployment time`);
    }
    if (fn.text === 'range') return range(values);
    return applyFunction(fn.text, values);
  }

  /** `[for x in list: body]`, `[for (x, i) in list: body]`, `[for i in range(0, n): …]`, with an `if` filter. */
  private forExpression(node: SyntaxNode, locals: Locals, depth: number): Value {
    const loop = forLoopParts(node);
    const iterable = this.node(loop.iterable, locals, depth + 1);
    if (isUnknown(iterable)) return new Unknown(iterable.reason);
    if (!Array.isArray(iterable)) {
      if (iterable !== null && typeof iterable === 'object') throw new EvaluationError('a for loop over an object needs items()');
      throw new EvaluationError('a for loop needs an array');
    }
    if (iterable.length > maxCopyCount) return new Unknown('the loop has too many iterations to expand');
    const out: Value[] = [];
    iterable.forEach((item, index) => {
      const bound = loop.bind(locals, item, index);
      if (loop.condition) {
        const keep = this.node(loop.condition, bound, depth + 1);
        if (isUnknown(keep)) {
          out.push(new Unknown(keep.reason));
          return;
        }
        if (keep !== true) return;
      }
      out.push(this.node(loop.body, bound, depth + 1));
    });
    return out;
  }
}

/** Bicep's `range(start, count)` (not in the ARM function table the rest shares). */
function range(args: Value[]): Value {
  const unknown = args.find(isUnknown);
  if (unknown) return new Unknown(unknown.reason);
  const [start, count] = args;
  if (args.length !== 2 || typeof start !== 'number' || typeof count !== 'number' || !Number.isInteger(start) || !Number.isInteger(count) || count < 0) {
    throw new EvaluationError('range() takes two integers');
  }
  if (count > maxCopyCount) return new Unknown('range() has too many items to expand');
  return Array.from({ length: count }, (_, i) => start + i);
}

export interface ForLoopParts {
  readonly iterable: SyntaxNode;
  readonly body: SyntaxNode;
  readonly condition?: SyntaxNode;
  bind(locals: Locals, item: Value, index: number): Locals;
}

/** The parts of a `for` statement: what it iterates, its body, an `if` filter and how it binds names. */
export function forLoopParts(node: SyntaxNode): ForLoopParts {
  const children = namedChildren(node);
  const initializer = node.childForFieldName('initializer');
  const parameters = children.find((c) => c.type === 'for_loop_parameters');
  const bodyField = node.childForFieldName('body') ?? children[children.length - 1];
  // tree-sitter hands out a new wrapper per access: compare nodes by position, not identity.
  const taken = new Set([initializer?.startIndex, parameters?.startIndex, bodyField.startIndex]);
  const iterable = children.find((c) => !taken.has(c.startIndex))!;
  let body = bodyField;
  let condition: SyntaxNode | undefined;
  if (bodyField.type === 'if_statement') {
    condition = namedChildren(bodyField).find((c) => c.type === 'parenthesized_expression');
    body = namedChildren(bodyField).find((c) => c.type === 'object') ?? bodyField;
  }
  const itemName = initializer?.text ?? parameters?.namedChildren.find((c) => c?.type === 'loop_variable')?.text;
  const indexName = parameters?.namedChildren.find((c) => c?.type === 'loop_enumerator')?.text;
  return {
    iterable,
    body,
    condition,
    bind(locals, item, index) {
      const bound = new Map(locals);
      if (itemName) bound.set(itemName, item);
      if (indexName) bound.set(indexName, index);
      return bound;
    },
  };
}
