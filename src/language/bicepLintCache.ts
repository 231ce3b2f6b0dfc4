// One Bicep lint per open document version (diagnostics, hovers and quick fixes share it). The
// Bicep linter is async only on its first use (it loads the grammar's wasm); the bundle itself is
// required on the first Bicep document (src/bicep/loadBicepLinting.ts).
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { BicepLintResult } from '../bicep/bicep-linting';
import { loadBicepLinting } from '../bicep/loadBicepLinting';
import { readLintSettings } from './lintSettings';

export const bicepLanguage = 'bicep';
export const bicepSelector: vscode.DocumentSelector = [{ language: bicepLanguage }];

/** Reads a module or .bicepparam file from an open editor, else from disk. */
function readSibling(fsPath: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === fsPath);
  if (open) return open.getText();
  try {
    return existsSync(fsPath) ? readFileSync(fsPath, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export class BicepLintCache {
  private readonly entries = new Map<string, { version: number; result: Promise<BicepLintResult> }>();

  lint(document: vscode.TextDocument): Promise<BicepLintResult> | undefined {
    if (document.languageId !== bicepLanguage) return undefined;
    const settings = readLintSettings(document.uri);
    if (!settings.enabled) return undefined;
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.result;
    const isFile = document.uri.scheme === 'file';
    const result = loadBicepLinting().lintBicepText(document.getText(), {
      path: isFile ? document.uri.fsPath : undefined,
      readFile: isFile ? readSibling : undefined,
      severity: settings.severity,
      imageTable: settings.imageTable,
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
