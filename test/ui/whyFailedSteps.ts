// Steps the "Why did this fail?" UI tests share (default scenario: cache-tier has unhealthy instances, so
// Azure's rolling OS upgrade of it faults before it starts).
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { workbench } from './fixture';

/** Starts Azure's rolling OS upgrade of cache-tier (confirming the no-rollback dialog); resolves with the dashboard's explanation once it shows. */
export async function startCacheTierRollingUpgrade(): Promise<Locator> {
  const page = workbench().page;
  await workbench().runCommand('Azure Scale Sets: Start Azure Rolling OS Upgrade…');
  await workbench().choose('cache-tier');
  await page.locator('.monaco-dialog-box', { hasText: 'NO automatic rollback' }).waitFor({ timeout: 60_000 });
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Start Rolling Upgrade' }).click({ timeout: 60_000 });
  const why = workbench().webviewFrame().locator('#why .why-view[data-source="platform"]');
  await why.waitFor({ timeout: 90_000 });
  return why;
}

const workbenchClass = async (): Promise<string> => (await workbench().page.locator('.monaco-workbench').getAttribute('class')) ?? '';

/** Toggles light/dark (or the high-contrast pair) with VS Code's command and waits until the workbench shows `wanted`. */
export async function toggleTheme(wanted: RegExp): Promise<void> {
  // Take the keyboard out of the webview first: a palette command run while a webview has focus can
  // hand focus back to it when the palette closes (dashboardWalk.test.ts).
  await workbench().openViewContainer('Azure Scale Sets');
  await workbench().runCommand('Preferences: Toggle between Light/Dark Themes');
  for (let i = 0; i < 100 && !wanted.test(await workbenchClass()); i++) await workbench().page.waitForTimeout(100);
  assert.match(await workbenchClass(), wanted);
  await workbench().page.waitForTimeout(500);
}
