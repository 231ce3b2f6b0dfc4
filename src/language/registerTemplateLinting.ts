// The VS Code front of the template linter, registered from one place: diagnostics as you type,
// readiness hovers and quick fixes for json/jsonc/arm-template documents (only documents
// recognised as deployment templates get any of them).
import * as vscode from 'vscode';
import { ReadinessCodeActionProvider } from './readinessCodeActions';
import { ReadinessHoverProvider } from './readinessHoverProvider';
import { TemplateDiagnostics } from './templateDiagnostics';
import { TemplateLintCache, templateSelector } from './templateLintCache';

export function registerTemplateLinting(context: vscode.ExtensionContext): void {
  const cache = new TemplateLintCache();
  context.subscriptions.push(
    new TemplateDiagnostics(cache),
    vscode.languages.registerHoverProvider(templateSelector, new ReadinessHoverProvider(cache)),
    vscode.languages.registerCodeActionsProvider(templateSelector, new ReadinessCodeActionProvider(cache), ReadinessCodeActionProvider.metadata),
  );
}
