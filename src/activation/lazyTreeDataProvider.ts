// A tree data provider that loads the real one when VS Code first asks for the tree (the view became
// visible), so that registering the view at activation costs nothing more (issue 18).
import * as vscode from 'vscode';

export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  private provider: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: () => vscode.TreeDataProvider<T>) {}

  /** The real provider, loaded on first call; its change events are forwarded from then on. */
  private real(): vscode.TreeDataProvider<T> {
    if (!this.provider) {
      this.provider = this.load();
      this.forwarding = this.provider.onDidChangeTreeData?.((e) => this.changed.fire(e));
    }
    return this.provider;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.real().getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real().getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
