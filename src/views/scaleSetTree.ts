// The "Scale Sets" view: subscriptions → scale sets → instances. Until a connection exists it
// returns no items, so VS Code shows the view's welcome content.
import * as vscode from 'vscode';

export class ScaleSetTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }
}
