// Small helpers over tree-sitter-bicep nodes: named children, string keys, decorators, ranges.
import type { SourceRange } from '../readiness/model';
import type { SyntaxNode } from './bicepParser';

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment' && c.type !== 'diagnostic_comment');
}

export function firstNamed(node: SyntaxNode, type: string): SyntaxNode | undefined {
  return namedChildren(node).find((c) => c.type === type);
}

export function rangeOf(node: SyntaxNode): SourceRange {
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

/** The text of a string node without interpolations (undefined when it has any). */
export function literalString(node: SyntaxNode | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let out = '';
  for (const child of namedChildren(node)) {
    if (child.type === 'interpolation') return undefined;
    out += child.type === 'escape_sequence' ? unescape(child.text) : child.text;
  }
  return multiLine(node) ? out.replace(/^\r?\n/, '') : out;
}

export function multiLine(node: SyntaxNode): boolean {
  return node.text.startsWith("'''");
}

/** Bicep escapes: \\ \' \n \r \t \$ \u{…}. */
export function unescape(text: string): string {
  switch (text) {
    case '\\n':
      return '\n';
    case '\\r':
      return '\r';
    case '\\t':
      return '\t';
    default: {
      const unicode = /^\\u\{([0-9a-fA-F]+)\}$/.exec(text);
      if (unicode) return String.fromCodePoint(parseInt(unicode[1], 16));
      return text.slice(1);
    }
  }
}

/** An object property's key: identifier or quoted string. */
export function propertyKey(property: SyntaxNode): { name: string; node: SyntaxNode } | undefined {
  const key = property.namedChildren[0];
  if (!key) return undefined;
  if (key.type === 'identifier' || key.type === 'compatible_identifier') return { name: key.text, node: key };
  const text = literalString(key);
  return text === undefined ? undefined : { name: text, node: key };
}

/** The value expression of an object property (the last named child after the key). */
export function propertyValue(property: SyntaxNode): SyntaxNode | undefined {
  const children = namedChildren(property);
  return children.length >= 2 ? children[children.length - 1] : undefined;
}

/** Properties of an object node: key → property node (first wins, case-insensitively as ARM). */
export function objectProperties(object: SyntaxNode): SyntaxNode[] {
  return namedChildren(object).filter((c) => c.type === 'object_property');
}

export function findProperty(object: SyntaxNode, name: string): SyntaxNode | undefined {
  const lower = name.toLowerCase();
  return objectProperties(object).find((p) => propertyKey(p)?.name.toLowerCase() === lower);
}

/** The decorator calls (`@secure()`, `@allowed([...])`) of a `decorators` node. */
export function decoratorCalls(decorators: SyntaxNode | undefined): SyntaxNode[] {
  if (!decorators || decorators.type !== 'decorators') return [];
  return namedChildren(decorators).flatMap((d) => namedChildren(d).filter((c) => c.type === 'call_expression'));
}

export function decoratorName(call: SyntaxNode): string {
  const fn = call.childForFieldName('function') ?? call.namedChildren[0];
  if (!fn) return '';
  if (fn.type === 'member_expression') return fn.childForFieldName('property')?.text ?? '';
  return fn.text;
}

export function callArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments') ?? firstNamed(call, 'arguments');
  return args ? namedChildren(args) : [];
}
