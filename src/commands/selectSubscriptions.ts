// Chooses which subscriptions the tree shows (multi-select; stored in `vmssUpgrades.subscriptions`;
// choosing all stores an empty list, so subscriptions added later show up too).
import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureError';
import { selectedSubscriptions, setSelectedSubscriptions } from '../connection/settings';
import { listSubscriptions } from '../connection/subscriptionInventory';
import type { ExtensionCommand } from './extensionCommand';

interface SubscriptionPick extends vscode.QuickPickItem {
  readonly subscriptionId: string;
}

export const selectSubscriptionsCommand: ExtensionCommand = {
  id: 'vmssUpgrades.selectSubscriptions',
  async run({ connection }) {
    const access = await connection.access();
    if (!access) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Sign in to Azure or use the simulator first.'));
      return;
    }
    const selected = new Set(selectedSubscriptions().map((s) => s.toLowerCase()));
    const items = listSubscriptions(access).then(
      ({ subscriptions }) =>
        subscriptions.map(
          ({ info }): SubscriptionPick => ({
            label: info.displayName,
            description: info.subscriptionId,
            detail: info.state && info.state !== 'Enabled' ? info.state : undefined,
            picked: selected.size === 0 || selected.has(info.subscriptionId.toLowerCase()),
            subscriptionId: info.subscriptionId,
          }),
        ),
      (err: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not list subscriptions: {0}', describeAzureError(err).message));
        return [] as SubscriptionPick[];
      },
    );
    const picks = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: vscode.l10n.t('Subscriptions to show'),
      placeHolder: vscode.l10n.t('Choose the subscriptions whose scale sets the tree shows'),
      matchOnDescription: true,
    });
    if (!picks) return;
    const all = (await items).length;
    await setSelectedSubscriptions(picks.length === all ? [] : picks.map((p) => p.subscriptionId));
  },
};
