// Polls a scale set only while an operation on it is in flight (issue 4, item 3): the orchestrator and
// the commands call watch(ref, untilPromise); when the promise settles, polling stops after one last
// read. Several watches of the same set share one poll loop. Time comes from the injected clock.
// A set nobody looks at (its subscription collapsed, the view hidden, no dashboard showing it) is not
// polled: its loop waits without a timer until someone does, then reads at once (issue 18, lookedAt.ts).
import type { ScaleSetRef } from '../azure/gateway';
import type { Clock } from '../shared/clock';
import type { ScaleSetTreeModel } from './treeModel';
import type { LookedAt } from './lookedAt';
import type { TreeNode } from './treeNodes';
import { scaleSetKey } from './treeNodes';

export interface Disposable {
  dispose(): void;
}

interface Watch {
  count: number;
  readonly stop: AbortController;
}

export class ScaleSetWatcher implements Disposable {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly model: ScaleSetTreeModel,
    private readonly notify: (nodes: readonly TreeNode[]) => void,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    /** Undefined: every watched set counts as looked at. */
    private readonly lookedAt?: LookedAt,
  ) {}

  /** Polls `ref` until `until` settles (or the returned handle is disposed). */
  watch(ref: ScaleSetRef, until: PromiseLike<unknown>): Disposable {
    const key = scaleSetKey(ref);
    let watch = this.watches.get(key);
    if (!watch) {
      watch = { count: 0, stop: new AbortController() };
      this.watches.set(key, watch);
      this.markWatching(ref, true);
      void this.poll(ref, watch.stop.signal);
    }
    watch.count++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void this.release(ref, key);
    };
    until.then(release, release);
    return { dispose: release };
  }

  isWatching(ref: ScaleSetRef): boolean {
    return this.watches.has(scaleSetKey(ref));
  }

  dispose(): void {
    for (const w of this.watches.values()) w.stop.abort();
    this.watches.clear();
  }

  private markWatching(ref: ScaleSetRef, watching: boolean): void {
    const node = this.model.setWatching(ref, watching);
    if (node) this.notify([node]);
  }

  private async release(ref: ScaleSetRef, key: string): Promise<void> {
    const watch = this.watches.get(key);
    if (!watch || --watch.count > 0) return;
    watch.stop.abort();
    this.watches.delete(key);
    const node = this.model.setWatching(ref, false);
    if (node) this.notify([node]);
    // One last read so the row shows the outcome, not the last in-flight state.
    await this.reload(ref);
  }

  private async poll(ref: ScaleSetRef, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.clock.sleep(this.intervalMs, signal);
        if (this.lookedAt && !this.lookedAt.isLookedAt(ref)) await this.lookedAt.whenLookedAt(ref, signal);
      } catch {
        return;
      }
      await this.reload(ref, signal);
    }
  }

  private async reload(ref: ScaleSetRef, signal?: AbortSignal): Promise<void> {
    const node = this.model.scaleSetNode(ref);
    // Not shown (its subscription is collapsed): nothing to update, no call.
    if (!node) return;
    try {
      await this.model.reloadScaleSet(node, signal);
    } catch {
      // A failed poll (throttling, a dropped connection) is retried at the next tick.
      if (signal?.aborted) return;
    }
    this.notify([node]);
  }
}
