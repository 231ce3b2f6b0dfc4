// Issue 14 in the real workbench: a Bicep file with a pinned image version gets R1 as a diagnostic at the
// version in the Bicep source (language id bicep, without the Bicep extension installed), and the quick
// fix writes `version: 'latest'` as Bicep, after which the diagnostic is gone.
// Screenshot: bicep-diagnostic (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readyBicepScaleSet } from '../unit/support/bicepScaleSet';
import { workbench, workbenchStartTimeoutMs } from './fixture';

const pinned = readyBicepScaleSet({ version: '1.2.3' });

describe('Bicep in the editor (issue 14)', function () {
  this.timeout(workbenchStartTimeoutMs);
  const page = () => workbench().page;

  after(async () => {
    await workbench().runCommand('View: Close All Editors').catch(() => undefined);
  });

  it('shows R1 at the pinned version and fixes it with a Bicep edit', async () => {
    writeFileSync(path.join(workbench().server.workspaceDir, 'web.bicep'), pinned);
    await page().keyboard.press('Control+P');
    const input = page().locator('.quick-input-widget input');
    await input.fill('web.bicep');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'web.bicep' }).first().waitFor({ timeout: 60_000 });
    await input.press('Enter');
    await page().locator('.tab.active', { hasText: 'web.bicep' }).waitFor({ timeout: 60_000 });
    const editor = page().locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 120_000 });
    await workbench().runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const problem = page().locator('.markers-panel .monaco-list-row', { hasText: /\bR1:/ }).first();
    await problem.waitFor({ timeout: 60_000 });
    assert.match(await problem.innerText(), /latest/);
    assert.ok(statSync(await workbench().screenshot('bicep-diagnostic')).size > 20_000);
    // The cursor onto the finding (the problem's row), then the quick fix menu.
    await problem.dblclick();
    await page().locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 30_000 });
    await page().keyboard.press('Control+.');
    const fix = page().locator('.action-widget .monaco-list-row', { hasText: "Set the image version to 'latest' (R1)" }).first();
    await fix.waitFor({ timeout: 60_000 });
    // The menu is driven by the keyboard: move to the fix, then Enter applies it.
    for (let i = 0; i < 10 && !(await page().locator('.action-widget .monaco-list-row.focused', { hasText: "Set the image version to 'latest' (R1)" }).count()); i++) await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: "version: 'latest'" }).waitFor({ timeout: 60_000 });
    await page().locator('.markers-panel .monaco-list-row', { hasText: /\bR1:/ }).first().waitFor({ state: 'detached', timeout: 60_000 });
  });
});
