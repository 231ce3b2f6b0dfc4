// R11: which credentials an extension's settings depend on. Read from the expressions' syntax
// (following variables and parameter defaults into their declarations, through concat() and
// property access), so a credential counts even where its value is unknown: listKeys()/list*()
// results, SAS-token, storage-key and client-secret parameters or object properties, settings
// keys that name such a credential, SAS URLs written out (with their `se=` expiry), and secure
// parameters placed in `settings` instead of `protectedSettings` (issue 14 hole 3).
import type { CredentialUse, Origin } from '../readiness/model';
import type { ExpressionNode } from './expression/ast';
import { parseCached } from './expression/evaluator';
import { classifyTemplateString } from './expression/parser';
import { ExpressionSyntaxError } from './expression/tokenizer';
import { credentialKindOfName, sasExpiry, sasInText } from './credentialNames';
import { childValue, type JsonNode } from './jsonNodes';
import { anchorRange } from './templateCursor';
import type { TemplateScope } from './templateScope';

const listFunction = /^list/i;

interface Walk {
  readonly declarations: TemplateScope;
  readonly inSettings: boolean;
  readonly origin: Origin;
  readonly seenVariables: Set<string>;
  readonly seenParameters: Set<string>;
  /** The declaration being read, when not the settings themselves (`parameters('x')` default). */
  readonly via?: string;
  readonly uses: CredentialUse[];
}

function isSecureParameter(declarations: TemplateScope, name: string): boolean {
  const type = childValue(declarations.parameterDeclaration(name), 'type');
  return type?.type === 'string' && /^secure(string|object)$/i.test(String(type.value));
}

function visitParameter(name: string, walk: Walk): void {
  const kind = credentialKindOfName(name);
  if (kind) walk.uses.push({ kind, detail: `parameters('${name}')`, origin: walk.origin });
  else if (walk.inSettings && isSecureParameter(walk.declarations, name)) {
    walk.uses.push({ kind: 'secret-in-settings', detail: `parameters('${name}')`, origin: walk.origin });
  }
  // A default value may itself hold a SAS URL, or an object with credential properties.
  if (!walk.seenParameters.has(name.toLowerCase())) {
    walk.seenParameters.add(name.toLowerCase());
    const defaultValue = childValue(walk.declarations.parameterDeclaration(name), 'defaultValue');
    if (defaultValue && mayHoldCredential(defaultValue)) visitJson(defaultValue, { ...walk, via: `the default of parameters('${name}')` }, false);
  }
}

/** Plain string defaults without a SAS signature are skipped (most defaults are: a name, a size). */
function mayHoldCredential(node: JsonNode): boolean {
  if (node.type !== 'string') return node.type === 'object' || node.type === 'array';
  const text = String(node.value);
  return text.startsWith('[') || sasInText.test(text);
}

/** `parameters('config').storage.sasToken`, `variables('cfg')['clientSecret']`: the path as written. */
function accessPath(node: ExpressionNode): string | undefined {
  if (node.kind === 'property') {
    const target = accessPath(node.target);
    return target === undefined ? undefined : `${target}.${node.name}`;
  }
  if (node.kind === 'index' && node.index.kind === 'string') {
    const target = accessPath(node.target);
    return target === undefined ? undefined : `${target}['${node.index.value}']`;
  }
  if (node.kind === 'call' && /^(parameters|variables)$/i.test(node.name) && node.args[0]?.kind === 'string') return `${node.name}('${node.args[0].value}')`;
  return undefined;
}

function visitMember(node: ExpressionNode & { kind: 'property' | 'index' }, walk: Walk): void {
  const member = node.kind === 'property' ? node.name : node.index.kind === 'string' ? node.index.value : undefined;
  const kind = member === undefined ? undefined : credentialKindOfName(member);
  if (kind) walk.uses.push({ kind, detail: accessPath(node) ?? member!, origin: walk.origin });
}

function visitLiteral(text: string, walk: Walk, origin: Origin): void {
  if (!sasInText.test(text)) return;
  walk.uses.push({ kind: 'sas-token', detail: walk.via ? `a SAS URL in ${walk.via}` : 'a SAS URL', origin, ...(sasExpiry(text) ? { expiresAt: sasExpiry(text) } : {}) });
}

function visitExpression(node: ExpressionNode, walk: Walk): void {
  switch (node.kind) {
    case 'property':
      visitMember(node, walk);
      visitExpression(node.target, walk);
      return;
    case 'index':
      visitMember(node, walk);
      visitExpression(node.target, walk);
      visitExpression(node.index, walk);
      return;
    case 'string':
      visitLiteral(node.value, walk, walk.origin);
      return;
    case 'call': {
      const [first] = node.args;
      const name = first?.kind === 'string' ? first.value : undefined;
      const lower = node.name.toLowerCase();
      if (listFunction.test(lower)) walk.uses.push({ kind: 'list-function', detail: `${node.name}()`, origin: walk.origin });
      else if (lower === 'parameters' && name) visitParameter(name, walk);
      else if (lower === 'variables' && name && !walk.seenVariables.has(name.toLowerCase())) {
        walk.seenVariables.add(name.toLowerCase());
        visitJson(walk.declarations.variableDeclaration(name), walk, false);
      }
      for (const arg of node.args) visitExpression(arg, walk);
      return;
    }
    default:
      return;
  }
}

function visitJson(node: JsonNode | undefined, walk: Walk, updateOrigin = true): void {
  if (!node) return;
  const here: Walk = updateOrigin ? { ...walk, origin: { description: walk.origin.description, range: anchorRange(node) } } : walk;
  if (node.type === 'string') {
    const text = String(node.value);
    const classified = classifyTemplateString(text);
    if (classified.kind === 'literal') {
      visitLiteral(text, walk, here.origin);
      return;
    }
    const parsed = parseCached(classified.body);
    if (!(parsed instanceof ExpressionSyntaxError)) visitExpression(parsed, here);
    return;
  }
  for (const child of node.children ?? []) {
    const before = walk.uses.length;
    visitJson(child.type === 'property' ? child.children?.[1] : child, here, updateOrigin);
    // The key counts only when its value did not already name a credential (listKeys(), a SAS parameter…).
    if (child.type === 'property') visitSettingsKey(child, here, walk.uses.slice(before));
  }
}

/** A settings key that names a credential (`"clientSecret": "[parameters('x')]"`), holding a value. */
function visitSettingsKey(property: JsonNode, walk: Walk, fromValue: readonly CredentialUse[]): void {
  const [key, value] = property.children ?? [];
  if (!key || !value || value.type === 'object' || value.type === 'array' || value.type === 'null' || value.value === '') return;
  const kind = credentialKindOfName(String(key.value));
  if (kind && fromValue.length === 0) walk.uses.push({ kind, detail: `settings key '${String(key.value)}'`, origin: { description: walk.origin.description, range: anchorRange(value) } });
}

/** Credentials used in an extension's `settings` and `protectedSettings` (or in one expression that computes the extension). */
export function credentialUses(extensionProperties: JsonNode | undefined, declarations: TemplateScope, description: string): CredentialUse[] {
  const uses: CredentialUse[] = [];
  const seenVariables = new Set<string>();
  const seenParameters = new Set<string>();
  const base = (inSettings: boolean, node: JsonNode): Walk => ({
    declarations,
    inSettings,
    origin: { description, range: anchorRange(node) },
    seenVariables,
    seenParameters,
    uses,
  });
  if (!extensionProperties) return uses;
  if (extensionProperties.type !== 'object') {
    visitJson(extensionProperties, base(false, extensionProperties));
    return uses;
  }
  const settings = childValue(extensionProperties, 'settings');
  const protectedSettings = childValue(extensionProperties, 'protectedSettings');
  if (settings) visitJson(settings, base(true, settings));
  if (protectedSettings) visitJson(protectedSettings, base(false, protectedSettings));
  return uses;
}
