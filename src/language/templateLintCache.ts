// One lint result per open document version, shared by diagnostics, hovers and quick fixes, so
// a hover right after typing does not lint the template a second time.
import * as vscode from 'vscode';
import { lintTemplateDocument, type DocumentLint } from '../lint/lintDocument';
import { realClock } from '../shared/clock';
import { DocumentVersionCache } from './documentVersionCache';
import { readLintSettings } from './lintSettings';
import { readSiblingFile } from './readSiblingFile';

/** Languages whose documents may hold ARM templates (only recognised templates are linted). */
export const templateLanguages = ['json', 'jsonc', 'arm-template'];

export const templateSelector: vscode.DocumentSelector = templateLanguages.map((language) => ({ language }));

export class TemplateLintCache extends DocumentVersionCache<DocumentLint> {
  lint(document: vscode.TextDocument): DocumentLint | undefined {
    if (!templateLanguages.includes(document.languageId)) return undefined;
    const settings = readLintSettings(document.uri);
    if (!settings.enabled) return undefined;
    return this.cached(document, () => {
      const path = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
      return lintTemplateDocument(document.getText(), path, document.uri.scheme === 'file' ? readSiblingFile : () => undefined, {
        languageId: document.languageId,
        severity: settings.severity,
        imageTable: settings.imageTable,
        clock: realClock,
      });
    });
  }
}
