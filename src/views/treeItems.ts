// Turns tree nodes into VS Code TreeItems: labels, descriptions, codicons with theme colours, markdown
// tooltips, context values for `when` clauses, and the action a message row offers.
import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureError';
import type { CloudName } from '../azure/clouds';
import { instanceAppearance, instanceContextValue, instanceImageVersion } from './instanceAppearance';
import { type MessageAction, messageAction } from './messageAction';
import { scaleSetContextValue, scaleSetFacts } from './scaleSetFacts';
import { summarizeWindow } from '../shared/maintenance/windowSummary';
import type { InstanceGroupNode, InstanceNode, MessageNode, ScaleSetNode, SubscriptionNode, TreeNode } from './treeNodes';

const { Collapsed, None } = vscode.TreeItemCollapsibleState;

function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function subscriptionItem(node: SubscriptionNode): vscode.TreeItem {
  const empty = node.scaleSetCount === 0;
  const item = new vscode.TreeItem(node.subscription.displayName, empty ? None : Collapsed);
  item.description =
    node.scaleSetCount === undefined ? undefined : node.scaleSetCount === 1 ? vscode.l10n.t('1 scale set') : vscode.l10n.t('{0} scale sets', node.scaleSetCount);
  item.tooltip = new vscode.MarkdownString(
    [`**${node.subscription.displayName}**`, '', `${vscode.l10n.t('Subscription')}: \`${node.subscription.subscriptionId}\``, ...(node.subscription.tenantId ? [`${vscode.l10n.t('Tenant')}: \`${node.subscription.tenantId}\``] : [])].join('  \n'),
  );
  item.iconPath = icon('azure');
  item.contextValue = 'vmssSubscription';
  return item;
}

function scaleSetItem(node: ScaleSetNode, now: number): vscode.TreeItem {
  const facts = scaleSetFacts(node);
  const item = new vscode.TreeItem(node.ref.name, Collapsed);
  const progress = facts.rollingProgress;
  // Issue 16: the OS-image maintenance window (schedule, time zone, next window), once looked up.
  const window = node.maintenance ? summarizeWindow(node.maintenance.window, now) : undefined;
  item.description = [
    ...(facts.awaitingApproval > 0 ? [vscode.l10n.t('{0} waiting for approval', facts.awaitingApproval)] : []),
    ...(facts.rollingUpgrade
      ? [progress ? vscode.l10n.t('rolling upgrade {0}/{1}', progress.done, progress.total) : vscode.l10n.t('rolling upgrade running')]
      : facts.busy
        ? [vscode.l10n.t('operation in progress')]
        : []),
    // Issue 16: the window early in the row, where a narrow view still shows it.
    window ? vscode.l10n.t('window {0} ({1}), {2}', window.schedule, window.timeZone, window.when) : undefined,
    facts.orchestrationMode,
    facts.capacity === undefined ? undefined : vscode.l10n.t('{0} instances', facts.capacity),
    facts.image,
    vscode.l10n.t('{0} upgrade mode', facts.upgradeMode),
    facts.autoOsUpgrade ? vscode.l10n.t('auto OS upgrade on') : vscode.l10n.t('auto OS upgrade off'),
    facts.deferral ? vscode.l10n.t('upgrades need approval') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const md = new vscode.MarkdownString(`**${node.ref.name}** — ${node.ref.resourceGroup}\n\n`);
  md.appendMarkdown(`| | |\n|---|---|\n`);
  const rows: [string, string][] = [
    [vscode.l10n.t('Orchestration'), facts.orchestrationMode],
    [vscode.l10n.t('Capacity'), String(facts.capacity ?? '—')],
    [vscode.l10n.t('Image'), facts.image || '—'],
    [vscode.l10n.t('Upgrade mode'), facts.upgradeMode],
    [vscode.l10n.t('Automatic OS upgrade'), facts.autoOsUpgrade ? vscode.l10n.t('on') : vscode.l10n.t('off')],
    [vscode.l10n.t('Upgrade deferral (approval needed)'), facts.deferral ? vscode.l10n.t('on') : vscode.l10n.t('off')],
    ...(facts.awaitingApproval > 0 ? [[vscode.l10n.t('Waiting for approval'), String(facts.awaitingApproval)] as [string, string]] : []),
    ...(window && node.maintenance
      ? ([
          [vscode.l10n.t('Maintenance window (OS image)'), `${window.schedule} · ${node.maintenance.name}`],
          [vscode.l10n.t('Window time zone'), window.timeZone],
          [window.open ? vscode.l10n.t('Window open') : vscode.l10n.t('Next window'), window.when],
        ] as [string, string][])
      : node.maintenance === null
        ? ([[vscode.l10n.t('Maintenance window (OS image)'), vscode.l10n.t('none assigned')]] as [string, string][])
        : []),
    [vscode.l10n.t('Location'), node.scaleSet.location ?? '—'],
    [vscode.l10n.t('Provisioning'), node.scaleSet.provisioningState ?? '—'],
  ];
  if (node.rolling?.runningStatus?.code) rows.push([vscode.l10n.t('Latest rolling upgrade'), node.rolling.runningStatus.code]);
  for (const [k, v] of rows) md.appendMarkdown(`| ${k} | ${v.replace(/\|/g, '\\|')} |\n`);
  item.tooltip = md;
  item.iconPath = facts.awaitingApproval > 0 ? icon('bell-dot', 'charts.orange') : facts.rollingUpgrade || facts.busy ? icon('sync~spin', 'charts.blue') : icon('vm');
  item.contextValue = scaleSetContextValue(facts);
  return item;
}

function groupItem(node: InstanceGroupNode): vscode.TreeItem {
  const label =
    node.level === 'zone'
      ? node.value === ''
        ? vscode.l10n.t('No zone')
        : vscode.l10n.t('Zone {0}', node.value)
      : node.value === -1
        ? vscode.l10n.t('Update domain unknown')
        : vscode.l10n.t('Update domain {0}', node.value);
  const item = new vscode.TreeItem(label, Collapsed);
  const unhealthy = node.instances.filter((i) => i.health !== 'healthy').length;
  const waiting = node.instances.filter((i) => i.pendingOsUpgrade !== undefined).length;
  item.description = [
    unhealthy > 0 ? vscode.l10n.t('{0} instances, {1} not healthy', node.instances.length, unhealthy) : vscode.l10n.t('{0} instances', node.instances.length),
    ...(waiting > 0 ? [vscode.l10n.t('{0} waiting for approval', waiting)] : []),
  ].join(' · ');
  item.iconPath = node.level === 'zone' ? icon('location') : waiting > 0 ? icon('layers', 'charts.orange') : icon('layers', unhealthy > 0 ? 'list.warningForeground' : undefined);
  item.contextValue = [node.level === 'zone' ? 'vmssZone' : 'vmssUpdateDomain', ...(waiting > 0 ? ['awaitingApproval'] : [])].join(';');
  return item;
}

function instanceItem(node: InstanceNode): vscode.TreeItem {
  const i = node.instance;
  const item = new vscode.TreeItem(i.name || i.instanceId, None);
  const version = instanceImageVersion(i);
  item.description = [
    ...(i.pendingOsUpgrade !== undefined ? [vscode.l10n.t('waiting for approval → {0}', i.pendingOsUpgrade)] : []),
    version,
    i.powerState,
    i.health,
    ...(i.latestModelApplied === false ? [vscode.l10n.t('not on latest model')] : [])].filter(Boolean).join(' · ');
  const appearance = instanceAppearance(i);
  item.iconPath = icon(appearance.icon, appearance.color);
  const md = new vscode.MarkdownString(`**${i.name}** (${vscode.l10n.t('instance')} ${i.instanceId})\n\n| | |\n|---|---|\n`);
  const rows: [string, string][] = [
    [vscode.l10n.t('Health'), `${i.health} (${i.healthSource === 'signal' ? vscode.l10n.t('health signal') : vscode.l10n.t('derived from power and extensions')})`],
    [vscode.l10n.t('Power'), i.powerState],
    [vscode.l10n.t('Provisioning'), i.provisioningState],
    [vscode.l10n.t('Image'), [i.image.publisher, i.image.offer, i.image.sku].filter(Boolean).join('/') || i.image.id || '—'],
    [vscode.l10n.t('Version'), version || '—'],
    [vscode.l10n.t('Latest model'), i.latestModelApplied === undefined ? '—' : i.latestModelApplied ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
    [vscode.l10n.t('Zone'), i.zone ?? '—'],
    [vscode.l10n.t('Update domain'), String(i.updateDomain ?? '—')],
    [vscode.l10n.t('Fault domain'), String(i.faultDomain ?? '—')],
    ...(i.pendingOsUpgrade !== undefined ? [[vscode.l10n.t('OS upgrade'), vscode.l10n.t('waiting for approval (Platform.PendingOSUpgrade: {0})', i.pendingOsUpgrade)] as [string, string]] : []),
  ];
  for (const [k, v] of rows) md.appendMarkdown(`| ${k} | ${v.replace(/\|/g, '\\|')} |\n`);
  if (i.extensionProblems.length) md.appendMarkdown(`\n**${vscode.l10n.t('Extension problems')}**\n\n${i.extensionProblems.map((p) => `- ${p}`).join('\n')}\n`);
  item.tooltip = md;
  item.contextValue = instanceContextValue(i);
  return item;
}

function failureText(node: MessageNode, cloud: CloudName | undefined): string {
  const error = node.error ?? describeAzureError(undefined);
  const code = error.code ? ` (${error.code})` : '';
  switch (error.kind) {
    case 'auth':
      return vscode.l10n.t('Sign-in required: your Azure session is missing or expired');
    case 'forbidden':
      return vscode.l10n.t('No permission to read this{0}', code);
    case 'throttled':
      return vscode.l10n.t('Azure is throttling requests{0}; try again shortly', code);
    case 'network':
      return cloud === 'Simulator' ? vscode.l10n.t('The simulator is not running or cannot be reached{0}', code) : vscode.l10n.t('Cannot reach Azure{0}', code);
    case 'server':
      return vscode.l10n.t('Azure returned a server error ({0}){1}', error.statusCode ?? '5xx', code);
    case 'notFound':
      return vscode.l10n.t('Not found{0}; it may have been deleted', code);
    default:
      return vscode.l10n.t('Could not load: {0}', error.message);
  }
}

function messageText(node: MessageNode, cloud: CloudName | undefined): string {
  switch (node.reason) {
    case 'loadFailed':
      return failureText(node, cloud);
    case 'cancelled':
      return vscode.l10n.t('Loading cancelled');
    case 'loading':
      return vscode.l10n.t('Loading…');
    case 'noSubscriptions':
      return vscode.l10n.t('No subscriptions found for this account');
    case 'noSelectedSubscriptions':
      return vscode.l10n.t('None of the selected subscriptions is available');
    case 'noScaleSets':
      return vscode.l10n.t('No scale sets');
    case 'noInstances':
      return vscode.l10n.t('No instances');
    case 'tenantUnavailable':
      return vscode.l10n.t('Tenant {0} is not available', node.tenant?.displayName ?? node.tenant?.tenantId ?? '');
  }
}

function actionTitle(action: MessageAction): string {
  switch (action.kind) {
    case 'retry':
      return vscode.l10n.t('Retry');
    case 'signIn':
      return vscode.l10n.t('Sign in');
    case 'restartSimulator':
      return vscode.l10n.t('Restart the simulator');
    case 'selectSubscriptions':
      return vscode.l10n.t('Select subscriptions');
    case 'selectTenant':
      return vscode.l10n.t('Select a tenant');
  }
}

function messageItem(node: MessageNode, cloud: CloudName | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(messageText(node, cloud), None);
  const action = messageAction(node, cloud);
  const severity = node.reason === 'loadFailed' || node.reason === 'tenantUnavailable' ? 'error' : node.reason === 'cancelled' ? 'warning' : 'info';
  item.iconPath = node.reason === 'loading' ? icon('loading~spin') : icon(severity, severity === 'error' ? 'errorForeground' : severity === 'warning' ? 'list.warningForeground' : undefined);
  if (action) {
    const title = actionTitle(action);
    item.description = title;
    item.command = { command: action.command, title, arguments: action.arguments };
  }
  item.tooltip = node.error ? new vscode.MarkdownString().appendText(node.error.message) : undefined;
  item.contextValue = `vmssMessage;${node.reason}`;
  return item;
}

/** `now`: the connection's time (the simulator's simulated clock), for the maintenance window's next opening. */
export function toTreeItem(node: TreeNode, cloud: CloudName | undefined, now = Date.now()): vscode.TreeItem {
  const item = (() => {
    switch (node.kind) {
      case 'subscription':
        return subscriptionItem(node);
      case 'scaleSet':
        return scaleSetItem(node, now);
      case 'instanceGroup':
        return groupItem(node);
      case 'instance':
        return instanceItem(node);
      case 'message':
        return messageItem(node, cloud);
    }
  })();
  // Only subscription rows carry an id (VS Code restores their expanded state by it after a reload: expansionMemory.ts).
  // Rows below them are named by their label path instead, which is as stable (set, zone, update domain and
  // instance names do not change). An id there turns VS Code's refresh race into an empty expanded row: a
  // refresh of a set landing while VS Code is fetching that set's children registers them twice, and for
  // items with an id that throws "Element with id … is already registered" (VS Code 1.100's
  // extHostTreeViews createAndRegisterTreeNode; seen in deferral.test.ts after every change was spaced,
  // treeChangeScheduler.ts). Without an id the second registration reuses the element's handle.
  if (node.kind === 'subscription') item.id = node.key;
  return item;
}
