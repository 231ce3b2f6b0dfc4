// `vmss-upgrades lint x.bicep`: the Bicep linter (loaded on the first Bicep file). A file the
// grammar rejects is reported with its position and counts as unreadable (exit 2), as Bicep
// itself would not compile it.
import { existsSync, readFileSync } from 'node:fs';
import { loadBicepLinting } from '../../bicep/loadBicepLinting';
import type { LintFinding } from '../../lint/lintTemplate';
import type { LintOptions } from '../../lint/lintTemplate';
import type { InputProblem } from '../../lint/inputProblems';

export type BicepFileLint = { readonly findings: readonly LintFinding[] } | { readonly problem: InputProblem };

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export async function lintBicepFile(file: string, text: string, options: LintOptions): Promise<BicepFileLint> {
  const result = await loadBicepLinting().lintBicepText(text, { ...options, path: file, readFile: readIfExists });
  if (result.syntaxErrors.length > 0) {
    const first = result.syntaxErrors[0];
    const more = result.syntaxErrors.length > 1 ? ` (and ${result.syntaxErrors.length - 1} more)` : '';
    const start = { line: first.line, character: first.character };
    return { problem: { kind: 'syntax-error', message: `Bicep syntax error at line ${first.line + 1}, column ${first.character + 1}: ${first.message}${more}. Bicep does not compile a file that does not parse.`, start, end: start } };
  }
  return { findings: result.findings };
}
