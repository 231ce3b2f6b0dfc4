// Wiring only: everything the extension does is registered here, once. Keep this file free of
// Azure SDK imports so that activation stays fast (the SDK loads on first use).
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { ConnectionManager } from './connection/connectionManager';
import { selectedSubscriptions, subscriptionsSetting } from './connection/settings';
import { sharedSimulatorProcess } from './connection/sharedSimulator';
import { ScaleSetTreeProvider, scaleSetsViewId } from './views/scaleSetTreeProvider';
import { createExtensionLog } from './log/extensionLog';
import { httpLogPolicy } from './log/httpLogPolicy';
import { setupTelemetry } from './telemetry/setupTelemetry';
import { instrumentCommand } from './telemetry/instrumentCommand';
import { connectionKind } from './telemetry/connectionKind';
import { reportRuns } from './telemetry/reportRuns';
import { reportLint } from './telemetry/reportLint';
import type { Telemetry } from './telemetry/telemetry';
import type { CaptureSink } from './telemetry/captureSink';
import { createUpgradeServices, type UpgradeServices } from './webview/upgradeServices';
import { dashboardActions } from './commands/dashboardActions';
import { gatewayForRef } from './commands/scaleSetTarget';
import { offerUnfinishedRuns } from './commands/offerUnfinishedRuns';
import { realClock } from './shared/clock';
import type { DashboardTraffic } from './webview/dashboardPanels';
import { registerTemplateLinting } from './language/registerTemplateLinting';

export interface ExtensionApi {
  readonly tree: ScaleSetTreeProvider;
  readonly connection: ConnectionManager;
  /** The "Azure Scale Sets" log (redacted). */
  readonly log: vscode.LogOutputChannel;
  readonly telemetry: Telemetry;
  /** Test hook: every telemetry event emitted (absent in production mode unless a capture file is named). */
  readonly telemetryCapture?: CaptureSink;
  /** Test hook: every message a dashboard webview received or sent (issue 6). */
  readonly onDashboardMessage: vscode.Event<DashboardTraffic>;
  /** Dashboards, embedded runs and the journal (issue 6), for tests that drive a run without the quick picks. */
  readonly upgrades: UpgradeServices;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activationStarted = performance.now();
  const log = createExtensionLog();
  const { telemetry, capture } = setupTelemetry(context);
  // The simulator runs in its own process so that a window reload keeps its world (issue 6).
  const simulator = sharedSimulatorProcess(context.globalStorageUri.fsPath, vscode.Uri.joinPath(context.extensionUri, 'dist', 'simulator-server.js').fsPath);
  const connection = new ConnectionManager(context.globalState, { startSimulator: simulator.start, stopDetachedSimulator: simulator.stop, policies: [httpLogPolicy(log)] });
  const tree = new ScaleSetTreeProvider({
    access: () => connection.access(),
    cloud: () => (connection.mode === 'signedOut' ? undefined : connection.cloud),
    selectedSubscriptions,
  });
  const upgrades = createUpgradeServices(context, log, {
    gatewayFor: async (ref) => (await gatewayForRef({ connection, tree }, ref)) ?? Promise.reject(new Error(vscode.l10n.t('Sign in to Azure or use the simulator first.'))),
    watch: (ref, until) => tree.watch(ref, until),
    currentClock: () => connection.clock ?? realClock,
  });
  const services = { context, connection, tree, upgrades };
  upgrades.dashboards.setActions(dashboardActions(services));
  context.subscriptions.push(
    log,
    upgrades,
    connection,
    tree,
    vscode.window.createTreeView(scaleSetsViewId, { treeDataProvider: tree, showCollapseAll: true }),
    connection.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(subscriptionsSetting)) tree.refresh();
    }),
    ...registerCommands(services, (id, handler) => instrumentCommand(telemetry, id, handler)),
    { dispose: reportRuns(telemetry, upgrades.runs, () => connectionKind(connection.mode)) },
    reportLint(telemetry),
  );
  registerTemplateLinting(context);
  // Not awaited: a silent session check must not delay activation.
  const activationMs = Math.round(performance.now() - activationStarted);
  void connection.reevaluate().finally(() => telemetry.send('activation', { connection: connectionKind(connection.mode) }, { durationMs: activationMs }));
  // Runs a reload interrupted are offered for resume once the connection is known (never blocking activation).
  void connection.settled().then(() => offerUnfinishedRuns(services));
  return { tree, connection, log, telemetry, onDashboardMessage: upgrades.dashboards.onDidExchangeMessage, upgrades, ...(capture ? { telemetryCapture: capture } : {}) };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
