// A6: cancels Azure's rolling upgrade (`POST …/rollingUpgrades/cancel`). Instances already upgraded
// stay upgraded; the ones not yet reached keep their image.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

export const cancelPlatformUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.cancelPlatformUpgrade',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Cancel Azure Rolling OS Upgrade'));
    if (!target) return;
    const cancel = vscode.l10n.t('Cancel Upgrade');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Cancel Azure’s rolling OS upgrade on {0}?', target.ref.name),
      { modal: true, detail: vscode.l10n.t('Instances already upgraded keep the new image; the others keep theirs.') },
      cancel,
    );
    if (answer !== cancel) return;
    const cancelled = target.gateway.cancelRollingUpgrade(target.ref);
    services.tree.watch(target.ref, cancelled);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cancelling the rolling upgrade of {0}…', target.ref.name) }, () => cancelled);
    services.upgrades.note(target.id, [{ level: 'warning', text: vscode.l10n.t('Azure’s rolling upgrade was cancelled by the user.') }]);
    // Before the first dashboard the webview host is not loaded (issue 18): a dashboard opened later reads the set then.
    if (services.upgrades.loaded()) await services.upgrades.host().refreshDashboard(services, target.id);
  },
};
