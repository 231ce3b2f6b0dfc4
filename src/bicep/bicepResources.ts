// The resources a Bicep file deploys, flattened: top-level and nested `resource` declarations
// (a nested one's type and name are its parent's plus its own), `parent:` links, `if`
// conditions, `for` loops (judged once, the loop variable standing for every item), `existing`
// references, and local modules (`module m './vmss.bicep'`) with the parameter values passed in.
import type { SourceRange } from '../readiness/model';
import { Unknown, fromAlternatives, isUnknown, type Value } from '../readiness/value';
import type { SyntaxNode } from './bicepParser';
import { BicepFile, bodyOf, propertyOf, splitTypeReference } from './bicepFile';
import { forLoopParts, type Locals } from './evaluateBicep';
import { firstNamed, literalString, namedChildren, rangeOf } from './syntax';

/** Reads a file next to the linted one (a module), or undefined when there is none. */
export type ModuleReader = (path: string) => string | undefined;

export interface BicepResource {
  readonly file: BicepFile;
  readonly symbol: string;
  readonly declaration: SyntaxNode;
  /** Full type, e.g. `Microsoft.Compute/virtualMachineScaleSets/extensions`. */
  readonly type: string;
  readonly apiVersion?: string;
  /** The resource's body object (undefined when it is not written as an object). */
  readonly body?: SyntaxNode;
  /** Loop variables bound to what they stand for. */
  readonly locals: Locals;
  /** The `if` condition (true when there is none). */
  readonly condition: Value;
  readonly existing: boolean;
  readonly parent?: BicepResource;
  readonly name: Value;
  /** Set when the resource comes from a module: where the module is declared in the linted file. */
  readonly viaModule?: { readonly label: string; readonly range: SourceRange };
}

export interface CollectContext {
  readonly parse: (text: string) => SyntaxNode;
  readonly readModule: ModuleReader;
  readonly resolvePath: (from: string | undefined, relative: string) => string | undefined;
}

const maxModuleDepth = 6;

/** A loop variable judged once: one of the items when they are few and known, else unknown. */
function loopBinding(iterable: Value, reason: string): { item: Value; index: Value } {
  if (Array.isArray(iterable) && iterable.length > 0) {
    return {
      item: fromAlternatives(reason, iterable) ?? null,
      index: fromAlternatives(reason, iterable.map((_, i) => i)) ?? null,
    };
  }
  const why = isUnknown(iterable) ? iterable.reason : reason;
  return { item: new Unknown(why), index: new Unknown(why) };
}

/** The object body, condition and loop bindings of a resource or module declaration. */
function unpackBody(file: BicepFile, declaration: SyntaxNode, outer: Locals): { body?: SyntaxNode; condition: Value; locals: Locals } {
  let body = bodyOf(declaration);
  let locals = outer;
  let condition: Value = true;
  if (body?.type === 'for_statement') {
    const loop = forLoopParts(body);
    const iterable = file.evaluator.evaluate(loop.iterable, outer);
    const binding = loopBinding(iterable, 'each copy of the loop');
    locals = new Map([...outer]);
    const bound = loop.bind(outer, binding.item, 0) as Map<string, Value>;
    for (const [k, v] of bound) (locals as Map<string, Value>).set(k, v);
    const parameters = namedChildren(body).find((c) => c.type === 'for_loop_parameters');
    const indexName = parameters?.namedChildren.find((c) => c?.type === 'loop_enumerator')?.text;
    if (indexName) (locals as Map<string, Value>).set(indexName, binding.index);
    if (loop.condition) condition = file.evaluator.evaluate(loop.condition, locals);
    body = loop.body;
  }
  if (body?.type === 'if_statement') {
    const test = namedChildren(body).find((c) => c.type === 'parenthesized_expression');
    condition = file.evaluator.evaluate(test, locals);
    body = namedChildren(body).find((c) => c.type === 'object');
  }
  return { body: body?.type === 'object' ? body : undefined, condition, locals };
}

function isExisting(declaration: SyntaxNode): boolean {
  return declaration.children.some((c) => c?.type === 'existing');
}

function resourceAt(file: BicepFile, declaration: SyntaxNode, outer: Locals, parent: BicepResource | undefined, viaModule: BicepResource['viaModule']): BicepResource {
  const symbol = firstNamed(declaration, 'identifier')?.text ?? 'resource';
  const { type: ownType, apiVersion } = splitTypeReference(literalString(firstNamed(declaration, 'string')) ?? '');
  const { body, condition, locals } = unpackBody(file, declaration, outer);
  const ownName = body ? file.evaluator.evaluate(propertyOf(body, 'name'), locals) : new Unknown(`the name of '${symbol}' is computed`);
  // `parent: vmss` links a child declared at the top level.
  const parentSymbol = body ? propertyOf(body, 'parent') : undefined;
  const parentName = parent?.name ?? (parentSymbol?.type === 'identifier' ? file.evaluator.evaluate(parentSymbol, locals) : undefined);
  const parentOfName = parentName && typeof parentName === 'object' && !Array.isArray(parentName) && !isUnknown(parentName) ? (parentName as { name?: Value }).name : parentName;
  const type = parent && !ownType.includes('.') ? `${parent.type}/${ownType}` : ownType;
  const name = parentOfName !== undefined && parentOfName !== null && typeof ownName === 'string' && typeof parentOfName === 'string' ? `${parentOfName}/${ownName}` : ownName;
  return { file, symbol, declaration, type, apiVersion, body, locals, condition, existing: isExisting(declaration), parent, name, viaModule };
}

export function isDeployed(resource: BicepResource): boolean {
  if (resource.existing) return false;
  for (let r: BicepResource | undefined = resource; r; r = r.parent) if (r.condition === false) return false;
  return true;
}

/** Every resource of a file (and of its local modules), nested ones after their parent. */
export function collectResources(file: BicepFile, context: CollectContext, depth = 0, viaModule?: BicepResource['viaModule'], seen: string[] = []): BicepResource[] {
  const out: BicepResource[] = [];
  const visitResource = (declaration: SyntaxNode, parent: BicepResource | undefined, outer: Locals): void => {
    const resource = resourceAt(file, declaration, outer, parent, viaModule);
    out.push(resource);
    if (!resource.body) return;
    for (const property of namedChildren(resource.body)) {
      const nested = property.type === 'object_property' ? namedChildren(property).find((c) => c.type === 'resource_declaration') : undefined;
      if (nested) visitResource(nested, resource, resource.locals);
    }
  };
  for (const statement of namedChildren(file.root)) {
    if (statement.type === 'resource_declaration') visitResource(statement, undefined, new Map());
    else if (statement.type === 'module_declaration' && depth < maxModuleDepth) out.push(...moduleResources(file, statement, context, depth, viaModule, seen));
  }
  return out;
}

function moduleResources(file: BicepFile, declaration: SyntaxNode, context: CollectContext, depth: number, viaModule: BicepResource['viaModule'], seen: string[]): BicepResource[] {
  const pathNode = firstNamed(declaration, 'string');
  const relative = literalString(pathNode);
  if (!relative || !/\.bicep$/i.test(relative) || /^br[:/]|^ts[:/]/i.test(relative)) return [];
  const target = context.resolvePath(file.path, relative);
  if (!target || seen.includes(target)) return [];
  const text = context.readModule(target);
  if (text === undefined) return [];
  const { body, condition, locals } = unpackBody(file, declaration, new Map());
  if (condition === false) return [];
  const params = body ? propertyOf(body, 'params') : undefined;
  const supplied = new Map<string, Value>();
  const value = params ? file.evaluator.evaluate(params, locals) : {};
  const root = context.parse(text);
  if (isUnknown(value)) {
    // The whole params object is computed at deployment: so is every parameter of the module.
    for (const key of new BicepFile(text, root, target).parameters.keys()) supplied.set(key, new Unknown(value.reason));
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) supplied.set(key.toLowerCase(), v);
  }
  const child = new BicepFile(text, root, target, supplied);
  const symbol = firstNamed(declaration, 'identifier')?.text ?? 'module';
  const here = viaModule ?? { label: `module '${symbol}' (${relative})`, range: rangeOf(pathNode ?? declaration) };
  return collectResources(child, context, depth + 1, here, [...seen, target]);
}
