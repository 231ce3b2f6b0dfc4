// Diagnostics as you type: lint recognised templates on open, on change (debounced), on
// settings changes; clear them when the document closes or stops being a template.
import * as vscode from 'vscode';
import { problemDiagnostic, toDiagnostic } from './findingDiagnostics';
import { KeyedDebounce } from './keyedDebounce';
import { lintSection } from './lintSettings';
import type { TemplateLintCache } from './templateLintCache';

const debounceMs = 300;

export class TemplateDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('vmss-upgrades');
  private readonly debounce = new KeyedDebounce(debounceMs);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly cache: TemplateLintCache) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.schedule(e.document);
        this.refreshTemplateOf(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.debounce.cancel(d.uri.toString());
        this.cache.forget(d);
        this.collection.delete(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(lintSection)) return;
        this.cache.clear();
        for (const document of vscode.workspace.textDocuments) this.update(document);
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  /** A sibling parameter file changed: its template's findings may change too. */
  private refreshTemplateOf(document: vscode.TextDocument): void {
    const match = /^(.*)\.parameters\.(jsonc?)$/i.exec(document.uri.path);
    if (!match) return;
    const templatePath = `${match[1]}.${match[2]}`;
    const template = vscode.workspace.textDocuments.find((d) => d.uri.scheme === document.uri.scheme && d.uri.path === templatePath);
    if (!template) return;
    this.cache.forget(template);
    this.schedule(template);
  }

  private schedule(document: vscode.TextDocument): void {
    this.debounce.schedule(document.uri.toString(), () => this.update(document));
  }

  update(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const result = this.cache.lint(document);
    if (!result || !result.isTemplate) {
      this.collection.delete(document.uri);
      return;
    }
    const problems = result.problems.flatMap((problem) => problemDiagnostic(problem) ?? []);
    this.collection.set(document.uri, [...problems, ...result.findings.map(toDiagnostic)]);
  }

  dispose(): void {
    this.debounce.dispose();
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
