// Wiring only: everything the extension does is registered here, once. Keep this file free of
// Azure SDK imports so that activation stays fast (the SDK loads on first use).
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { ConnectionManager } from './connection/connectionManager';
import { selectedSubscriptions, subscriptionsSetting } from './connection/settings';
import { startEmbeddedSimulator } from './simulator/loadSimulator';
import { ScaleSetTreeProvider, scaleSetsViewId } from './views/scaleSetTreeProvider';

export interface ExtensionApi {
  readonly tree: ScaleSetTreeProvider;
  readonly connection: ConnectionManager;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const connection = new ConnectionManager(context.globalState, { startSimulator: startEmbeddedSimulator });
  const tree = new ScaleSetTreeProvider({
    access: () => connection.access(),
    cloud: () => (connection.mode === 'signedOut' ? undefined : connection.cloud),
    selectedSubscriptions,
  });
  context.subscriptions.push(
    connection,
    tree,
    vscode.window.createTreeView(scaleSetsViewId, { treeDataProvider: tree, showCollapseAll: true }),
    connection.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(subscriptionsSetting)) tree.refresh();
    }),
    ...registerCommands({ context, connection, tree }),
  );
  // Not awaited: a silent session check must not delay activation.
  void connection.reevaluate();
  return { tree, connection };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
