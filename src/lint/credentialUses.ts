// R11: which credentials an extension's settings depend on. Read from the expressions' syntax
// (following variables into their declarations), so a credential counts even where its value
// is unknown: listKeys()/list*() results, SAS-token and storage-key parameters, SAS URLs written
// out, and secure parameters placed in `settings` instead of `protectedSettings`.
import type { CredentialUse, Origin } from '../readiness/model';
import type { ExpressionNode } from './expression/ast';
import { parseCached } from './expression/evaluator';
import { classifyTemplateString } from './expression/parser';
import { ExpressionSyntaxError } from './expression/tokenizer';
import { childValue, type JsonNode } from './jsonNodes';
import { anchorRange } from './templateCursor';
import type { TemplateScope } from './templateScope';

const listFunction = /^list/i;
const sasName = /sas/i;
const storageKeyName = /(storage|account).*key|key.*(storage|account)|^storagekey/i;
const sasInText = /[?&]sig=[^&]+/i;

interface Walk {
  readonly declarations: TemplateScope;
  readonly inSettings: boolean;
  readonly origin: Origin;
  readonly seenVariables: Set<string>;
  readonly uses: CredentialUse[];
}

function isSecureParameter(declarations: TemplateScope, name: string): boolean {
  const type = childValue(declarations.parameterDeclaration(name), 'type');
  return type?.type === 'string' && /^secure(string|object)$/i.test(String(type.value));
}

function visitParameter(name: string, walk: Walk): void {
  if (sasName.test(name)) walk.uses.push({ kind: 'sas-token', detail: `parameters('${name}')`, origin: walk.origin });
  else if (storageKeyName.test(name)) walk.uses.push({ kind: 'storage-key', detail: `parameters('${name}')`, origin: walk.origin });
  else if (walk.inSettings && isSecureParameter(walk.declarations, name)) {
    walk.uses.push({ kind: 'secret-in-settings', detail: `parameters('${name}')`, origin: walk.origin });
  }
}

function visitExpression(node: ExpressionNode, walk: Walk): void {
  switch (node.kind) {
    case 'property':
      visitExpression(node.target, walk);
      return;
    case 'index':
      visitExpression(node.target, walk);
      visitExpression(node.index, walk);
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
      if (sasInText.test(text)) walk.uses.push({ kind: 'sas-token', detail: 'a SAS URL', origin: here.origin });
      return;
    }
    const parsed = parseCached(classified.body);
    if (!(parsed instanceof ExpressionSyntaxError)) visitExpression(parsed, here);
    return;
  }
  for (const child of node.children ?? []) visitJson(child.type === 'property' ? child.children?.[1] : child, here, updateOrigin);
}

/** Credentials used in an extension's `settings` and `protectedSettings` (or in one expression that computes the extension). */
export function credentialUses(extensionProperties: JsonNode | undefined, declarations: TemplateScope, description: string): CredentialUse[] {
  const uses: CredentialUse[] = [];
  const seenVariables = new Set<string>();
  const base = (inSettings: boolean, node: JsonNode): Walk => ({
    declarations,
    inSettings,
    origin: { description, range: anchorRange(node) },
    seenVariables,
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
