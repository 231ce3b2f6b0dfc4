// Sends one `lint` event per template and session once its readiness diagnostics settle: the rule
// counts only (never the file, its path or its content). It observes VS Code's diagnostics of source
// "vmss-upgrades", so the linter knows nothing of telemetry.
import * as vscode from 'vscode';
import { lintCounts } from './lintCounts';
import type { Telemetry } from './telemetry';

export const lintDiagnosticSource = 'vmss-upgrades';
const settleMs = 2000;

function ruleCode(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return String(code ?? '');
}

export function reportLint(telemetry: Telemetry): vscode.Disposable {
  const reported = new Set<string>();
  const pending = new Map<string, NodeJS.Timeout>();
  const report = (uri: vscode.Uri) => {
    pending.delete(uri.toString());
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === lintDiagnosticSource);
    if (ours.length === 0 || reported.has(uri.toString())) return;
    reported.add(uri.toString());
    telemetry.send('lint', { source: 'editor' }, lintCounts(ours.map(ruleCode)));
  };
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) {
      const key = uri.toString();
      if (reported.has(key)) continue;
      clearTimeout(pending.get(key));
      pending.set(key, setTimeout(() => report(uri), settleMs));
    }
  });
  return {
    dispose() {
      subscription.dispose();
      for (const timer of pending.values()) clearTimeout(timer);
    },
  };
}
