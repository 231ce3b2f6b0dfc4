// Holds back a change event for a node while VS Code is still fetching that node's children. VS Code's
// extension host clears a node's registered children when the node is refreshed; a refresh that lands
// while the same node's children are being fetched registers them twice (microsoft/vscode#71698). For
// rows with an id that throws "Element with id … is already registered" and leaves the node expanded and
// empty (seen in deferral.test.ts). What makes that impossible is in treeItems.ts: rows below a
// subscription carry no id. This class makes the overlap rare and the redraws few: a change for a node
// with a load in flight — its own or a descendant's (keys are paths: `parent/child`) — fires after those
// loads have settled, plus a short settling time; several changes for one node meanwhile fire once. And a
// node's changes are spaced (`spacingMs`): the refetch a change causes reaches us only after VS Code's own
// debounce and a round trip to the workbench, and a second change in that gap would start a second
// refetch of the same children alongside it.
// Plain Node: no vscode import.
import type { TreeNode } from './treeNodes';

const rootKey = '';

export class TreeChangeScheduler {
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly held = new Map<string, TreeNode>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** When each node's change last fired (ms, performance.now()), while that is within `spacingMs`. */
  private readonly lastFired = new Map<string, number>();
  private disposed = false;

  constructor(
    private readonly fire: (nodes: TreeNode[]) => void,
    private readonly settleMs = 150,
    private readonly spacingMs = 500,
  ) {}

  /** Records a children load of `node` (undefined: the root) until it settles; returns it unchanged. */
  track<T>(node: TreeNode | undefined, load: Promise<T>): Promise<T> {
    const key = node?.key ?? rootKey;
    this.loading.set(key, load);
    const settled = () => {
      if (this.loading.get(key) === load) this.loading.delete(key);
      for (const heldKey of [...this.held.keys()]) if (isWithin(key, heldKey)) this.releaseLater(heldKey);
    };
    load.then(settled, settled);
    return load;
  }

  /** Fires the change now for nodes with no load in flight in their subtree; holds the others until those settle. */
  changed(nodes: readonly TreeNode[]): void {
    if (this.disposed) return;
    const now: TreeNode[] = [];
    for (const node of nodes) {
      if (this.loadingWithin(node.key)) this.held.set(node.key, node);
      else if (this.firedWithinSpacing(node.key)) {
        const alreadyWaiting = this.held.has(node.key);
        this.held.set(node.key, node);
        if (!alreadyWaiting) this.releaseLater(node.key);
      } else now.push(node);
    }
    if (now.length) this.fireNow(now);
  }

  /** Whether a change for this node is waiting for its load. */
  isHeld(node: TreeNode): boolean {
    return this.held.has(node.key);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held.clear();
  }

  private loadingWithin(key: string): boolean {
    for (const loadingKey of this.loading.keys()) if (isWithin(loadingKey, key)) return true;
    return false;
  }

  /** Whether a change of this node or of one above it (whose refetch takes this node's children along) fired within the spacing. */
  private firedWithinSpacing(key: string): boolean {
    const at = this.lastFiredAtOrAbove(key);
    return at !== undefined && performance.now() - at < this.spacingMs;
  }

  private lastFiredAtOrAbove(key: string): number | undefined {
    let latest: number | undefined;
    for (const [firedKey, at] of this.lastFired) if (isWithin(key, firedKey) && (latest === undefined || at > latest)) latest = at;
    return latest;
  }

  private fireNow(nodes: TreeNode[]): void {
    const now = performance.now();
    for (const [key, at] of this.lastFired) if (now - at >= this.spacingMs) this.lastFired.delete(key);
    for (const node of nodes) this.lastFired.set(node.key, now);
    this.fire(nodes);
  }

  private releaseLater(key: string): void {
    if (!this.held.has(key) || this.disposed) return;
    const at = this.lastFiredAtOrAbove(key);
    const delay = Math.max(this.settleMs, at === undefined ? 0 : at + this.spacingMs - performance.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Another load in the same subtree began meanwhile: its own settling releases the change.
      if (this.loadingWithin(key) || this.disposed) return;
      const node = this.held.get(key);
      this.held.delete(key);
      if (node) this.fireNow([node]);
    }, delay);
    this.timers.add(timer);
  }
}

/** Whether `key` is `ancestor` or lies below it. */
function isWithin(key: string, ancestor: string): boolean {
  return key === ancestor || key.startsWith(`${ancestor}/`);
}
