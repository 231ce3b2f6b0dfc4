// Who looks at a scale set (issue 18): its row in the Scale Sets view (the view is visible and the set's
// subscription is expanded) or its dashboard (open and visible). The background watchers poll only sets
// someone looks at; the rest wait, with no timer, until someone does. Plain Node: the provider and the
// dashboards feed it from VS Code's events (TreeView visibility, onDidExpandElement/onDidCollapseElement,
// WebviewPanel visibility).
import type { ScaleSetRef } from '../azure/gateway';
import { abortError } from '../shared/clock';
import { scaleSetKey, subscriptionKey } from './treeNodes';

export interface Disposable {
  dispose(): void;
}

export class LookedAt {
  private viewVisible = true;
  private readonly expanded = new Set<string>();
  private readonly dashboards = new Set<string>();
  private readonly listeners = new Set<() => void>();

  /** The Scale Sets view was shown or hidden (it starts as shown: features load when it is). */
  setViewVisible(visible: boolean): void {
    if (this.viewVisible === visible) return;
    this.viewVisible = visible;
    this.changed();
  }

  /** A row (by key) was expanded or collapsed; only subscription rows decide whether a set is seen. */
  setExpanded(key: string, expanded: boolean): void {
    if (this.expanded.has(key) === expanded) return;
    if (expanded) this.expanded.add(key);
    else this.expanded.delete(key);
    this.changed();
  }

  /** A dashboard of the set is open and visible (true) or hidden or closed (false). */
  setDashboardVisible(ref: ScaleSetRef, visible: boolean): void {
    const key = scaleSetKey(ref);
    if (this.dashboards.has(key) === visible) return;
    if (visible) this.dashboards.add(key);
    else this.dashboards.delete(key);
    this.changed();
  }

  isLookedAt(ref: ScaleSetRef): boolean {
    return (this.viewVisible && this.expanded.has(subscriptionKey(ref.subscriptionId))) || this.dashboards.has(scaleSetKey(ref));
  }

  /** Resolves once someone looks at the set (at once if someone does); rejects when `signal` aborts. */
  whenLookedAt(ref: ScaleSetRef, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(abortError(signal));
    if (this.isLookedAt(ref)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.isLookedAt(ref)) return;
        done();
        resolve();
      };
      const onAbort = () => {
        done();
        reject(abortError(signal));
      };
      const done = () => {
        this.listeners.delete(check);
        signal.removeEventListener('abort', onAbort);
      };
      this.listeners.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Sets waiting to be looked at (a test and benchmark probe). */
  get waiting(): number {
    return this.listeners.size;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
