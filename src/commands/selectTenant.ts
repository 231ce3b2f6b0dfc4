// Chooses the tenant whose subscriptions the tree shows (stored in `vmssUpgrades.tenant`; empty: all
// tenants). Picking a tenant asks VS Code for a session in it (`VSCODE_TENANT:<id>`), interactively
// if the tenant needs its own sign-in (MFA, consent).
import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureError';
import { configuredTenant, setTenant } from '../connection/settings';
import type { ExtensionCommand } from './extensionCommand';

interface TenantPick extends vscode.QuickPickItem {
  readonly tenantId: string | undefined;
}

export const selectTenantCommand: ExtensionCommand = {
  id: 'vmssUpgrades.selectTenant',
  async run({ connection }) {
    const access = await connection.access();
    if (!access) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Sign in to Azure or use the simulator first.'));
      return;
    }
    const current = configuredTenant()?.toLowerCase();
    const items = access
      .gateway()
      .listTenants()
      .then(
        (tenants): TenantPick[] => [
          { label: vscode.l10n.t('All tenants'), description: current ? undefined : vscode.l10n.t('current'), tenantId: undefined },
          ...tenants.map((t) => ({
            label: t.displayName ?? t.tenantId,
            description: [t.defaultDomain, t.tenantId.toLowerCase() === current ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
            detail: t.tenantId,
            tenantId: t.tenantId,
          })),
        ],
        (err: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not list tenants: {0}', describeAzureError(err).message));
          return [] as TenantPick[];
        },
      );
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Tenant'), placeHolder: vscode.l10n.t('Show the subscriptions of which tenant?') });
    if (!pick) return;
    if (pick.tenantId && connection.mode === 'azure') await connection.signIn(pick.tenantId);
    await setTenant(pick.tenantId);
  },
};
