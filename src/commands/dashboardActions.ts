// What the dashboard's buttons do. Loading a dashboard's data (header, Azure's rolling upgrade, the
// merged history) lives here too, since "Refresh", opening a panel and restoring one after a window
// reload all need it.
import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureError';
import { embeddedHistory } from '../webview/journalHistory';
import { mergeHistory, platformHistoryEntry, platformUpgradeView, scaleSetHeader } from '../webview/azureViews';
import type { DashboardActions } from '../webview/dashboardPanels';
import type { CommandServices } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

/** Reads what the dashboard shows about Azure's side of a set and our journal; failures go to its log. */
export async function refreshDashboard(services: CommandServices, scaleSetId: string): Promise<void> {
  const { dashboards, journal, log } = services.upgrades;
  const session = dashboards.session(scaleSetId);
  const target = await resolveScaleSet(services, scaleSetId, vscode.l10n.t('Dashboard'));
  if (!target) return;
  const [set, rolling, history] = await Promise.allSettled([
    target.gateway.getScaleSet(target.ref),
    target.gateway.getLatestRollingUpgrade(target.ref),
    target.gateway.listOsUpgradeHistory(target.ref),
  ]);
  if (set.status === 'fulfilled') session.setScaleSet(scaleSetHeader(target.id, set.value));
  if (rolling.status === 'fulfilled') session.setPlatform(rolling.value && platformUpgradeView(rolling.value, session.snapshot().platform?.note));
  let ours: ReturnType<typeof embeddedHistory> = [];
  try {
    ours = embeddedHistory(journal, target.id);
  } catch (err) {
    log.warn(`Dashboard: could not read the journal: ${(err as Error).message}`);
  }
  session.setHistory(mergeHistory(history.status === 'fulfilled' ? history.value.map(platformHistoryEntry) : [], ours));
  for (const failed of [set, rolling, history].filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
    const message = describeAzureError(failed.reason).message;
    log.warn(`Dashboard refresh of ${target.ref.name}: ${message}`);
    session.append([{ level: 'warning', text: vscode.l10n.t('Could not read from Azure: {0}', message) }]);
  }
}

export function dashboardActions(services: CommandServices): DashboardActions {
  const command = (id: string, scaleSetId: string) => vscode.commands.executeCommand(id, scaleSetId);
  return {
    refresh: (scaleSetId) => refreshDashboard(services, scaleSetId),
    gate: (scaleSetId, gateId, decision) => command(decision === 'approve' ? 'vmssUpgrades.approveGate' : 'vmssUpgrades.rejectGate', scaleSetId).then(() => gateId),
    run: (scaleSetId, action) =>
      command(
        { start: 'vmssUpgrades.startPlannedRun', pause: 'vmssUpgrades.pauseRun', resume: 'vmssUpgrades.resumeRun', cancel: 'vmssUpgrades.cancelRun', cancelNow: 'vmssUpgrades.stopRunNow' }[action],
        scaleSetId,
      ),
    cancelPlatformUpgrade: (scaleSetId) => command('vmssUpgrades.cancelPlatformUpgrade', scaleSetId),
    exportHistory: (scaleSetId) => command('vmssUpgrades.exportHistory', scaleSetId),
  };
}
