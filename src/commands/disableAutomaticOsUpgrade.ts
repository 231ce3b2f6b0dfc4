// A1: opting out — sets enableAutomaticOSUpgrade to false and leaves the sibling flags as they are.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';
import { afterScaleSetChange } from './afterScaleSetChange';
import { resolveScaleSet } from './scaleSetTarget';

export const disableAutomaticOsUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.disableAutomaticOSUpgrade',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Disable Automatic OS Image Upgrade'));
    if (!target) return;
    const turnOff = vscode.l10n.t('Turn Off');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Turn off automatic OS image upgrade on {0}?', target.ref.name),
      { modal: true, detail: vscode.l10n.t('New image versions will no longer be rolled out by Azure; you upgrade with a rolling upgrade or the embedded orchestrator.') },
      turnOff,
    );
    if (answer !== turnOff) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Turning off automatic OS image upgrade on {0}…', target.ref.name) }, () =>
      target.gateway.updateScaleSet(target.ref, { upgradePolicy: { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: false } } }),
    );
    await afterScaleSetChange(services, target, vscode.l10n.t('Automatic OS image upgrade turned off (A1).'));
  },
};
