// Quick fixes as Bicep text edits: the same fix intents as the ARM path
// (src/readiness/fixIntents.ts) written in Bicep object syntax — `key: value` lines, no commas,
// single-quoted strings, indented one step deeper than the enclosing object. Missing objects on
// the way are created; nothing is edited through an expression (no fix is offered then).
import type { FixIntent } from '../readiness/fixIntents';
import { applicationHealthExtension, fixPaths, type FixLiteral } from '../lint/fixTargets';
import type { QuickFix, TextEdit } from '../lint/quickFixEdits';
import type { SyntaxNode } from './bicepParser';
import { findProperty, propertyValue } from './syntax';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** The file's indentation step: a tab, or the smallest run of leading spaces. */
function unit(text: string): string {
  if (/\n\t+\S/.test(text)) return '\t';
  const widths = [...text.matchAll(/\n( +)\S/g)].map((m) => m[1].length);
  return ' '.repeat(widths.length > 0 ? Math.min(...widths) : 2);
}

export function bicepLiteral(value: FixLiteral, indent: string, step: string, eol = '\n'): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value !== 'object') return String(value);
  const inner = indent + step;
  if (Array.isArray(value)) return `[${eol}${value.map((v) => `${inner}${bicepLiteral(v, inner, step, eol)}${eol}`).join('')}${indent}]`;
  return `{${eol}${Object.entries(value).map(([k, v]) => `${inner}${/^[A-Za-z_]\w*$/.test(k) ? k : `'${k}'`}: ${bicepLiteral(v, inner, step, eol)}${eol}`).join('')}${indent}}`;
}

/** Edit that sets `keys` (a path below `object`) to `value`; undefined when the path runs through an expression. */
function setPath(text: string, object: SyntaxNode, keys: readonly string[], value: FixLiteral, append = false): TextEdit | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const step = unit(text);
  let node = object;
  for (let i = 0; i < keys.length; i++) {
    const property = findProperty(node, keys[i]);
    const child = property ? propertyValue(property) : undefined;
    if (!property || !child) {
      // Insert the rest of the path as a new property before the object's closing brace.
      const rest = keys.slice(i + 1).reduceRight<FixLiteral>((inner, key) => ({ [key]: inner }), append ? [value] : value);
      const objectIndent = indentAt(text, node.startIndex);
      const close = node.endIndex - 1;
      const propertyIndent = objectIndent + step;
      const line = `${propertyIndent}${keys[i]}: ${bicepLiteral(rest, propertyIndent, step, eol)}${eol}`;
      const closeLineStart = lineStart(text, close);
      if (text.slice(closeLineStart, close).trim() === '') return { offset: closeLineStart, length: 0, newText: line };
      // `{}` or `{ a: 1 }` on one line: break it open.
      return { offset: close, length: 0, newText: `${eol}${line}${objectIndent}` };
    }
    const last = i === keys.length - 1;
    if (last && append) {
      if (child.type !== 'array') return undefined;
      const itemIndent = indentAt(text, property.startIndex) + step;
      const close = child.endIndex - 1;
      const item = `${itemIndent}${bicepLiteral(value, itemIndent, step, eol)}${eol}`;
      const closeLineStart = lineStart(text, close);
      if (text.slice(closeLineStart, close).trim() === '') return { offset: closeLineStart, length: 0, newText: item };
      return { offset: close, length: 0, newText: `${eol}${item}${indentAt(text, property.startIndex)}` };
    }
    if (last) return { offset: child.startIndex, length: child.endIndex - child.startIndex, newText: bicepLiteral(value, indentAt(text, property.startIndex), step, eol) };
    if (child.type !== 'object') return undefined;
    node = child;
  }
  return undefined;
}

/** A Bicep quick fix for one finding, or undefined when the file cannot be edited safely there. */
export function bicepQuickFix(text: string, declaration: SyntaxNode, body: SyntaxNode, intent: FixIntent, renameRange?: { offset: number; length: number }): QuickFix | undefined {
  const one = (edit: TextEdit | undefined): QuickFix | undefined => (edit ? { title: intent.title, edits: [edit] } : undefined);
  switch (intent.kind) {
    case 'set-image-version-latest':
      return one(setPath(text, body, fixPaths.imageVersion, 'latest'));
    case 'disable-windows-automatic-updates':
      return one(setPath(text, body, fixPaths.windowsAutomaticUpdates, false));
    case 'enable-automatic-os-upgrade': {
      const policy = findProperty(body, 'properties');
      const upgrade = policy ? propertyValue(policy) : undefined;
      const existing = upgrade?.type === 'object' ? findProperty(upgrade, 'upgradePolicy') : undefined;
      const upgradeValue = existing ? propertyValue(existing) : undefined;
      const automatic = upgradeValue?.type === 'object' ? findProperty(upgradeValue, 'automaticOSUpgradePolicy') : undefined;
      if (automatic) {
        // Two properties inside one existing object: set both, as two non-overlapping edits.
        const keys = fixPaths.automaticOSUpgradePolicy;
        const a = setPath(text, body, [...keys, 'enableAutomaticOSUpgrade'], true);
        const b = setPath(text, body, [...keys, 'useRollingUpgradePolicy'], true);
        if (!a || !b) return undefined;
        if (a.offset === b.offset && a.length === 0 && b.length === 0) return { title: intent.title, edits: [{ offset: a.offset, length: 0, newText: a.newText + b.newText }] };
        return { title: intent.title, edits: [a, b] };
      }
      return one(setPath(text, body, fixPaths.automaticOSUpgradePolicy, { enableAutomaticOSUpgrade: true, useRollingUpgradePolicy: true }));
    }
    case 'add-application-health-extension': {
      const keys = fixPaths.extensions;
      let node: SyntaxNode | undefined = body;
      for (const key of keys) {
        const property: SyntaxNode | undefined = node?.type === 'object' ? findProperty(node, key) : undefined;
        node = property ? propertyValue(property) : undefined;
        if (!node) break;
      }
      if (node && node.type !== 'array') return undefined;
      return one(setPath(text, body, keys, applicationHealthExtension(intent.os), true));
    }
    case 'raise-api-version': {
      // The apiVersion is the `@…` of the resource type string.
      const typeString = declaration.namedChildren.find((c) => c?.type === 'string');
      const at = typeString ? typeString.text.lastIndexOf('@') : -1;
      if (!typeString || at < 0) return undefined;
      return one({ offset: typeString.startIndex + at + 1, length: typeString.endIndex - 1 - (typeString.startIndex + at + 1), newText: intent.apiVersion });
    }
    case 'rename-rolling-policy-property':
      return renameRange ? { title: intent.title, edits: [{ ...renameRange, newText: intent.to }] } : undefined;
  }
}
