// Input problems of one file (unreadable, syntax error, not a template, …) in the shapes the CLI
// prints: a line of the JSON array (rule `input`, so a pipeline sees it next to the findings) and
// a SARIF tool-execution notification. A problem is never only a line on stderr.
import type { InputProblem } from '../inputProblems';
import type { FileFinding } from './fileFinding';

export interface FileProblem {
  readonly file: string;
  readonly problem: InputProblem;
}

export const inputRule = 'input';
export const inputCode = 'vmss-lint-input';

export function problemSeverity(problem: InputProblem): FileFinding['severity'] {
  return problem.kind === 'parameter-file' ? 'information' : 'error';
}

export function toProblemFinding({ file, problem }: FileProblem): FileFinding {
  return {
    file,
    rule: inputRule,
    code: inputCode,
    severity: problemSeverity(problem),
    message: problem.message,
    resource: '',
    line: (problem.start?.line ?? 0) + 1,
    column: (problem.start?.character ?? 0) + 1,
  };
}
