// One lint result per open document version, shared by diagnostics, hovers and quick fixes, so
// a hover right after typing does not lint the template a second time.
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { lintTemplateDocument, type DocumentLint } from '../lint/lintDocument';
import { realClock } from '../shared/clock';
import { readLintSettings } from './lintSettings';

/** Languages whose documents may hold ARM templates (only recognised templates are linted). */
export const templateLanguages = ['json', 'jsonc', 'arm-template'];

export const templateSelector: vscode.DocumentSelector = templateLanguages.map((language) => ({ language }));

/** Reads a sibling parameter file from an open editor, else from disk. */
function readSibling(fsPath: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === fsPath);
  if (open) return open.getText();
  try {
    return existsSync(fsPath) ? readFileSync(fsPath, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export class TemplateLintCache {
  private readonly entries = new Map<string, { version: number; result: DocumentLint }>();

  lint(document: vscode.TextDocument): DocumentLint | undefined {
    if (!templateLanguages.includes(document.languageId)) return undefined;
    const settings = readLintSettings(document.uri);
    if (!settings.enabled) return undefined;
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.result;
    const path = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
    const result = lintTemplateDocument(document.getText(), path, document.uri.scheme === 'file' ? readSibling : () => undefined, {
      languageId: document.languageId,
      severity: settings.severity,
      imageTable: settings.imageTable,
      clock: realClock,
    });
    this.entries.set(key, { version: document.version, result });
    return result;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }
}
