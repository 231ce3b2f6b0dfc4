// Quick fixes for readiness diagnostics. The edits were computed by the linter from positions
// (src/lint/quickFixEdits.ts); this provider only wraps them in WorkspaceEdits.
import * as vscode from 'vscode';
import { findingForDiagnostic } from './findingDiagnostics';
import type { TemplateLintCache } from './templateLintCache';

export class ReadinessCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: TemplateLintCache) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.cache.lint(document);
    if (!result?.isTemplate) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = findingForDiagnostic(diagnostic, result.findings);
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
}
