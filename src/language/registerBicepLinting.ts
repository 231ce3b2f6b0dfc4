// The editor front of the Bicep linter (issue 14): diagnostics as you type, the readiness summary
// on hover over a scale set resource, and quick fixes as Bicep text edits, for language id `bicep`
// (the Bicep extension's, or ours from package.json when it is not installed).
import * as vscode from 'vscode';
import { readinessSummaryMarkdown } from '../lint/hover';
import { BicepLintCache, bicepLanguage, bicepSelector } from './bicepLintCache';
import { toDiagnostic } from './findingDiagnostics';
import { KeyedDebounce } from './keyedDebounce';
import { lintSection } from './lintSettings';
import { quickFixActions, quickFixMetadata } from './quickFixActions';

const debounceMs = 300;

class BicepDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('vmss-upgrades-bicep');
  private readonly debounce = new KeyedDebounce(debounceMs);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly cache: BicepLintCache) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.forget(d);
        this.collection.delete(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(lintSection)) return;
        this.cache.clear();
        for (const document of vscode.workspace.textDocuments) void this.update(document);
      }),
    );
    for (const document of vscode.workspace.textDocuments) void this.update(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== bicepLanguage) return;
    this.debounce.schedule(document.uri.toString(), () => void this.update(document));
  }

  async update(document: vscode.TextDocument): Promise<void> {
    const pending = this.cache.lint(document);
    if (!pending) {
      if (document.languageId === bicepLanguage) this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const result = await pending;
    if (document.isClosed || document.version !== version) return;
    // A file with syntax errors is the Bicep extension's to report; our findings would be stale.
    this.collection.set(document.uri, result.syntaxErrors.length > 0 ? [] : result.findings.map(toDiagnostic));
  }

  dispose(): void {
    this.debounce.dispose();
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function registerBicepLinting(context: vscode.ExtensionContext): void {
  const cache = new BicepLintCache();
  context.subscriptions.push(
    new BicepDiagnostics(cache),
    vscode.languages.registerHoverProvider(bicepSelector, {
      async provideHover(document, position) {
        const result = await cache.lint(document);
        const offset = document.offsetAt(position);
        const scaleSet = result?.scaleSets.find((s) => offset >= s.resourceRange.offset && offset <= s.resourceRange.offset + s.resourceRange.length);
        if (!scaleSet) return undefined;
        return new vscode.Hover(new vscode.MarkdownString(readinessSummaryMarkdown(scaleSet), true));
      },
    }),
    vscode.languages.registerCodeActionsProvider(
      bicepSelector,
      {
        async provideCodeActions(document, _range, actionContext) {
          const result = await cache.lint(document);
          return result ? quickFixActions(document, actionContext.diagnostics, result.findings) : [];
        },
      },
      quickFixMetadata,
    ),
  );
}
