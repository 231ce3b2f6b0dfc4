// A5 + journal: shows a scale set's upgrade history (Azure's attempts and this extension's runs,
// newest first) in its dashboard.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

export const showHistoryCommand: ExtensionCommand = {
  id: 'vmssUpgrades.showHistory',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Show OS Upgrade History'));
    if (target) services.upgrades.dashboards.show(target.id, undefined, { focus: 'history', refresh: true });
  },
};
