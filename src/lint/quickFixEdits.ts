// Turns a fix intent (data from the readiness rules) into text edits on the template, with
// jsonc-parser's modify(): property names follow the document's own casing, objects on the way
// are created when missing, and nothing is edited through an expression (no fix is offered then).
import { applyEdits, getNodePath, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { FixIntent } from '../readiness/fixIntents';
import { applicationHealthExtension, fixPaths } from './fixTargets';
import { childProperty, type JsonNode } from './jsonNodes';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** Whether the keys lead through objects only (an expression on the way cannot be edited). */
function isEditablePath(resource: JsonNode, keys: readonly string[]): boolean {
  let node: JsonNode | undefined = resource;
  for (const key of keys) {
    if (node && node.type !== 'object') return false;
    node = node ? childProperty(node, key)?.children?.[1] : undefined;
  }
  return true;
}

/** A JSON path from the resource down, with each existing key spelled as in the document; undefined when the path runs through an expression. */
function documentPath(resource: JsonNode, keys: readonly string[]): JSONPath | undefined {
  const path: JSONPath = getNodePath(resource);
  let node: JsonNode | undefined = resource;
  for (const key of keys) {
    if (node && node.type !== 'object') return undefined;
    const property: JsonNode | undefined = node ? childProperty(node, key) : undefined;
    path.push(property ? String(property.children?.[0]?.value) : key);
    node = property?.children?.[1];
  }
  return path;
}

function formatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

interface Change {
  readonly keys: readonly string[];
  readonly value: unknown;
  readonly append?: boolean;
}

/** Several modifications as one edit against the original text (VS Code applies edits to the original). */
function combined(text: string, changes: readonly Change[], resource: JsonNode): TextEdit[] {
  let current = text;
  const options = formatting(text);
  for (const change of changes) {
    const path = documentPath(resource, change.keys)!;
    const edits = modify(current, change.append ? [...path, -1] : path, change.value, { formattingOptions: options, isArrayInsertion: change.append });
    current = applyEdits(current, edits);
  }
  if (current === text) return [];
  let start = 0;
  while (start < text.length && start < current.length && text[start] === current[start]) start++;
  let endOld = text.length;
  let endNew = current.length;
  while (endOld > start && endNew > start && text[endOld - 1] === current[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return [{ offset: start, length: endOld - start, newText: current.slice(start, endNew) }];
}

/** The JSON changes a fix makes, or undefined when the template cannot be edited safely there. */
function changesFor(resource: JsonNode, intent: FixIntent): Change[] | undefined {
  switch (intent.kind) {
    case 'set-image-version-latest':
      return [{ keys: fixPaths.imageVersion, value: 'latest' }];
    case 'enable-automatic-os-upgrade': {
      const policy = fixPaths.automaticOSUpgradePolicy;
      return [
        { keys: [...policy, 'enableAutomaticOSUpgrade'], value: true },
        { keys: [...policy, 'useRollingUpgradePolicy'], value: true },
      ];
    }
    case 'add-application-health-extension': {
      const keys = fixPaths.extensions;
      let node: JsonNode | undefined = resource;
      for (const key of keys) node = node ? childProperty(node, key)?.children?.[1] : undefined;
      if (node && node.type !== 'array') return undefined;
      return node ? [{ keys, value: applicationHealthExtension(intent.os), append: true }] : [{ keys, value: [applicationHealthExtension(intent.os)] }];
    }
    case 'disable-windows-automatic-updates':
      return [{ keys: fixPaths.windowsAutomaticUpdates, value: false }];
    case 'raise-api-version':
      return [{ keys: ['apiVersion'], value: intent.apiVersion }];
    case 'rename-rolling-policy-property':
      return undefined;
  }
}

/**
 * A quick fix for one finding on one scale set resource, or undefined when the template cannot be
 * edited safely there. The edits are computed when first read (each one re-parses the document),
 * so linting stays cheap and only the fix a user looks at costs anything.
 */
export function quickFixFor(text: string, resource: JsonNode, intent: FixIntent, renameRange?: { offset: number; length: number }): QuickFix | undefined {
  if (intent.kind === 'rename-rolling-policy-property') {
    if (!renameRange) return undefined;
    return { title: intent.title, edits: [{ offset: renameRange.offset, length: renameRange.length, newText: JSON.stringify(intent.to) }] };
  }
  const changes = changesFor(resource, intent);
  if (!changes || changes.some((change) => !isEditablePath(resource, change.keys))) return undefined;
  let edits: readonly TextEdit[] | undefined;
  return {
    title: intent.title,
    get edits() {
      edits ??= combined(text, changes, resource);
      return edits;
    },
  };
}
