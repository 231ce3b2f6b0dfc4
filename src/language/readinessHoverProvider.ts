// Hover on a scale set resource: its readiness summary (every rule, pass/fail, with the
// resolved values and where they came from); on an upgrade-policy property: meaning, range,
// default. The Markdown comes from src/lint/hover.ts.
import * as vscode from 'vscode';
import { hoverAt } from '../lint/hover';
import type { TemplateLintCache } from './templateLintCache';

export class ReadinessHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: TemplateLintCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.cache.lint(document);
    if (!result?.isTemplate) return undefined;
    const content = hoverAt(result, document.offsetAt(position));
    if (!content) return undefined;
    const markdown = new vscode.MarkdownString(content.markdown, true);
    const range = new vscode.Range(document.positionAt(content.range.offset), document.positionAt(content.range.offset + content.range.length));
    return new vscode.Hover(markdown, range);
  }
}
