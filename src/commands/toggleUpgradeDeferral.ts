// A1 osRollingUpgradeDeferral on a set with automatic OS upgrades: turns the deferral on (each automatic
// upgrade batch then waits for approval — spec AutomaticOSUpgradePolicy) or off, leaving the sibling flags
// as they are (a PATCH of the one flag).
import * as vscode from 'vscode';
import { deferralEnabled } from '../azure/osUpgradeDeferral';
import type { ExtensionCommand } from './extensionCommand';
import { afterScaleSetChange } from './afterScaleSetChange';
import { resolveScaleSet } from './scaleSetTarget';

export const toggleUpgradeDeferralCommand: ExtensionCommand = {
  id: 'vmssUpgrades.toggleUpgradeDeferral',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Enable/Disable Upgrade Deferral'));
    if (!target) return;
    const on = deferralEnabled(await target.gateway.getScaleSet(target.ref));
    const confirm = on ? vscode.l10n.t('Stop Deferring') : vscode.l10n.t('Defer Upgrades');
    const answer = await vscode.window.showWarningMessage(
      on ? vscode.l10n.t('Stop deferring automatic OS upgrades on {0}?', target.ref.name) : vscode.l10n.t('Defer automatic OS upgrades on {0} until approved?', target.ref.name),
      {
        modal: true,
        detail: on
          ? vscode.l10n.t('Azure will upgrade batches without waiting for approval.')
          : vscode.l10n.t('Each batch of an automatic OS upgrade will wait until someone approves it (Approve OS Upgrade…). Azure documents no timeout: an unapproved upgrade does not proceed.'),
      },
      confirm,
    );
    if (answer !== confirm) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating {0}…', target.ref.name) }, () =>
      target.gateway.updateScaleSet(target.ref, { upgradePolicy: { automaticOSUpgradePolicy: { osRollingUpgradeDeferral: !on } } }),
    );
    await afterScaleSetChange(services, target, on ? vscode.l10n.t('Upgrade deferral turned off (A1).') : vscode.l10n.t('Upgrade deferral turned on: automatic OS upgrades wait for approval (A1).'));
  },
};
