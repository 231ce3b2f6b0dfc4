// A5 + journal: exports a scale set's OS upgrade history — Azure's attempts and this extension's runs,
// newest first — as JSON to a file the user picks.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';
import { refreshDashboard } from './dashboardActions';
import { resolveScaleSet } from './scaleSetTarget';

export const exportHistoryCommand: ExtensionCommand = {
  id: 'vmssUpgrades.exportHistory',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Export OS Upgrade History'));
    if (!target) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the upgrade history of {0}…', target.ref.name) }, () => refreshDashboard(services, target.id));
    const session = services.upgrades.dashboards.session(target.id);
    const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
    const document = {
      scaleSet: target.id,
      exportedAt: new Date().toISOString(),
      entries: session.currentHistory.map((h) => ({ ...h, startedAt: iso(h.startedAt), endedAt: iso(h.endedAt) })),
    };
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export OS Upgrade History'),
      filters: { JSON: ['json'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${target.ref.name}-os-upgrade-history.json`) } : {}),
    });
    if (!file) return;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} history entries to {1}.', document.entries.length, vscode.workspace.asRelativePath(file)));
  },
};
