// Wiring only: everything the extension does is registered here, once. Keep this file free of
// Azure SDK imports so that activation stays fast (the SDK loads on first use).
import * as vscode from 'vscode';
import { ScaleSetTreeProvider } from './views/scaleSetTree';

export interface ExtensionApi {
  readonly tree: ScaleSetTreeProvider;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const tree = new ScaleSetTreeProvider();
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('vmssUpgrades.scaleSets', tree),
    vscode.commands.registerCommand('vmssUpgrades.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('vmssUpgrades.signIn', () => vscode.window.showInformationMessage(vscode.l10n.t('Sign-in is not available yet.'))),
    vscode.commands.registerCommand('vmssUpgrades.useSimulator', () => vscode.window.showInformationMessage(vscode.l10n.t('The simulator is not available yet.'))),
  );
  return { tree };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
