// Lints a template that lives at a path: the sibling `<name>.parameters.json`, when the reader
// finds one, supplies parameter values (the CLI reads the disk; the extension reads open
// documents and the workspace file system).
import { lintTemplateText, type LintOptions, type LintResult } from './lintTemplate';
import { readParameterFile, siblingParameterFileName } from './parameterFile';

/** Returns a file's text, or undefined when there is no such file. */
export type FileReader = (path: string) => string | undefined;

export interface DocumentLint extends LintResult {
  /** The parameter file whose values were used, if any. */
  readonly parameterFile?: string;
}

export function lintTemplateDocument(text: string, path: string, readFile: FileReader, options: LintOptions = {}): DocumentLint {
  const parameterPath = options.parameterValues ? undefined : siblingParameterFileName(path);
  const parameterText = parameterPath ? readFile(parameterPath) : undefined;
  if (parameterPath && parameterText !== undefined) {
    return { ...lintTemplateText(text, { ...options, parameterValues: readParameterFile(parameterText) }), parameterFile: parameterPath };
  }
  return lintTemplateText(text, options);
}
