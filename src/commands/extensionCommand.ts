// The shape of one command: its id (as contributed in package.json) and a handler that receives the
// extension's services. One command per file; registerCommands.ts lists them.
import type * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ScaleSetTreeProvider } from '../views/scaleSetTreeProvider';
import type { UpgradeServices } from '../webview/upgradeServices';

export interface CommandServices {
  readonly context: vscode.ExtensionContext;
  readonly connection: ConnectionManager;
  readonly tree: ScaleSetTreeProvider;
  /** Dashboards, runs and the journal (issue 6). */
  readonly upgrades: UpgradeServices;
}

export interface ExtensionCommand {
  readonly id: string;
  run(services: CommandServices, ...args: unknown[]): unknown;
}
