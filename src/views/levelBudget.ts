// VS Code renders a level of a tree only once every expanded child below it has loaded (AsyncDataTree's
// refresh awaits the whole expanded subtree before it renders — microsoft/vscode
// src/vs/base/browser/ui/tree/asyncDataTree.ts, refreshAndRenderNode/doRefreshSubTree). One slow
// subscription would hold back the whole first level. So a level that has not loaded within its budget
// answers with a "Loading…" row at once, and the caller is told when the real children are there.
import type { Clock } from '../shared/clock';

const late = Symbol('late');

/**
 * `load`'s result if it settles within `budgetMs` (on `clock`), otherwise `placeholder()` — and then
 * `onLoaded()` once `load` has settled, so the level can be asked again (it is cached by then).
 */
export async function withinBudget<T>(load: Promise<T>, budgetMs: number, clock: Clock, placeholder: () => T, onLoaded: () => void): Promise<T> {
  const timer = new AbortController();
  const expired = clock.sleep(budgetMs, timer.signal).then(
    () => late,
    () => undefined,
  );
  const first = await Promise.race([load, expired]);
  if (first !== late) {
    timer.abort();
    return first as T;
  }
  void load.then(onLoaded, onLoaded);
  return placeholder();
}
