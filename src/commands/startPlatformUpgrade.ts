// A6: starts Azure's own rolling OS upgrade. First it checks whether anything newer exists (A7) —
// Azure reports success even when nothing changes — and warns that a manually started upgrade has no
// automatic rollback. Then it watches `rollingUpgrades/latest` in the dashboard until the upgrade ends,
// holding the set's lease meanwhile (issue 17: one driver per set, as the embedded run and the fleet do).
import * as vscode from 'vscode';
import { alertsFor } from '../azure/alerts/alertsFor';
import type { AzureGateway } from '../azure/gateway';
import { LeaseKeeper } from '../core/lease/leaseKeeper';
import { defaultLeaseHolder, describeLease } from '../core/lease/leaseTag';
import type { ExtensionCommand } from './extensionCommand';
import { findNewerImage } from './newerImage';
import { resolveScaleSet } from './scaleSetTarget';
import type { MetricGate } from '../core/contract';
import { describeMetricGate, parseMetricGate } from '../core/metricGateText';
import { metricsFor } from '../azure/metrics/metricsFor';
import type { MetricsReader } from '../azure/metrics/metricTypes';

/** Issue 16: `vmssUpgrades.platformUpgrade.alertGate` — off, or the alert gate's scope. */
function platformAlertGate(gateway: AzureGateway) {
  const scope = vscode.workspace.getConfiguration().get<string>('vmssUpgrades.platformUpgrade.alertGate', 'off');
  if (scope !== 'scaleSet' && scope !== 'resourceGroup') return undefined;
  return { gate: { scope } as const, alerts: alertsFor(gateway) };
}

/** Issue 16: `vmssUpgrades.platformUpgrade.metricGate` — empty (off), or a metric gate in its text form. */
function platformMetricGate(gateway: AzureGateway): { gates: MetricGate[]; metrics: MetricsReader | undefined } | string | undefined {
  const text = vscode.workspace.getConfiguration().get<string>('vmssUpgrades.platformUpgrade.metricGate', '').trim();
  if (!text) return undefined;
  const parsed = parseMetricGate(text);
  return parsed.ok ? { gates: [parsed.gate], metrics: metricsFor(gateway) } : parsed.error;
}

export const startPlatformUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.startPlatformUpgrade',
  async run(services, arg?: unknown) {
    const target = await resolveScaleSet(services, arg, vscode.l10n.t('Start Azure Rolling OS Upgrade'));
    if (!target) return;
    const { gateway, ref } = target;
    const newer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing the instances of {0} with the newest image (A7)…', ref.name) }, async () =>
      findNewerImage(gateway, ref, await gateway.getScaleSet(ref)),
    );
    let note: string | undefined;
    if (newer.kind === 'none') {
      note = vscode.l10n.t('No newer image: every instance already runs {0}. Azure reports such an upgrade as successful without changing anything (A6).', newer.newest);
      const anyway = vscode.l10n.t('Start Anyway');
      if ((await vscode.window.showWarningMessage(note, { modal: true }, anyway)) !== anyway) return;
    }
    const start = vscode.l10n.t('Start Rolling Upgrade');
    const detail =
      newer.kind === 'newer'
        ? vscode.l10n.t('{0} instance(s) are behind {1}.', newer.behind, newer.newest)
        : newer.kind === 'unknown'
          ? vscode.l10n.t('Whether a newer image exists cannot be checked: {0}.', newer.reason)
          : undefined;
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t('Start Azure’s rolling OS upgrade on {0}?', ref.name),
      { modal: true, detail: `${vscode.l10n.t('A manually started rolling upgrade has NO automatic rollback (A6): instances that fail keep the new image.')}${detail ? `\n\n${detail}` : ''}` },
      start,
    );
    if (confirmed !== start) return;

    // The upgrade is followed in the set's dashboard: from here on the webview host is loaded (issue 18).
    const session = services.upgrades.dashboards.show(target.id);
    const { followPlatformStart, platformPollMs, refreshDashboard, watchPlatformUpgrade } = services.upgrades.host();
    session.append([{ level: 'warning', text: vscode.l10n.t('Starting Azure’s rolling OS upgrade (manual trigger: no automatic rollback, A6).') }]);
    if (note) session.append([{ level: 'warning', text: note }]);
    // Everything below belongs to this connection: a sign-out or another simulator stops it (platformStart.ts).
    const signal = services.connection.signal;
    const clock = services.upgrades.clock;
    const lease = new LeaseKeeper(gateway, ref, clock, { holder: defaultLeaseHolder(), runId: `platform-${clock.now().toString(36)}` });
    const taken = await lease.take(signal);
    if (!taken.ok) {
      const why = taken.refusal.kind === 'held' ? vscode.l10n.t('its lease is held by {0}', describeLease(taken.refusal.by, clock.now())) : vscode.l10n.t('its lease cannot be written ({0})', taken.refusal.kind);
      session.append([{ level: 'error', text: vscode.l10n.t('Azure’s rolling upgrade of {0} was not started: {1}.', ref.name, why) }]);
      void vscode.window.showWarningMessage(vscode.l10n.t('Azure’s rolling upgrade of {0} was not started: {1}.', ref.name, why));
      return;
    }
    const started = gateway.startOsRollingUpgrade(ref, signal);
    services.tree.watch(ref, started);
    const alertGate = platformAlertGate(gateway);
    if (alertGate) session.append([{ level: 'info', text: vscode.l10n.t('Alert gate: an Azure Monitor alert on the {0} cancels this upgrade.', alertGate.gate.scope === 'resourceGroup' ? vscode.l10n.t('resource group') : vscode.l10n.t('scale set')) }]);
    const metricGate = platformMetricGate(gateway);
    if (typeof metricGate === 'string') session.append([{ level: 'warning', text: vscode.l10n.t('The metric gate setting is not used: {0}', metricGate) }]);
    else if (metricGate) session.append([{ level: 'info', text: vscode.l10n.t('Metric gate: {0} — a breach cancels this upgrade.', describeMetricGate(metricGate.gates[0])) }]);
    const metricGates = typeof metricGate === 'object' ? metricGate : undefined;
    const watched = watchPlatformUpgrade({ gateway, ref, session, clock: services.upgrades.clock, intervalMs: platformPollMs, note, starting: started, ...(alertGate ? { alertGate } : {}), ...(metricGates ? { metricGates } : {}), signal });
    const followAndReport = async () => {
      const outcome = await followPlatformStart(gateway, ref, started, signal);
      if (outcome.kind === 'cancelled') void vscode.window.showInformationMessage(vscode.l10n.t('Azure’s rolling upgrade of {0} was cancelled.', ref.name));
      if (outcome.kind === 'failed') {
        session.append([{ level: 'error', text: vscode.l10n.t('Azure’s rolling upgrade failed: {0}', outcome.message) }]);
        // Refused at once (issue 15): why, and the first fix, from the failure catalogue.
        const why = outcome.refusal?.failures[0];
        if (why) session.append([{ level: 'info', text: `${vscode.l10n.t('Why: {0}', why.title)} — ${why.cause}${why.fixes[0] ? ` ${vscode.l10n.t('Fix: {0}', why.fixes[0].command ?? why.fixes[0].label)}` : ''}` }]);
        void vscode.window.showErrorMessage(vscode.l10n.t('Azure’s rolling upgrade of {0} failed: {1}', ref.name, outcome.message));
      }
      await watched;
      if (outcome.kind === 'stopped') {
        session.append([{ level: 'info', text: vscode.l10n.t('Stopped following Azure’s rolling upgrade of {0}: the connection changed (the upgrade goes on in Azure).', ref.name) }]);
        return;
      }
      await refreshDashboard(services, target.id);
    };
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Azure rolling OS upgrade on {0}', ref.name) }, async () => {
      try {
        await followAndReport();
      } finally {
        await lease.release().catch(() => undefined);
      }
    });
  },
};
