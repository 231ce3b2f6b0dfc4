// The Bicep linter: parses with tree-sitter-bicep, finds the scale sets (also inside local
// modules), builds each one's ScaleSetModel, runs the same readiness rules as the ARM path and
// returns findings with positions in the Bicep source and Bicep quick fixes. A finding from a
// module's scale set points at the module declaration, and its message names the module.
import path from 'node:path';
import type { Parser, Tree } from 'web-tree-sitter';
import type { LintFinding, LintOptions, ScaleSetLint } from '../lint/lintTemplate';
import { LineIndex } from '../lint/positions';
import { lintFinding, type QuickFixWriter } from '../lint/lintFinding';
import { evaluateReadiness } from '../readiness/evaluateReadiness';
import type { Value } from '../readiness/value';
import { bicepParser, syntaxErrors, type BicepSyntaxError, type SyntaxNode } from './bicepParser';
import { readBicepParams } from './bicepParams';
import { BicepFile } from './bicepFile';
import { bicepQuickFix } from './bicepQuickFixes';
import { collectResources, type ModuleReader } from './bicepResources';
import { isJudgedBicepScaleSet, scaleSetModelFromBicep } from './modelFromBicep';
import { rangeOf } from './syntax';

export interface BicepLintResult {
  readonly findings: readonly LintFinding[];
  readonly scaleSets: readonly ScaleSetLint[];
  /** Grammar errors; a file with any is not linted (as Bicep would not compile it). */
  readonly syntaxErrors: readonly (BicepSyntaxError & { readonly line: number; readonly character: number })[];
  /** The .bicepparam file whose values were used, if any. */
  readonly parameterFile?: string;
}

export interface BicepLintOptions extends LintOptions {
  /** Where the file is (to find local modules and a sibling .bicepparam); undefined for an unsaved text. */
  readonly path?: string;
  /** Reads modules and parameter files; missing files give undefined. */
  readonly readFile?: ModuleReader;
}

/** A parse function that remembers its trees, so their wasm memory is freed once the lint is done. */
function parseWith(parser: Parser, trees: Tree[]): (text: string) => SyntaxNode {
  return (text) => {
    const tree = parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    trees.push(tree);
    return tree.rootNode;
  };
}

/** `main.bicep` → `main.bicepparam` next to it, when that file says `using './main.bicep'`. */
function siblingParameters(filePath: string | undefined, readFile: ModuleReader, parse: (text: string) => SyntaxNode): { path: string; values: Map<string, Value> } | undefined {
  if (!filePath) return undefined;
  const candidate = filePath.replace(/\.bicep$/i, '.bicepparam');
  if (candidate === filePath) return undefined;
  const text = readFile(candidate);
  if (text === undefined) return undefined;
  const params = readBicepParams(text, parse);
  if (!params.using || path.resolve(path.dirname(candidate), params.using) !== path.resolve(filePath)) return undefined;
  return { path: candidate, values: params.values };
}

export function lintBicepWith(parser: Parser, text: string, options: BicepLintOptions = {}): BicepLintResult {
  const trees: Tree[] = [];
  try {
    return lintParsed(parseWith(parser, trees), text, options);
  } finally {
    for (const tree of trees) tree.delete();
  }
}

function lintParsed(parse: (text: string) => SyntaxNode, text: string, options: BicepLintOptions): BicepLintResult {
  const root = parse(text);
  const lines = new LineIndex(text);
  const errors = syntaxErrors(root).map((e) => ({ ...e, ...lines.positionAt(e.offset) }));
  if (errors.length > 0) return { findings: [], scaleSets: [], syntaxErrors: errors };
  const readFile = options.readFile ?? (() => undefined);
  const parameters = options.parameterValues ? undefined : siblingParameters(options.path, readFile, parse);
  const file = new BicepFile(text, root, options.path, options.parameterValues ?? parameters?.values ?? new Map());
  const resources = collectResources(file, {
    parse,
    readModule: readFile,
    resolvePath: (from, relative) => (from ? path.resolve(path.dirname(from), relative) : undefined),
  });
  const findings: LintFinding[] = [];
  const scaleSets: ScaleSetLint[] = [];
  for (const resource of resources) {
    if (!isJudgedBicepScaleSet(resource) || !resource.body) continue;
    const model = scaleSetModelFromBicep(resource, resources);
    const report = evaluateReadiness(model, options);
    const via = resource.viaModule;
    const resourceRange = via?.range ?? rangeOf(resource.declaration);
    scaleSets.push({ resource: model.label, resourceRange, model, report });
    for (const finding of report.findings) {
      const range = via?.range ?? finding.origin.range ?? model.origin.range ?? resourceRange;
      const body = resource.body;
      const quickFix: QuickFixWriter | undefined = via ? undefined : (intent, renameRange) => bicepQuickFix(text, resource.declaration, body, intent, renameRange);
      findings.push(lintFinding(finding, { range, lines, quickFix, message: via ? `${via.label}: ${finding.message}` : undefined }));
    }
  }
  return { findings, scaleSets, syntaxErrors: [], parameterFile: parameters?.path };
}

/** Lints a Bicep text; the first call loads the grammar (wasm). */
export async function lintBicepText(text: string, options: BicepLintOptions = {}): Promise<BicepLintResult> {
  return lintBicepWith(await bicepParser(), text, options);
}
