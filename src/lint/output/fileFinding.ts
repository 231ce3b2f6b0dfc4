// The flat finding the CLI prints (JSON format): one line per finding, 1-based line/column.
import type { LintFinding } from '../lintTemplate';

export interface FileFinding {
  readonly file: string;
  readonly rule: string;
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly resource: string;
  readonly line: number;
  readonly column: number;
}

export function toFileFinding(file: string, finding: LintFinding): FileFinding {
  return {
    file,
    rule: finding.rule,
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    resource: finding.resource,
    line: finding.start.line + 1,
    column: finding.start.character + 1,
  };
}
