// What the dashboard's buttons do. Loading a dashboard's data (header, Azure's rolling upgrade, the
// merged history) lives here too, since "Refresh", opening a panel and restoring one after a window
// reload all need it. Bundled with the webview host (src/webview/webview-host.ts), not the features: the
// commands reach it through services.upgrades.host() (issue 18).
import * as vscode from 'vscode';
import { describeAzureError, errorSummary } from '../azure/azureError';
import { deferralEnabled } from '../azure/osUpgradeDeferral';
import { withApprovals } from '../webview/approvalView';
import { embeddedHistory } from '../webview/journalHistory';
import { loadWhy } from '../webview/whyViews';
import { mergeHistory, platformUpgradeView, scaleSetHeader } from '../webview/azureViews';
import type { FixActionName } from '../webview/contract';
import { platformEntries } from '../webview/platformHistory';
import type { DashboardActions } from '../webview/dashboardPanels';
import type { CommandServices } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';
import { reportRefusal } from './runControl';

/** Reads what the dashboard shows about Azure's side of a set and our journal; failures go to its log. */
export async function refreshDashboard(services: CommandServices, scaleSetId: string): Promise<void> {
  const { dashboards, journal, log } = services.upgrades;
  const session = dashboards.session(scaleSetId);
  const target = await resolveScaleSet(services, scaleSetId, vscode.l10n.t('Dashboard'));
  if (!target) return;
  const [set, rolling, history, maintenance] = await Promise.allSettled([
    target.gateway.getScaleSet(target.ref),
    target.gateway.getLatestRollingUpgrade(target.ref),
    target.gateway.listOsUpgradeHistory(target.ref),
    // Issue 16: the header shows the set's OS-image maintenance window (none when it cannot be read).
    target.gateway.osImageMaintenance?.(target.ref) ?? Promise.resolve(undefined),
  ]);
  const window = maintenance.status === 'fulfilled' ? maintenance.value : undefined;
  if (set.status === 'fulfilled') session.setScaleSet(scaleSetHeader(target.id, set.value, window, services.upgrades.clock.now()));
  // Deferral (A1): the instances waiting for approval ride along with Azure's rolling upgrade.
  const deferral = set.status === 'fulfilled' && deferralEnabled(set.value);
  const instances = deferral ? await target.gateway.listInstances(target.ref).catch(() => undefined) : undefined;
  if (rolling.status === 'fulfilled') session.setPlatform(withApprovals(rolling.value && platformUpgradeView(rolling.value, session.currentPlatform?.note), deferral, instances));
  let ours: ReturnType<typeof embeddedHistory> = [];
  try {
    // After a window reload the run is no longer in memory: show it from the journal, resumable.
    if (!services.upgrades.runs.get(target.id)) for (const run of journal.unfinished(target.id)) services.upgrades.runs.showInterrupted(run.runId);
    ours = embeddedHistory(journal, target.id);
  } catch (err) {
    log.warn(`Dashboard: could not read the journal: ${errorSummary(err)}`);
  }
  session.setHistory(mergeHistory(platformEntries(journal.dir, target.id, rolling, history, (err) => log.warn(`Dashboard: could not keep Azure's history: ${errorSummary(err)}`)), ours));
  try {
    // "Why did this fail?" (issue 15): our latest run from the journal, Azure's latest upgrade as read above.
    const known = rolling.status === 'fulfilled' && history.status === 'fulfilled' ? { latest: rolling.value, history: history.value } : undefined;
    session.setWhy(await loadWhy(target.gateway, journal, target.ref, known));
  } catch (err) {
    log.warn(`Dashboard: could not explain the latest upgrade: ${errorSummary(err)}`);
  }
  for (const failed of [set, rolling, history].filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
    const message = describeAzureError(failed.reason).message;
    log.warn(`Dashboard refresh failed: ${errorSummary(failed.reason)}`);
    session.append([{ level: 'warning', text: vscode.l10n.t('Could not read from Azure: {0}', message) }]);
  }
}

/** Re-running the readiness check and "try again" both go through a new plan (O1 is checked as the set is now). */
const fixCommands: Record<FixActionName, string> = {
  cancelRollingUpgrade: 'vmssUpgrades.cancelPlatformUpgrade',
  startOsRollingUpgrade: 'vmssUpgrades.startPlatformUpgrade',
  checkReadiness: 'vmssUpgrades.runEmbeddedUpgrade',
  resumeRun: 'vmssUpgrades.runEmbeddedUpgrade',
};
/** Turning a rehearsal into a real run changes the set: ask first, naming it (issue 15). */
async function confirmRunForReal(scaleSetId: string): Promise<boolean> {
  const name = scaleSetId.split('/').at(-1) ?? scaleSetId;
  const run = vscode.l10n.t('Run on {0}', name);
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Run the rehearsed plan on the scale set {0}? This time the instances are really upgraded.', name), { modal: true }, run);
  return answer === run;
}

export function dashboardActions(services: CommandServices): DashboardActions {
  const { runs } = services.upgrades;
  const command = (id: string, scaleSetId: string) => vscode.commands.executeCommand(id, scaleSetId);
  return {
    refresh: (scaleSetId) => refreshDashboard(services, scaleSetId),
    gate: (scaleSetId, gateId, decision) => reportRefusal(runs.decide(scaleSetId, gateId, decision)),
    run: async (scaleSetId, action) => {
      if (action === 'runForReal' && !(await confirmRunForReal(scaleSetId))) return;
      reportRefusal(await runs.control(scaleSetId, action));
    },
    cancelPlatformUpgrade: (scaleSetId) => command('vmssUpgrades.cancelPlatformUpgrade', scaleSetId),
    approveOsUpgrade: async (scaleSetId, instanceIds) => {
      const target = await resolveScaleSet(services, scaleSetId, vscode.l10n.t('Approve OS Upgrade'));
      if (!target) return;
      const approved = target.gateway.approveRollingUpgrade(target.ref, instanceIds);
      services.tree.watch(target.ref, approved);
      await approved;
      const count = instanceIds?.length;
      services.upgrades.dashboards.session(target.id).append([
        { level: 'info', text: count === undefined ? vscode.l10n.t('Approved the OS upgrade of every waiting instance.') : vscode.l10n.t('Approved the OS upgrade of {0}.', instanceIds!.join(', ')) },
      ]);
      await refreshDashboard(services, target.id);
    },
    exportHistory: (scaleSetId) => command('vmssUpgrades.exportHistory', scaleSetId),
    // The fix buttons of "Why did this fail?": the same commands as the palette (each confirms first).
    fix: (scaleSetId, action) => command(fixCommands[action], scaleSetId),
  };
}
