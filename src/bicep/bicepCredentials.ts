// R11 on Bicep: which credentials an extension's settings depend on, read from the syntax (as
// src/lint/credentialUses.ts does for ARM expressions): list*() calls (`listKeys(…)`,
// `storage.listKeys()`), SAS-token and storage-key parameters, SAS URLs written out, and
// @secure() parameters placed in `settings` rather than `protectedSettings`; variables are followed.
import type { CredentialUse, Origin } from '../readiness/model';
import type { SyntaxNode } from './bicepParser';
import { valueExpression, type BicepFile } from './bicepFile';
import { bicepAnchorRange } from './bicepCursor';
import { findProperty, literalString, namedChildren, propertyValue } from './syntax';

const sasName = /sas/i;
const storageKeyName = /(storage|account).*key|key.*(storage|account)|^storagekey/i;
const sasInText = /[?&]sig=[^&]+/i;

interface Walk {
  readonly file: BicepFile;
  readonly inSettings: boolean;
  readonly origin: Origin;
  readonly seen: Set<string>;
  readonly uses: CredentialUse[];
}

function visit(node: SyntaxNode, walk: Walk): void {
  if (node.type === 'string') {
    const text = literalString(node);
    if (text !== undefined && sasInText.test(text)) walk.uses.push({ kind: 'sas-token', detail: 'a SAS URL', origin: walk.origin });
  } else if (node.type === 'identifier') {
    const name = node.text;
    const key = name.toLowerCase();
    if (walk.file.parameters.has(key)) {
      if (sasName.test(name)) walk.uses.push({ kind: 'sas-token', detail: `parameter '${name}'`, origin: walk.origin });
      else if (storageKeyName.test(name)) walk.uses.push({ kind: 'storage-key', detail: `parameter '${name}'`, origin: walk.origin });
      else if (walk.inSettings && walk.file.isSecureParameter(name)) walk.uses.push({ kind: 'secret-in-settings', detail: `parameter '${name}'`, origin: walk.origin });
    } else if (walk.file.variables.has(key) && !walk.seen.has(key)) {
      walk.seen.add(key);
      const expression = valueExpression(walk.file.variables.get(key)!.node);
      if (expression) visit(expression, walk);
    }
    return;
  } else if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.text;
    if (name && /^list/i.test(name)) walk.uses.push({ kind: 'list-function', detail: `${name}()`, origin: walk.origin });
  }
  for (const child of namedChildren(node)) visit(child, walk);
}

/** Credentials used in an extension's `settings` and `protectedSettings` (properties written as an object), or in one expression. */
export function bicepCredentialUses(properties: SyntaxNode | undefined, file: BicepFile, description: string): CredentialUse[] {
  const uses: CredentialUse[] = [];
  if (!properties) return uses;
  const seen = new Set<string>();
  const walkFrom = (node: SyntaxNode, inSettings: boolean, key?: SyntaxNode): void =>
    visit(node, { file, inSettings, origin: { description, range: bicepAnchorRange(node, key) }, seen, uses });
  if (properties.type !== 'object') {
    walkFrom(properties, false);
    return uses;
  }
  const settings = findProperty(properties, 'settings');
  const protectedSettings = findProperty(properties, 'protectedSettings');
  const settingsValue = settings ? propertyValue(settings) : undefined;
  const protectedValue = protectedSettings ? propertyValue(protectedSettings) : undefined;
  if (settingsValue) walkFrom(settingsValue, true, settings?.namedChildren[0] ?? undefined);
  if (protectedValue) walkFrom(protectedValue, false, protectedSettings?.namedChildren[0] ?? undefined);
  return uses;
}
