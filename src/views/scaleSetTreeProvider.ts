// The "Scale Sets" view: subscriptions → scale sets → zones → update domains → instances (issue 4).
// Loading lives in ScaleSetTreeModel (plain Node); this class adds what needs VS Code: a progress bar on
// the view while children load, a "cancel loading" that aborts the requests in flight, change events,
// and watch(ref, until) — polling one scale set while an operation on it runs.
import * as vscode from 'vscode';
import { scaleSetsViewId } from '../activation/contributionIds';
import type { ScaleSetRef } from '../azure/gateway';
import type { CloudName } from '../azure/clouds';
import type { AzureAccess } from '../connection/azureAccess';
import { type Clock, realClock } from '../shared/clock';
import { ScaleSetTreeModel } from './treeModel';
import type { ScaleSetNode, TreeNode } from './treeNodes';
import { toTreeItem } from './treeItems';
import { ScaleSetWatcher } from './scaleSetWatcher';
import { LookedAt } from './lookedAt';
import { TreeChangeScheduler } from './treeChangeScheduler';
import type { ExpansionMemory } from './expansionMemory';
import { sharedAbortController } from './sharedAbortController';

export { scaleSetsViewId };
export const loadingContextKey = 'vmssUpgrades.loading';
const defaultLevelBudgetMs = 250;

export interface ScaleSetTreeOptions {
  access(): Promise<AzureAccess | undefined>;
  cloud(): CloudName | undefined;
  selectedSubscriptions(): readonly string[];
  /** How often a watched scale set is read again (default 5 s). */
  pollIntervalMs?: number;
  /** How long a level may hold back the level above before it shows "Loading…" (default 250 ms, levelBudget.ts). */
  levelBudgetMs?: number;
  clock?: Clock;
  /** The connection's time (simulated on the simulator), for the rows' maintenance windows; default: real time. */
  now?(): number;
  /** Subscriptions left expanded, kept across reloads (globalState). */
  expansion?: ExpansionMemory;
}

export class ScaleSetTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly model: ScaleSetTreeModel;
  /** Which sets someone looks at: the watchers poll only those (issue 18). */
  readonly lookedAt = new LookedAt();
  private readonly watcher: ScaleSetWatcher;
  private loads = sharedAbortController();
  private inFlight = 0;
  /** Row updates found while loading wait until VS Code has the children (fewer overlapping refetches: treeChangeScheduler.ts). */
  private readonly changes = new TreeChangeScheduler((nodes) => this.changed.fire(nodes));

  constructor(private readonly options: ScaleSetTreeOptions) {
    this.model = new ScaleSetTreeModel({
      access: options.access,
      selectedSubscriptions: options.selectedSubscriptions,
      onNodesChanged: (nodes) => this.changes.changed(nodes),
      levelBudget: { ms: options.levelBudgetMs ?? defaultLevelBudgetMs, clock: options.clock ?? realClock },
      ...(options.expansion ? { expansion: options.expansion } : {}),
    });
    this.watcher = new ScaleSetWatcher(this.model, (nodes) => this.changes.changed(nodes), options.clock ?? realClock, options.pollIntervalMs ?? 5000, this.lookedAt);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.options.cloud(), this.options.now?.() ?? Date.now());
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    // VS Code asks for the children of expanded rows only.
    if (node?.kind === 'subscription') {
      this.lookedAt.setExpanded(node.key, true);
      this.model.rememberExpanded(node, true);
    }
    // Group rows and reloads after a change event are served from the cache: no progress bar.
    const signal = this.loads.signal;
    const load = this.model.cachedChildren(node) ?? this.withLoading(() => this.model.getChildren(node, signal));
    // Changes to the node wait for its real children (VS Code's refresh race, treeChangeScheduler.ts),
    // also when the level is first shown as "Loading…" because it took longer than its budget
    // (levelBudget.ts): the row is then redrawn once, after the list is in.
    return this.model.withinLevelBudget(node, this.changes.track(node, load));
  }

  /** TreeView.onDidChangeVisibility. */
  setViewVisible(visible: boolean): void {
    this.lookedAt.setViewVisible(visible);
  }

  /** TreeView.onDidExpandElement / onDidCollapseElement. */
  setExpanded(node: TreeNode, expanded: boolean): void {
    this.lookedAt.setExpanded(node.key, expanded);
    this.model.rememberExpanded(node, expanded);
  }

  /** Reloads a node's subtree (undefined: the whole tree). */
  refresh(node?: TreeNode): void {
    this.model.invalidate(node);
    this.changed.fire(node);
  }

  /** Aborts every load in flight; the affected levels show "Loading cancelled" with Retry. */
  cancelLoading(): void {
    this.loads.abort();
    this.loads = sharedAbortController();
  }

  /** Polls a scale set while `until` is pending (the orchestrator and commands call this). */
  watch(ref: ScaleSetRef, until: PromiseLike<unknown>): vscode.Disposable {
    return this.watcher.watch(ref, until);
  }

  scaleSetNode(ref: ScaleSetRef): ScaleSetNode | undefined {
    return this.model.scaleSetNode(ref);
  }

  dispose(): void {
    this.watcher.dispose();
    this.changes.dispose();
    this.model.dispose();
    this.loads.abort();
    this.changed.dispose();
  }

  private async withLoading<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight++ === 0) void vscode.commands.executeCommand('setContext', loadingContextKey, true);
    try {
      return await vscode.window.withProgress({ location: { viewId: scaleSetsViewId } }, work);
    } finally {
      if (--this.inFlight === 0) void vscode.commands.executeCommand('setContext', loadingContextKey, false);
    }
  }
}
