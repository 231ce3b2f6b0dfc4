// What a linter reads beside the document (an ARM parameter file, a Bicep module or .bicepparam):
// the text of an open editor when there is one, so unsaved edits count, else the file on disk.
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The text at `fsPath`, from an open editor or from disk; undefined when neither has it. */
export function readSiblingFile(fsPath: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === fsPath);
  if (open) return open.getText();
  try {
    return existsSync(fsPath) ? readFileSync(fsPath, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
