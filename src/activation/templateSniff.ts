// Loads the linter once a document might be a deployment template (issue 18).
import * as vscode from 'vscode';
import { mightBeTemplate } from './mightBeTemplate';

/**
 * Calls `found` once, as soon as an open document (now or later, or one edited into a template)
 * might be a deployment template; stops watching then.
 */
export function whenTemplateOpens(found: () => void): vscode.Disposable {
  const subscriptions: vscode.Disposable[] = [];
  let done = false;
  const stop = () => {
    done = true;
    for (const s of subscriptions.splice(0)) s.dispose();
  };
  const check = (document: vscode.TextDocument) => {
    if (done || !mightBeTemplate(document)) return;
    stop();
    found();
  };
  for (const document of vscode.workspace.textDocuments) check(document);
  if (!done) {
    subscriptions.push(
      vscode.workspace.onDidOpenTextDocument(check),
      vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    );
  }
  return { dispose: stop };
}
