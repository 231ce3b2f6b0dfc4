// The activation bundle (issue 18): registration only. It registers every contribution — commands, the
// Scale Sets view, the dashboard serializer — with handlers that load the extension's features on first
// use (dist/extension-features.js), and loads the template linter (dist/template-linting.js) only once a
// document looks like a deployment template. Keep imports here light: each one is paid by every JSON file
// a user opens.
import path from 'node:path';
import * as vscode from 'vscode';
import { dashboardViewType, scaleSetsViewId } from './activation/contributionIds';
import type { Features } from './activation/extension-features';
import { LazyTreeDataProvider } from './activation/lazyTreeDataProvider';
import { loadFeaturesModule, loadTemplateLintingModule } from './activation/loadFeatures';
import { whenTemplateOpens } from './activation/templateSniff';
import { mayHoldUnfinishedRun } from './activation/unfinishedRunHint';
import { setupTelemetry } from './telemetry/setupTelemetry';
import type { Telemetry } from './telemetry/telemetry';
import type { CaptureSink } from './telemetry/captureSink';
import type { ConnectionManager } from './connection/connectionManager';
import type { ScaleSetTreeProvider } from './views/scaleSetTreeProvider';
import type { UpgradeServices } from './webview/upgradeServices';
import type { DashboardTraffic } from './webview/dashboardPanels';
import type { TreeNode } from './views/treeNodes';

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

function contributedCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activationStarted = performance.now();
  const { telemetry, capture } = setupTelemetry(context);
  let activationMs = 0;
  let loaded: Features | undefined;
  // Declared before the features: they may load while createTreeView is still registering the view.
  const view: { current?: vscode.TreeView<TreeNode> } = {};
  const features = (): Features => {
    if (!loaded) {
      loaded = loadFeaturesModule().activateFeatures(context, { telemetry, activationMs });
      // The watchers poll only what is seen (issue 18): tell the tree whether the view is shown.
      loaded.tree.setViewVisible(view.current?.visible ?? true);
    }
    return loaded;
  };

  const treeProvider = new LazyTreeDataProvider<TreeNode>(() => features().tree);
  const treeView = (view.current = vscode.window.createTreeView(scaleSetsViewId, { treeDataProvider: treeProvider, showCollapseAll: true }));
  // What the view shows decides which sets the background watchers poll (issue 18); before the
  // features load nothing polls.
  context.subscriptions.push(
    treeProvider,
    treeView,
    treeView.onDidChangeVisibility((e) => loaded?.tree.setViewVisible(e.visible)),
    treeView.onDidExpandElement((e) => loaded?.tree.setExpanded(e.element, true)),
    treeView.onDidCollapseElement((e) => loaded?.tree.setExpanded(e.element, false)),
    ...contributedCommands(context).map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        const handler = features().commands.get(id);
        if (!handler) throw new Error(`vmss-upgrades: no handler for ${id}`);
        return handler(...args);
      }),
    ),
    // Registered here so that VS Code can restore a panel after a reload; the features and then the
    // webview host (dist/webview-host.js) load only when it does.
    vscode.window.registerWebviewPanelSerializer(dashboardViewType, { deserializeWebviewPanel: (panel, state) => features().upgrades.dashboards.restore(panel, state) }),
    whenTemplateOpens(() => loadTemplateLintingModule().activateTemplateLinting(context, telemetry)),
  );
  // Canned dashboard scenarios are a development tool: their menu entries show outside production only.
  void vscode.commands.executeCommand('setContext', 'vmssUpgrades.devMode', context.extensionMode !== vscode.ExtensionMode.Production);
  // A run a reload interrupted is offered for resume at start (the features confirm and offer it).
  if (mayHoldUnfinishedRun(path.join(context.globalStorageUri.fsPath, 'journal'))) {
    setTimeout(() => {
      try {
        features();
      } catch (err) {
        console.error('vmss-upgrades: loading the features failed', err);
      }
    }, 0);
  }
  activationMs = Math.round(performance.now() - activationStarted);
  return {
    get tree() {
      return features().tree;
    },
    get connection() {
      return features().connection;
    },
    get log() {
      return features().log;
    },
    get upgrades() {
      return features().upgrades;
    },
    get onDashboardMessage() {
      return features().upgrades.dashboards.onDidExchangeMessage;
    },
    telemetry,
    ...(capture ? { telemetryCapture: capture } : {}),
  };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
