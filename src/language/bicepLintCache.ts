// One Bicep lint per open document version (diagnostics, hovers and quick fixes share it). The
// Bicep linter is async only on its first use (it loads the grammar's wasm); the bundle itself is
// required on the first Bicep document (src/bicep/loadBicepLinting.ts).
import * as vscode from 'vscode';
import type { BicepLintResult } from '../bicep/bicep-linting';
import { loadBicepLinting } from '../bicep/loadBicepLinting';
import { DocumentVersionCache } from './documentVersionCache';
import { readLintSettings } from './lintSettings';
import { readSiblingFile } from './readSiblingFile';

export const bicepLanguage = 'bicep';
export const bicepSelector: vscode.DocumentSelector = [{ language: bicepLanguage }];

export class BicepLintCache extends DocumentVersionCache<Promise<BicepLintResult>> {
  lint(document: vscode.TextDocument): Promise<BicepLintResult> | undefined {
    if (document.languageId !== bicepLanguage) return undefined;
    const settings = readLintSettings(document.uri);
    if (!settings.enabled) return undefined;
    return this.cached(document, () => {
      const isFile = document.uri.scheme === 'file';
      return loadBicepLinting().lintBicepText(document.getText(), {
        path: isFile ? document.uri.fsPath : undefined,
        readFile: isFile ? readSiblingFile : undefined,
        severity: settings.severity,
        imageTable: settings.imageTable,
      });
    });
  }
}
