// A1 osRollingUpgradeDeferral: approves the automatic OS upgrades Azure holds for approval on a scale set
// (VirtualMachineScaleSets_ApproveRollingUpgrade) — every waiting instance, one update domain's, or chosen
// ones. From an update-domain row it approves that domain's waiting instances.
import * as vscode from 'vscode';
import type { InstanceSnapshot } from '../azure/gateway';
import { type ApprovalScope, idsToApprove, waitingInstances, waitingUpdateDomains } from '../views/approvalTargets';
import { isTreeNode } from '../views/treeNodes';
import type { ExtensionCommand } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

interface ScopePick extends vscode.QuickPickItem {
  readonly scope: 'all' | 'updateDomain' | 'instances';
}

async function chooseScope(waiting: readonly InstanceSnapshot[], setName: string): Promise<ApprovalScope | undefined> {
  const domains = waitingUpdateDomains(waiting);
  const items: ScopePick[] = [
    { scope: 'all', label: vscode.l10n.t('All waiting instances ({0})', waiting.length), iconPath: new vscode.ThemeIcon('check-all') },
    ...(domains.length > 0 ? [{ scope: 'updateDomain' as const, label: vscode.l10n.t('One update domain…'), iconPath: new vscode.ThemeIcon('layers') }] : []),
    { scope: 'instances', label: vscode.l10n.t('Choose instances…'), iconPath: new vscode.ThemeIcon('list-selection') },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Approve OS Upgrade on {0}', setName), placeHolder: vscode.l10n.t('Which waiting instances may upgrade now?'), ignoreFocusOut: true });
  if (!pick) return undefined;
  if (pick.scope === 'all') return { kind: 'all' };
  if (pick.scope === 'updateDomain') {
    const domain = await vscode.window.showQuickPick(
      domains.map((d) => ({ label: vscode.l10n.t('Update domain {0}', d.updateDomain), description: vscode.l10n.t('{0} waiting: {1}', d.instanceIds.length, d.instanceIds.join(', ')), updateDomain: d.updateDomain })),
      { title: vscode.l10n.t('Approve OS Upgrade on {0}', setName), placeHolder: vscode.l10n.t('Choose an update domain'), ignoreFocusOut: true },
    );
    return domain && { kind: 'updateDomain', updateDomain: domain.updateDomain };
  }
  const chosen = await vscode.window.showQuickPick(
    waiting.map((i) => ({ label: i.name || i.instanceId, description: [vscode.l10n.t('instance {0}', i.instanceId), i.updateDomain === undefined ? undefined : vscode.l10n.t('update domain {0}', i.updateDomain), `→ ${i.pendingOsUpgrade}`].filter(Boolean).join(' · '), instanceId: i.instanceId })),
    { title: vscode.l10n.t('Approve OS Upgrade on {0}', setName), placeHolder: vscode.l10n.t('Choose the instances to approve'), canPickMany: true, ignoreFocusOut: true },
  );
  return chosen && chosen.length > 0 ? { kind: 'instances', instanceIds: chosen.map((c) => c.instanceId) } : undefined;
}

export const approveOsUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.approveOsUpgrade',
  async run(services, arg?: unknown) {
    const title = vscode.l10n.t('Approve OS Upgrade');
    const target = await resolveScaleSet(services, arg, title);
    if (!target) return;
    const instances = await target.gateway.listInstances(target.ref);
    const waiting = waitingInstances(instances);
    if (waiting.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No instance of {0} is waiting for OS upgrade approval.', target.ref.name));
      return;
    }
    const fromDomain = isTreeNode(arg) && arg.kind === 'instanceGroup' && arg.level === 'updateDomain' && typeof arg.value === 'number' ? arg.value : undefined;
    const scope: ApprovalScope | undefined = fromDomain !== undefined ? { kind: 'updateDomain', updateDomain: fromDomain } : await chooseScope(waiting, target.ref.name);
    if (!scope) return;
    const ids = idsToApprove(instances, scope);
    if (ids !== undefined && ids.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('None of the chosen instances of {0} is waiting for approval.', target.ref.name));
      return;
    }
    const approved = target.gateway.approveRollingUpgrade(target.ref, ids);
    services.tree.watch(target.ref, approved);
    const count = ids?.length ?? waiting.length;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Approving the OS upgrade of {0} instance(s) of {1}…', count, target.ref.name) }, () => approved);
    void vscode.window.showInformationMessage(vscode.l10n.t('Approved the OS upgrade of {0} instance(s) of {1}; Azure upgrades them now.', count, target.ref.name));
  },
};
