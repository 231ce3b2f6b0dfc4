// Stops using the Azure account (or the simulator) in this extension.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';

export const signOutCommand: ExtensionCommand = {
  id: 'vmssUpgrades.signOut',
  async run({ connection }) {
    const wasAzure = connection.mode === 'azure';
    await connection.signOut();
    if (wasAzure) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Azure Scale Sets no longer uses your account. To remove the account from VS Code, use the Accounts menu.'));
    }
  },
};
