// Which scale set an issue-6 command acts on: the tree row it was invoked from (a scale set, zone,
// update domain or instance row), a scale set id (from the dashboard), or — from the command
// palette — one the user picks. Returns the gateway whose token belongs to the set's tenant.
import * as vscode from 'vscode';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import { scaleSetId, scaleSetRefFromId } from '../azure/gateway';
import { selectedSubscriptions } from '../connection/settings';
import { listSubscriptions } from '../connection/subscriptionInventory';
import { isTreeNode, type TreeNode } from '../views/treeNodes';
import type { CommandServices } from './extensionCommand';

export interface ScaleSetTarget {
  readonly ref: ScaleSetRef;
  readonly id: string;
  readonly gateway: AzureGateway;
}

interface ScaleSetPick extends vscode.QuickPickItem {
  readonly id: string;
  readonly tokenTenant?: string;
}

function fromTree(node: TreeNode): { ref: ScaleSetRef; tokenTenant?: string } | undefined {
  const set = node.kind === 'scaleSet' ? node : node.kind === 'instance' || node.kind === 'instanceGroup' ? node.scaleSet : undefined;
  return set && { ref: set.ref, tokenTenant: set.subscription.tokenTenant };
}

async function pickScaleSet(services: CommandServices, title: string): Promise<{ ref: ScaleSetRef; tokenTenant?: string } | undefined> {
  const access = await services.connection.access();
  if (!access) return undefined;
  const items = (async () => {
    const chosen = new Set(selectedSubscriptions().map((s) => s.toLowerCase()));
    const { subscriptions } = await listSubscriptions(access);
    const shown = subscriptions.filter((s) => chosen.size === 0 || chosen.has(s.info.subscriptionId.toLowerCase()));
    const perSubscription = await Promise.all(
      shown.map(async (s) =>
        (await access.gateway(s.tokenTenant).listScaleSets(s.info.subscriptionId)).map(
          (set): ScaleSetPick => ({ label: set.name ?? '', description: `${scaleSetRefFromId(set.id ?? '').resourceGroup} · ${s.info.displayName}`, id: set.id ?? '', tokenTenant: s.tokenTenant }),
        ),
      ),
    );
    return perSubscription.flat().filter((p) => p.id);
  })();
  // ignoreFocusOut, like the later steps of these flows: run from the palette while a dashboard has focus,
  // the workbench hands focus back to the webview after the palette closes, which would close this pick.
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose a scale set'), matchOnDescription: true, ignoreFocusOut: true });
  return pick && { ref: scaleSetRefFromId(pick.id), tokenTenant: pick.tokenTenant };
}

/** The gateway for a set: the tenant the tree listed its subscription under, or the configured tenant. */
export async function gatewayForRef(services: Pick<CommandServices, 'connection' | 'tree'>, ref: ScaleSetRef, tokenTenant?: string): Promise<AzureGateway | undefined> {
  const access = await services.connection.access();
  return access?.gateway(access.tenantId ?? tokenTenant ?? services.tree.scaleSetNode(ref)?.subscription.tokenTenant);
}

/** Resolves the command's argument to a scale set and its gateway; undefined when the user backed out or is signed out. */
export async function resolveScaleSet(services: CommandServices, arg: unknown, title: string): Promise<ScaleSetTarget | undefined> {
  let chosen: { ref: ScaleSetRef; tokenTenant?: string } | undefined;
  if (isTreeNode(arg)) chosen = fromTree(arg);
  else if (typeof arg === 'string') chosen = { ref: scaleSetRefFromId(arg) };
  chosen ??= await pickScaleSet(services, title);
  if (!chosen) return undefined;
  const gateway = await gatewayForRef(services, chosen.ref, chosen.tokenTenant);
  if (!gateway) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sign in to Azure or use the simulator first.'));
    return undefined;
  }
  return { ref: chosen.ref, id: scaleSetId(chosen.ref), gateway };
}
