// The template linter and its VS Code front (diagnostics, hovers, quick fixes, lint telemetry): its own
// bundle (dist/template-linting.js), loaded once a document looks like a deployment template (issue 18).
import type * as vscode from 'vscode';
import { registerBicepLinting } from '../language/registerBicepLinting';
import { registerTemplateLinting } from '../language/registerTemplateLinting';
import { reportLint } from '../telemetry/reportLint';
import type { Telemetry } from '../telemetry/telemetry';

export function activateTemplateLinting(context: vscode.ExtensionContext, telemetry: Telemetry): void {
  context.subscriptions.push(reportLint(telemetry));
  registerTemplateLinting(context);
  registerBicepLinting(context);
}
