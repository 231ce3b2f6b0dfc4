// Guards the recursive parts of the linter (jsonc-parser's parser among them) against documents
// nested so deeply that walking them would exhaust the call stack: the nesting depth is measured
// first with jsonc-parser's scanner, which does not recurse.
import { createScanner, SyntaxKind } from 'jsonc-parser';

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
