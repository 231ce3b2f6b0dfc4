// A5 + journal: exports a scale set's OS upgrade history — Azure's attempts and this extension's runs,
// newest first — as JSON to a file the user picks.
// Arguments: `vmssUpgrades.exportHistory(scaleSet?, file?)` — scaleSet: a tree row or a scale set id
// (else a quick pick); file: a vscode.Uri (or a URI string) to write to without the save dialog
// (scripts, tests). Returns the file written, or undefined when the user backed out.
// The history is the one a dashboard shows (merged by its data loader), so this loads the webview host.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

export const exportHistoryCommand: ExtensionCommand = {
  id: 'vmssUpgrades.exportHistory',
  async run(services, arg?: unknown, targetFile?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Export OS Upgrade History'));
    if (!target) return undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the upgrade history of {0}…', target.ref.name) }, () => services.upgrades.host().refreshDashboard(services, target.id));
    const session = services.upgrades.dashboards.session(target.id);
    const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
    const document = {
      scaleSet: target.id,
      exportedAt: new Date().toISOString(),
      entries: session.currentHistory.map((h) => ({ ...h, startedAt: iso(h.startedAt), endedAt: iso(h.endedAt) })),
    };
    const file = fileArgument(targetFile) ?? (await askForFile(target.ref.name));
    if (!file) return undefined;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} history entries to {1}.', document.entries.length, vscode.workspace.asRelativePath(file)));
    return file;
  },
};

function fileArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return vscode.Uri.parse(value, true);
  return undefined;
}

function askForFile(scaleSetName: string): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export OS Upgrade History'),
    filters: { JSON: ['json'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${scaleSetName}-os-upgrade-history.json`) } : {}),
  });
}
