// The evaluation scope of one template: its parameters (supplied values, else defaults, else
// Unknown listing allowedValues) and variables (evaluated lazily, once, with cycle protection).
// Nested deployments with inner scope get a scope of their own whose supplied values are the
// deployment's parameters evaluated in the outer scope.
import { Unknown, maxAlternatives, openParameterReason, type Value } from '../readiness/value';
import type { ExpressionScope } from './expression/scope';
import { evaluateJson, expandLoop } from './evaluateJson';
import { arrayItems, childValue, objectEntries, type JsonNode } from './jsonNodes';

export class TemplateScope implements ExpressionScope {
  private readonly parameterCache = new Map<string, Value>();
  private readonly variableCache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  private readonly parameterNodes = new Map<string, JsonNode>();
  private readonly variableNodes = new Map<string, JsonNode>();
  private readonly variableLoops = new Map<string, JsonNode>();

  /**
   * @param template the template object node
   * @param supplied parameter values from a parameter file or an enclosing deployment (keys lower-case)
   */
  constructor(
    readonly template: JsonNode,
    private readonly supplied: ReadonlyMap<string, Value> = new Map(),
  ) {
    for (const [name, node] of objectEntries(childValue(template, 'parameters'))) this.parameterNodes.set(name.toLowerCase(), node);
    for (const [name, node] of objectEntries(childValue(template, 'variables'))) {
      if (name.toLowerCase() === 'copy' && node.type === 'array') {
        for (const loop of arrayItems(node)) {
          const loopName = childValue(loop, 'name');
          if (loopName?.type === 'string') this.variableLoops.set(String(loopName.value).toLowerCase(), loop);
        }
      } else {
        this.variableNodes.set(name.toLowerCase(), node);
      }
    }
  }

  parameterDeclaration(name: string): JsonNode | undefined {
    return this.parameterNodes.get(name.toLowerCase());
  }

  variableDeclaration(name: string): JsonNode | undefined {
    return this.variableNodes.get(name.toLowerCase()) ?? this.variableLoops.get(name.toLowerCase());
  }

  parameter(name: string): Value {
    const key = name.toLowerCase();
    const cached = this.parameterCache.get(key);
    if (cached !== undefined) return cached;
    const value = this.guarded(`p:${key}`, () => this.resolveParameter(name, key));
    this.parameterCache.set(key, value);
    return value;
  }

  variable(name: string): Value {
    const key = name.toLowerCase();
    const cached = this.variableCache.get(key);
    if (cached !== undefined) return cached;
    const value = this.guarded(`v:${key}`, () => this.resolveVariable(name, key));
    this.variableCache.set(key, value);
    return value;
  }

  copyIndex(): undefined {
    return undefined;
  }

  private guarded(key: string, resolve: () => Value): Value {
    if (this.inProgress.has(key)) return new Unknown(`'${key.slice(2)}' refers to itself`);
    this.inProgress.add(key);
    try {
      return resolve();
    } finally {
      this.inProgress.delete(key);
    }
  }

  private resolveParameter(name: string, key: string): Value {
    if (this.supplied.has(key)) return this.supplied.get(key)!;
    const declaration = this.parameterNodes.get(key);
    if (!declaration) return new Unknown(`parameter '${name}' is not declared`);
    const defaultValue = childValue(declaration, 'defaultValue');
    if (defaultValue) return evaluateJson(defaultValue, this) ?? null;
    const allowed = childValue(declaration, 'allowedValues');
    const reason = openParameterReason(name);
    if (allowed?.type === 'array' && allowed.children && allowed.children.length > 0 && allowed.children.length <= maxAlternatives) {
      return new Unknown(reason, allowed.children.map((item) => evaluateJson(item, this) ?? null));
    }
    const type = childValue(declaration, 'type');
    if (type?.type === 'string' && String(type.value).toLowerCase() === 'bool') return new Unknown(reason, [true, false]);
    return new Unknown(reason);
  }

  private resolveVariable(name: string, key: string): Value {
    const node = this.variableNodes.get(key);
    if (node) return evaluateJson(node, this) ?? null;
    const loop = this.variableLoops.get(key);
    if (loop) return expandLoop(loop, this).value;
    return new Unknown(`variable '${name}' is not declared`);
  }
}
