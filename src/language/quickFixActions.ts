// The quick fixes of our diagnostics as code actions, for ARM templates and Bicep files alike: the
// linters computed each fix's edits from positions (src/lint/quickFixEdits.ts,
// src/bicep/bicepQuickFixes.ts); here they are only wrapped in WorkspaceEdits.
import * as vscode from 'vscode';
import type { LintFinding } from '../lint/lintTemplate';
import { findingForDiagnostic } from './findingDiagnostics';

export const quickFixMetadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

/** One code action per fix of each finding behind `diagnostics`; the only fix of a finding is preferred. */
export function quickFixActions(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[], findings: readonly LintFinding[]): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const finding = findingForDiagnostic(diagnostic, findings);
    if (!finding) continue;
    for (const fix of finding.fixes) {
      const action = new vscode.CodeAction(vscode.l10n.t('{0} ({1})', fix.title, finding.rule), vscode.CodeActionKind.QuickFix);
      const edit = new vscode.WorkspaceEdit();
      for (const change of fix.edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.newText);
      }
      action.edit = edit;
      action.diagnostics = [diagnostic];
      action.isPreferred = finding.fixes.length === 1;
      actions.push(action);
    }
  }
  return actions;
}
