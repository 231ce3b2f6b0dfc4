// A status bar item while an embedded run is active: where it stands, a bell when a gate waits for
// approval; clicking it opens the run's dashboard.
import * as vscode from 'vscode';
import type { RunRegistry } from '../webview/runRegistry';
import { runStatusText } from './runStatusText';

export function createRunStatusBar(runs: RunRegistry): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('vmssUpgrades.runStatus', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Scale set upgrade runs');
  const update = () => {
    const status = runStatusText(runs.running().map((r) => ({ scaleSetId: r.scaleSetId, name: r.rehearsal ? vscode.l10n.t('{0} (rehearsal)', r.ref.name) : r.ref.name, run: r.view() })));
    // Palette entries for run controls show only while a run is active.
    void vscode.commands.executeCommand('setContext', 'vmssUpgrades.runActive', status !== undefined);
    void vscode.commands.executeCommand('setContext', 'vmssUpgrades.gateOpen', status?.needsAttention === true);
    if (!status) {
      item.hide();
      return;
    }
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.backgroundColor = status.needsAttention ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: status.text.replace(/\$\([\w-~]+\)\s*/g, ''), role: 'button' };
    item.command = { command: 'vmssUpgrades.showDashboard', title: vscode.l10n.t('Show Upgrade Dashboard'), arguments: [status.scaleSetId] };
    item.show();
  };
  const unsubscribe = runs.onDidChange(update);
  return { dispose: () => (unsubscribe(), item.dispose()) };
}
