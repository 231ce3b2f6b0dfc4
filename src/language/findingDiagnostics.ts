// Lint findings as VS Code diagnostics: source "vmss-upgrades", code = the rule code linking to
// its documentation. Each diagnostic remembers its finding so the quick-fix provider can offer
// the finding's ready-made edits.
import * as vscode from 'vscode';
import type { InputProblem } from '../lint/inputProblems';
import type { LintFinding } from '../lint/lintTemplate';
import type { Severity } from '../readiness/ruleCatalog';

export const diagnosticSource = 'vmss-upgrades';

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

const findingOf = new WeakMap<vscode.Diagnostic, LintFinding>();

export function toDiagnostic(finding: LintFinding): vscode.Diagnostic {
  const range = new vscode.Range(finding.start.line, finding.start.character, finding.end.line, finding.end.character);
  const diagnostic = new vscode.Diagnostic(range, finding.message, severities[finding.severity]);
  diagnostic.source = diagnosticSource;
  diagnostic.code = { value: finding.code, target: vscode.Uri.parse(finding.docUrl) };
  findingOf.set(diagnostic, finding);
  return diagnostic;
}

/** A positioned input problem (a JSON syntax error in a template): ARM rejects the file, so say where. */
export function problemDiagnostic(problem: InputProblem): vscode.Diagnostic | undefined {
  if (!problem.start || !problem.end) return undefined;
  const range = new vscode.Range(problem.start.line, problem.start.character, problem.end.line, problem.end.character);
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = diagnosticSource;
  diagnostic.code = 'vmss-lint-input';
  return diagnostic;
}

/** The finding behind one of our diagnostics (diagnostics handed back by VS Code may be copies, so match by content too). */
export function findingForDiagnostic(diagnostic: vscode.Diagnostic, findings: readonly LintFinding[]): LintFinding | undefined {
  const direct = findingOf.get(diagnostic);
  if (direct) return direct;
  if (diagnostic.source !== diagnosticSource) return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return findings.find(
    (f) => f.code === code && f.message === diagnostic.message && f.start.line === diagnostic.range.start.line && f.start.character === diagnostic.range.start.character,
  );
}
