// The webview host (issue 18): the dashboard panels and their sessions, the run registry that feeds
// them, the fleet view, and what loads a dashboard's data. Its own bundle (dist/webview-host.js),
// required by the features on the first dashboard — a run's dashboard, the fleet view, a panel VS Code
// restores after a reload, a canned scenario — never by the tree, the connection or a command that shows
// no dashboard (src/webview/upgradeServices.ts holds the one loader).
import type * as vscode from 'vscode';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import type { JournalStore } from '../core/journal/journalStore';
import type { Clock } from '../shared/clock';
import { DashboardPanels } from './dashboardPanels';
import { promptLeaseRefusal } from './leasePrompt';
import { RunRegistry } from './runRegistry';
import { createRunStatusBar } from '../statusBar/runStatusBar';

export { dashboardActions, refreshDashboard } from '../commands/dashboardActions';
export { FleetPanel } from './fleetPanel';
export { followPlatformStart } from './platformStart';
export { platformPollMs, watchPlatformUpgrade } from './platformWatch';
export { parseCannedScenario, playScenario } from './scenarios/cannedScenario';

/** The dashboards and the runs they show, created once, when the host loads. */
export interface DashboardHost extends vscode.Disposable {
  readonly dashboards: DashboardPanels;
  readonly runs: RunRegistry;
}

export interface DashboardHostOptions {
  readonly extensionUri: vscode.Uri;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly journal: JournalStore;
  /** The gateway for a set (its tenant's token); rejects when signed out. */
  readonly gatewayFor: (ref: ScaleSetRef) => Promise<AzureGateway>;
  /** The tree's in-flight indicator for a set while `until` is pending. */
  readonly watch: (ref: ScaleSetRef, until: Promise<unknown>) => void;
}

export function createDashboardHost(options: DashboardHostOptions): DashboardHost {
  const { clock, log, journal } = options;
  const dashboards = new DashboardPanels(options.extensionUri, clock, log);
  const runs: RunRegistry = new RunRegistry({
    journal,
    clock,
    session: (id) => dashboards.session(id),
    gatewayFor: options.gatewayFor,
    watch: options.watch,
    finished: (id) => void dashboards.refresh(id),
    leaseRefused: (id, heldBy, reason) => void promptLeaseRefusal(runs, id, heldBy, reason, log),
  });
  const statusBar = createRunStatusBar(runs);
  return {
    dashboards,
    runs,
    dispose: () => {
      statusBar.dispose();
      dashboards.dispose();
    },
  };
}
