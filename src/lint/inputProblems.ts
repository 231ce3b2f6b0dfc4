// Why a document could not be linted (fully): a JSON syntax error (ARM rejects the file, so the
// linter says so at the position instead of passing it), a document that is not a deployment
// template, one nested too deeply to walk. The CLI turns these into exit code 2 and SARIF
// tool-execution notifications; the editor shows a syntax error as a diagnostic.
import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SourceRange } from '../readiness/model';
import { LineIndex, type Position } from './positions';

export type InputProblemKind = 'syntax-error' | 'not-a-template' | 'too-deep' | 'unreadable' | 'parameter-file';

export interface InputProblem {
  readonly kind: InputProblemKind;
  readonly message: string;
  /** Where in the document, when the problem has a position (syntax errors). */
  readonly range?: SourceRange;
  readonly start?: Position;
  readonly end?: Position;
}

/** Readable names for jsonc-parser's error codes ("ValueExpected" → "value expected"). */
function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** One problem per JSON syntax error, positioned as the editor and SARIF expect (zero-based here). */
export function syntaxProblems(text: string, errors: readonly ParseError[], lines: LineIndex = new LineIndex(text)): InputProblem[] {
  return errors.map((error) => {
    const start = lines.positionAt(error.offset);
    return {
      kind: 'syntax-error',
      message: `JSON syntax error at line ${start.line + 1}, column ${start.character + 1}: ${describeParseError(error)}. Azure Resource Manager rejects a template that does not parse.`,
      range: { offset: error.offset, length: error.length },
      start,
      end: lines.positionAt(error.offset + error.length),
    };
  });
}

/** Whether the problem means the file's readiness was not (fully) judged: exit code 2 in the CLI. */
export function blocksLint(problem: InputProblem): boolean {
  return problem.kind !== 'parameter-file';
}
