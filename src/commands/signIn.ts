// Signs in with VS Code's Microsoft account (optionally to one tenant, e.g. from a "tenant needs
// sign-in" row). Cancelling VS Code's sign-in dialog is not an error.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';

export const signInCommand: ExtensionCommand = {
  id: 'vmssUpgrades.signIn',
  async run({ connection }, tenantId?: unknown) {
    try {
      await connection.signIn(typeof tenantId === 'string' ? tenantId : undefined);
    } catch (err) {
      if (err instanceof Error && /cancel|did not consent/i.test(err.message)) return;
      throw err;
    }
    if (connection.mode === 'signedOut') void vscode.window.showWarningMessage(vscode.l10n.t('Signed in, but no Azure session is available for the chosen cloud and tenant.'));
  },
};
