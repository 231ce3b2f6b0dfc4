// Opens (or reveals) the upgrade dashboard of a scale set: one panel per set.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

export const showDashboardCommand: ExtensionCommand = {
  id: 'vmssUpgrades.showDashboard',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Show Upgrade Dashboard'));
    if (target) services.upgrades.dashboards.show(target.id);
  },
};
