// One Bicep file's declarations and its evaluation scope: parameters (supplied values from a
// .bicepparam file or a calling module, else the default, else an Unknown listing @allowed
// values), variables (evaluated lazily, once, with cycle protection), and resource / module
// symbols (name, type, apiVersion and id are computed; properties are read at deployment).
import { Unknown, maxAlternatives, type Value } from '../readiness/value';
import { applyFunction } from '../lint/expression/evaluator';
import type { SyntaxNode } from './bicepParser';
import { BicepEvaluator, type BicepScope } from './evaluateBicep';
import { callArguments, decoratorCalls, decoratorName, firstNamed, literalString, namedChildren } from './syntax';

export interface Declaration {
  readonly name: string;
  readonly node: SyntaxNode;
  /** `@secure()`, `@allowed([…])`, … written just before it. */
  readonly decorators: readonly SyntaxNode[];
}

/** `'Microsoft.Compute/virtualMachineScaleSets@2024-07-01'` → type and apiVersion. */
export function splitTypeReference(text: string): { type: string; apiVersion?: string } {
  const at = text.lastIndexOf('@');
  return at < 0 ? { type: text } : { type: text.slice(0, at), apiVersion: text.slice(at + 1) };
}

export class BicepFile implements BicepScope {
  readonly evaluator = new BicepEvaluator(this);
  readonly parameters = new Map<string, Declaration>();
  readonly variables = new Map<string, Declaration>();
  readonly resources = new Map<string, Declaration>();
  readonly modules = new Map<string, Declaration>();
  private readonly cache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();

  /**
   * @param supplied parameter values from a .bicepparam file or a calling module (keys lower-case)
   */
  constructor(
    readonly text: string,
    readonly root: SyntaxNode,
    readonly path: string | undefined,
    private readonly supplied: ReadonlyMap<string, Value> = new Map(),
  ) {
    // One pass over the statements (tree-sitter's sibling and parent lookups walk from the root).
    let decorators: SyntaxNode | undefined;
    for (const statement of namedChildren(root)) {
      if (statement.type === 'decorators') {
        decorators = statement;
        continue;
      }
      const declared = decoratorCalls(decorators);
      decorators = undefined;
      const name = firstNamed(statement, 'identifier')?.text;
      if (!name) continue;
      const declaration = { name, node: statement, decorators: declared };
      if (statement.type === 'parameter_declaration') this.parameters.set(name.toLowerCase(), declaration);
      else if (statement.type === 'variable_declaration') this.variables.set(name.toLowerCase(), declaration);
      else if (statement.type === 'resource_declaration') this.resources.set(name.toLowerCase(), declaration);
      else if (statement.type === 'module_declaration') this.modules.set(name.toLowerCase(), declaration);
    }
  }

  /** Bicep names are case-sensitive; a file that relies on that is rare, so lookups ignore case as ARM does. */
  symbol(name: string): Value | undefined {
    const key = name.toLowerCase();
    const kind = this.parameters.has(key) ? 'p' : this.variables.has(key) ? 'v' : this.resources.has(key) ? 'r' : this.modules.has(key) ? 'm' : undefined;
    if (!kind) return undefined;
    const cacheKey = `${kind}:${key}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(cacheKey)) return new Unknown(`'${name}' refers to itself`);
    this.inProgress.add(cacheKey);
    try {
      const value = this.resolve(kind, key);
      this.cache.set(cacheKey, value);
      return value;
    } finally {
      this.inProgress.delete(cacheKey);
    }
  }

  isSecureParameter(name: string): boolean {
    const declaration = this.parameters.get(name.toLowerCase());
    return !!declaration && declaration.decorators.some((d) => decoratorName(d) === 'secure');
  }

  private resolve(kind: string, key: string): Value {
    if (kind === 'p') return this.parameter(key);
    if (kind === 'v') return this.evaluator.evaluate(valueExpression(this.variables.get(key)!.node));
    if (kind === 'r') return this.resourceReference(this.resources.get(key)!);
    const module = this.modules.get(key)!;
    return { name: this.evaluator.evaluate(bodyOf(module.node) ? propertyOf(bodyOf(module.node)!, 'name') : undefined), outputs: new Unknown(`the outputs of module '${module.name}' are known after its deployment`) };
  }

  private parameter(key: string): Value {
    const declaration = this.parameters.get(key)!;
    if (this.supplied.has(key)) return this.supplied.get(key)!;
    const defaultValue = valueExpression(declaration.node);
    if (defaultValue) return this.evaluator.evaluate(defaultValue);
    const reason = `parameter '${declaration.name}' has no default value`;
    const allowed = declaration.decorators.find((d) => decoratorName(d) === 'allowed');
    const list = allowed ? callArguments(allowed)[0] : undefined;
    if (list?.type === 'array') {
      const items = namedChildren(list);
      if (items.length > 0 && items.length <= maxAlternatives) return new Unknown(reason, items.map((item) => this.evaluator.evaluate(item)));
    }
    if (firstNamed(declaration.node, 'type')?.text === 'bool') return new Unknown(reason, [true, false]);
    return new Unknown(reason);
  }

  /** What `vmss.name`, `lb.id`, `lb.type` evaluate to; `lb.properties` is only known once deployed. */
  private resourceReference(declaration: Declaration): Value {
    const typeText = literalString(firstNamed(declaration.node, 'string')) ?? '';
    const { type, apiVersion } = splitTypeReference(typeText);
    const written = bodyOf(declaration.node);
    const body = written?.type === 'if_statement' ? namedChildren(written).find((c) => c.type === 'object') : written;
    if (!body || body.type !== 'object') return new Unknown(`resource '${declaration.name}' is declared in a loop; each copy is known at deployment`);
    const name = this.evaluator.evaluate(propertyOf(body, 'name'));
    const reference = { name, type, apiVersion: apiVersion ?? null, properties: new Unknown(`the properties of resource '${declaration.name}' are read at deployment time`) };
    const segments = typeof name === 'string' ? name.split('/') : [name];
    let id: Value;
    try {
      id = applyFunction('resourceId', [type, ...segments]);
    } catch {
      id = new Unknown(`the id of resource '${declaration.name}' is known at deployment`);
    }
    return { ...reference, id };
  }
}

/** The expression after `=` of a param / var declaration (undefined when there is none). */
export function valueExpression(declaration: SyntaxNode): SyntaxNode | undefined {
  const children = namedChildren(declaration);
  const equals = declaration.children.findIndex((c) => c?.type === '=');
  if (equals < 0) return undefined;
  return children.find((c) => c.startIndex >= declaration.children[equals]!.endIndex);
}

/** The body of a resource or module declaration: its object, an `if (…) {…}` or a `[for …]`. */
export function bodyOf(declaration: SyntaxNode): SyntaxNode | undefined {
  return namedChildren(declaration).find((c) => c.type === 'object' || c.type === 'if_statement' || c.type === 'for_statement');
}

export function propertyOf(object: SyntaxNode, name: string): SyntaxNode | undefined {
  if (object.type !== 'object') return undefined;
  const lower = name.toLowerCase();
  for (const property of namedChildren(object)) {
    if (property.type !== 'object_property') continue;
    const key = property.namedChildren[0];
    const keyText = key?.type === 'string' ? literalString(key) : key?.text;
    if (keyText?.toLowerCase() === lower) {
      const children = namedChildren(property);
      return children[children.length - 1];
    }
  }
  return undefined;
}
