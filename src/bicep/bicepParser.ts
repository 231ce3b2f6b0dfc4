// Bicep syntax trees from the real grammar: tree-sitter-bicep's prebuilt wasm through
// web-tree-sitter (both MIT, from npm). Loaded on the first Bicep file only — the wasm files sit
// next to the bundle in dist/ (scripts/build.mjs copies them) or in node_modules for plain-Node runs.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type SyntaxNode = Node;
export type SyntaxTree = Tree;

let ready: Promise<Parser> | undefined;

/** A wasm file next to this bundle (dist/) or, for tests on out/, the npm package's copy. */
function locate(file: string, packageSpecifier: string): string {
  const beside = path.join(__dirname, file);
  if (existsSync(beside)) return beside;
  return require.resolve(packageSpecifier);
}

async function createParser(): Promise<Parser> {
  const core = locate('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
  await Parser.init({ locateFile: () => core });
  const language = await Language.load(new Uint8Array(readFileSync(locate('tree-sitter-bicep.wasm', 'tree-sitter-bicep/tree-sitter-bicep.wasm'))));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** The Bicep parser, created once (the first call loads both wasm modules). */
export function bicepParser(): Promise<Parser> {
  ready ??= createParser().catch((err: unknown) => {
    ready = undefined;
    throw err;
  });
  return ready;
}

export interface BicepSyntaxError {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** ERROR and MISSING nodes of a tree, as positions and messages. */
export function syntaxErrors(root: SyntaxNode, limit = 20): BicepSyntaxError[] {
  const errors: BicepSyntaxError[] = [];
  const visit = (node: SyntaxNode): void => {
    if (errors.length >= limit || !node.hasError) return;
    if (node.isMissing) {
      errors.push({ offset: node.startIndex, length: 0, message: `missing '${node.type}'` });
      return;
    }
    if (node.isError) {
      const firstLine = node.text.split(/\r?\n/)[0];
      const text = firstLine.length > 30 ? `${firstLine.slice(0, 29)}…` : firstLine;
      const atEnd = node.endIndex >= root.endIndex - 1 && /\S/.test(node.text.slice(1));
      const why = atEnd ? `the file ends inside '${text}' (an unclosed '{', '[' or '(')` : `unexpected '${text}'`;
      errors.push({ offset: node.startIndex, length: node.endIndex - node.startIndex, message: why });
      return;
    }
    for (const child of node.children) if (child) visit(child);
  };
  if (root.isError || root.isMissing || root.hasError) visit(root);
  return errors;
}
