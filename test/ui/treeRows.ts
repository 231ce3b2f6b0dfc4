// Rows of the Azure Scale Sets tree as the UI tests reach them. Clicking a row leaves the mouse on it, and
// after a moment the workbench shows that row's tooltip (our Markdown table: version, health, …) as a hover
// *over the rows below*. A following click on a neighbour then waits on a hover that never goes away (the
// mouse never moved): CI run of session 6 failed that way. So every click here moves the mouse off the tree
// before and after.
import type { Locator, Page } from 'playwright-core';

/** The tree row whose label (not description) is exactly `label`, or matches it. */
export function treeRow(sideBar: Locator, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
  return sideBar.locator('.monaco-list-row', { has: sideBar.page().locator('.label-name', { hasText: name }) });
}

/** Expands `target` (waiting for it to show) unless it already is; resolves once the tree says it is expanded. */
export async function expandRow(target: Locator): Promise<Locator> {
  await target.waitFor({ state: 'visible', timeout: 60_000 });
  if ((await target.getAttribute('aria-expanded')) !== 'true') await clickRow(target);
  for (let i = 0; i < 50 && (await target.getAttribute('aria-expanded')) !== 'true'; i++) await target.page().waitForTimeout(100);
  return target;
}

/** Clicks a tree row with no tooltip hover in the way, and leaves none behind. */
export async function clickRow(target: Locator): Promise<void> {
  await moveOffTree(target.page());
  await target.click();
  await moveOffTree(target.page());
}

/**
 * Hovers a row's label until the workbench shows its tooltip containing `text`, and returns that hover. A
 * row redrawn under a still mouse (a change landing just then) drops the hover and shows none until the
 * mouse moves (CI run 8.3: the maintenance-window row, redrawn right after its window was set), so the
 * mouse leaves the tree and comes back, as a user would.
 */
export async function hoverRow(target: Locator, text: string, timeoutMs = 30_000): Promise<Locator> {
  const page = target.page();
  const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: text }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await moveOffTree(page);
    await target.locator('.label-name').hover();
    const shown = await hover.waitFor({ state: 'visible', timeout: Math.min(3_000, Math.max(1, deadline - Date.now())) }).then(() => true, () => false);
    if (shown) return hover;
    if (Date.now() >= deadline) throw new Error(`no tooltip with "${text}" over the row within ${timeoutMs} ms`);
  }
}

async function moveOffTree(page: Page): Promise<void> {
  // The editor area shows no workbench hover of its own (a webview there handles its own pointer events).
  const editor = await page.locator('.part.editor').boundingBox();
  if (editor) await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height - 20);
  await page.locator('.context-view .monaco-hover, .context-view .workbench-hover').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
