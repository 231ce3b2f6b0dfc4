// Guards the recursive parts of the linter (jsonc-parser's parser among them) against documents
// nested so deeply that walking them would exhaust the call stack: the nesting depth is measured
// first with jsonc-parser's scanner, which does not recurse.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { JsonNode } from './jsonNodes';

/** Real templates nest a few dozen levels; far beyond this a document is not analysed. */
export const maxNestingDepth = 256;

/** Whether the document's brackets and braces nest deeper than `limit` (strings and comments ignored). */
export function nestsDeeperThan(text: string, limit = maxNestingDepth): boolean {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return true;
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

/**
 * Whether a parsed tree nests deeper than `limit`. The linter parses first and checks the tree —
 * one pass over the text instead of two; recursion stops at `limit`, and a document so deep that
 * parsing itself overflows the stack is caught as a RangeError by the caller.
 */
export function treeDeeperThan(root: JsonNode, limit = maxNestingDepth): boolean {
  return deeper(root, root.type === 'object' || root.type === 'array' ? 1 : 0, limit);
}

function deeper(node: JsonNode, depth: number, limit: number): boolean {
  if (depth > limit) return true;
  const children = node.children;
  if (!children) return false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const type = child.type;
    if (type === 'object' || type === 'array') {
      if (deeper(child, depth + 1, limit)) return true;
    } else if (type === 'property' && deeper(child, depth, limit)) {
      return true;
    }
  }
  return false;
}
