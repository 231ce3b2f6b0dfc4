// Everything the extension does beyond registering its contributions: connection, tree, dashboards,
// runs and command handlers. Its own bundle (dist/extension-features.js), loaded by the activation
// bundle on first use (a command, the Scale Sets view, a restored dashboard, the API) — issue 18. The
// dashboards themselves (the webview host) load later still, with the first dashboard (upgradeServices.ts).
import * as vscode from 'vscode';
import { commandHandlers, type CommandHandler } from '../commands/registerCommands';
import { ConnectionManager } from '../connection/connectionManager';
import { selectedSubscriptions, subscriptionsSetting } from '../connection/settings';
import { sharedSimulatorProcess } from '../connection/sharedSimulator';
import { ScaleSetTreeProvider } from '../views/scaleSetTreeProvider';
import { ExpansionMemory } from '../views/expansionMemory';
import { createExtensionLog } from '../log/extensionLog';
import { httpLogPolicy } from '../log/httpLogPolicy';
import { instrumentCommand } from '../telemetry/instrumentCommand';
import { connectionKind } from '../telemetry/connectionKind';
import { reportRuns } from '../telemetry/reportRuns';
import type { Telemetry } from '../telemetry/telemetry';
import { createUpgradeServices, type UpgradeServices } from '../webview/upgradeServices';
import { gatewayForRef } from '../commands/scaleSetTarget';
import { offerUnfinishedRuns } from '../commands/offerUnfinishedRuns';
import { realClock } from '../shared/clock';
import { scaleSetRefFromId } from '../azure/gateway';

export interface Features {
  readonly tree: ScaleSetTreeProvider;
  readonly connection: ConnectionManager;
  readonly log: vscode.LogOutputChannel;
  readonly upgrades: UpgradeServices;
  /** Handlers by command id; the activation bundle registered the ids. */
  readonly commands: ReadonlyMap<string, CommandHandler>;
}

export interface FeatureOptions {
  readonly telemetry: Telemetry;
  /** How long the activation bundle's activate() took (the `activation` event's duration). */
  readonly activationMs: number;
}

export function activateFeatures(context: vscode.ExtensionContext, options: FeatureOptions): Features {
  const { telemetry } = options;
  const log = createExtensionLog();
  // The simulator runs in its own process so that a window reload keeps its world (issue 6).
  const simulator = sharedSimulatorProcess(context.globalStorageUri.fsPath, vscode.Uri.joinPath(context.extensionUri, 'dist', 'simulator-server.js').fsPath);
  const expansion = new ExpansionMemory(context.globalState);
  const connection = new ConnectionManager(context.globalState, {
    startSimulator: simulator.start,
    stopDetachedSimulator: simulator.stop,
    policies: [httpLogPolicy(log)],
    // The first load after a reload lists the subscriptions and every one left expanded, all at once.
    rememberedExpansions: (cloud) => expansion.remembered(cloud),
  });
  const tree = new ScaleSetTreeProvider({
    access: () => connection.access(),
    cloud: () => (connection.mode === 'signedOut' ? undefined : connection.cloud),
    selectedSubscriptions,
    now: () => (connection.clock ?? realClock).now(),
    expansion,
  });
  const upgrades = createUpgradeServices(context, log, {
    gatewayFor: async (ref) => (await gatewayForRef({ connection, tree }, ref)) ?? Promise.reject(new Error(vscode.l10n.t('Sign in to Azure or use the simulator first.'))),
    watch: (ref, until) => tree.watch(ref, until),
    currentClock: () => connection.clock ?? realClock,
    // The webview host loads with the first dashboard (issue 18); then it gets its wiring.
    hostLoaded: (host, module) => {
      host.dashboards.setActions(module.dashboardActions(services));
      host.dashboards.setVisibilityListener((id, visible) => tree.lookedAt.setDashboardVisible(scaleSetRefFromId(id), visible));
      context.subscriptions.push({ dispose: reportRuns(telemetry, host.runs, () => connectionKind(connection.mode)) });
    },
  });
  const services = { context, connection, tree, upgrades };
  context.subscriptions.push(
    log,
    upgrades,
    connection,
    tree,
    connection.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(subscriptionsSetting)) tree.refresh();
    }),
  );
  // Not awaited: a silent session check must not delay the first command or view.
  void connection.reevaluate().finally(() => telemetry.send('activation', { connection: connectionKind(connection.mode) }, { durationMs: options.activationMs }));
  // Runs a reload interrupted are offered for resume once the connection is known (never blocking).
  void connection.settled().then(() => offerUnfinishedRuns(services));
  return { tree, connection, log, upgrades, commands: commandHandlers(services, (id, handler) => instrumentCommand(telemetry, id, handler)) };
}
