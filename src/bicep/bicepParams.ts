// `.bicepparam` files: `using './main.bicep'` and `param name = <expression>` lines. The grammar
// (tree-sitter-bicep 1.1.0) has no rule for a `param` assignment without a type, so each
// `param name =` is read as `var  name =` — the same length, so every position stays — and the
// expressions are parsed and evaluated by the grammar and the evaluator like any Bicep variable.
import type { Value } from '../readiness/value';
import type { SyntaxNode } from './bicepParser';
import { BicepFile } from './bicepFile';
import { firstNamed, literalString, namedChildren } from './syntax';

export interface BicepParams {
  /** The template the file is for (the `using` path), when it names a local file. */
  readonly using?: string;
  /** Values by lower-case parameter name. */
  readonly values: Map<string, Value>;
}

export function readBicepParams(text: string, parse: (text: string) => SyntaxNode): BicepParams {
  const paramStarts = new Set<number>();
  const asVariables = text.replace(/^([ \t]*)param(\s+[A-Za-z_][\w]*\s*=)/gm, (_all, indent: string, rest: string, offset: number) => {
    paramStarts.add(offset + indent.length);
    return `${indent}var  ${rest}`;
  });
  const root = parse(asVariables);
  const file = new BicepFile(asVariables, root, undefined);
  const values = new Map<string, Value>();
  for (const [key, declaration] of file.variables) {
    if (paramStarts.has(declaration.node.startIndex)) {
      const value = file.symbol(declaration.name);
      if (value !== undefined) values.set(key, value);
    }
  }
  const using = namedChildren(root).find((s) => s.type === 'using_statement');
  return { using: using ? literalString(firstNamed(using, 'string')) : undefined, values };
}
