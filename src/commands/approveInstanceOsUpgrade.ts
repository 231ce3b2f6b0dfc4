// A1 osRollingUpgradeDeferral: approves one instance's waiting OS upgrade (VirtualMachineScaleSetVMs_ApproveRollingUpgrade;
// on a Flexible set the gateway uses the set-level call with the instance's id).
import * as vscode from 'vscode';
import { isTreeNode } from '../views/treeNodes';
import type { ExtensionCommand } from './extensionCommand';
import { gatewayForRef } from './scaleSetTarget';

export const approveInstanceOsUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.approveInstanceOsUpgrade',
  async run(services, arg?: unknown) {
    // Only offered on an instance row that waits (package.json `when`); from elsewhere use Approve OS Upgrade….
    if (!isTreeNode(arg) || arg.kind !== 'instance') {
      await vscode.commands.executeCommand('vmssUpgrades.approveOsUpgrade', arg);
      return;
    }
    const ref = arg.scaleSet.ref;
    const gateway = await gatewayForRef(services, ref, arg.scaleSet.subscription.tokenTenant);
    if (!gateway) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Sign in to Azure or use the simulator first.'));
      return;
    }
    const name = arg.instance.name || arg.instance.instanceId;
    const approved = gateway.approveInstanceRollingUpgrade(ref, arg.instance.instanceId);
    services.tree.watch(ref, approved);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Approving the OS upgrade of {0}…', name) }, () => approved);
    void vscode.window.showInformationMessage(vscode.l10n.t('Approved the OS upgrade of {0}; Azure upgrades it now.', name));
  },
};
