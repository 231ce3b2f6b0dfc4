// Quick fixes for readiness diagnostics in templates. The edits were computed by the linter from
// positions (src/lint/quickFixEdits.ts); quickFixActions.ts only wraps them in WorkspaceEdits.
import type * as vscode from 'vscode';
import { quickFixActions, quickFixMetadata } from './quickFixActions';
import type { TemplateLintCache } from './templateLintCache';

export class ReadinessCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = quickFixMetadata;

  constructor(private readonly cache: TemplateLintCache) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.cache.lint(document);
    if (!result?.isTemplate) return [];
    return quickFixActions(document, context.diagnostics, result.findings);
  }
}
