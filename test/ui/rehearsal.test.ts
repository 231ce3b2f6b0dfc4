// Issue 15 as a user does it: "Rehearse This Upgrade…" on the simulator's web-frontend with one instance
// that never becomes healthy (the canary's, so the run aborts before its gate); the dashboard says it is a
// rehearsal and what it assumed, and "Run this plan on the scale set" (confirmed in a dialog) starts the
// real run of the same plan, no longer labelled a rehearsal.
// Screenshot: rehearsal-dashboard (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { workbench, workbenchStartTimeoutMs } from './fixture';

const scenario = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const web = scenario.scaleSets.find((s) => s.name === 'web-frontend')!;
const subscription = scenario.subscriptions.find((s) => s.subscriptionId === web.subscriptionId)!.displayName;

describe('rehearse an upgrade in the workbench (issue 15)', function () {
  this.timeout(workbenchStartTimeoutMs);
  let sideBar: Locator;
  const page = () => workbench().page;
  const quickInput = () => page().locator('.quick-input-widget');

  /** Types the row's text into the pick and takes it (test/host/workbench.ts: also after an input box). */
  const choose = (text: string) => workbench().choose(text);

  /** A multi-select pick: tick the rows with these texts (none: accept as it is) once the list shows. */
  async function tick(waitForRow: string, ...rows: string[]): Promise<void> {
    await quickInput().locator('.quick-input-list .monaco-list-row', { hasText: waitForRow }).first().waitFor({ timeout: 60_000 });
    // A click on a row of a multi-select pick toggles its checkbox.
    for (const text of rows) await quickInput().locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
    await quickInput().locator('input.input').press('Enter');
  }

  async function type(text: string): Promise<void> {
    const input = quickInput().locator('input.input');
    await input.waitFor({ state: 'visible', timeout: 60_000 });
    await input.fill(text);
    await input.press('Enter');
  }

  before(async () => {
    await workbench().runCommand('View: Close All Editors');
    sideBar = await workbench().openViewContainer('Azure Scale Sets');
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).click();
    await sideBar.locator('.monaco-list-row', { hasText: subscription }).first().waitFor({ state: 'visible', timeout: 60_000 });
  });

  after(async () => {
    await workbench().runCommand('View: Close All Editors').catch(() => undefined);
    await workbench().runCommand('Azure Scale Sets: Sign Out');
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).waitFor({ state: 'visible' });
  });

  it('runs on a private simulator, labelled, and then for real with the same plan', async () => {
    await workbench().runCommand('Azure Scale Sets: Rehearse This Upgrade…');
    await choose(web.name);
    await choose('Newest version of the current image');
    await choose('Fixed batch size…');
    await type('5');
    await choose('Canary of 1 instance');
    // Gates: "after the canary" comes ticked.
    await tick('After each batch');
    await choose("Use the scale set's rolling upgrade policy");
    await tick('never become healthy', 'never become healthy');
    await type('1');
    const dashboard = workbench().webviewFrame();
    const note = dashboard.locator('#run-rehearsal');
    await note.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await note.innerText(), /Rehearsal on a private simulator of this set — nothing in Azure changes/);
    assert.match(await note.innerText(), /never healthy on the new image: \d+/);
    await dashboard.locator('#run-status:is([data-status="aborted"], [data-status="completedWithFailures"], [data-status="completed"])').waitFor({ timeout: 180_000 });
    assert.ok(Number(await dashboard.locator('[data-count="rolledBack"]').innerText()) + Number(await dashboard.locator('[data-count="failed"]').innerText()) >= 1, 'the never-healthy instance failed in the rehearsal');
    const file = await workbench().screenshot('rehearsal-dashboard');
    assert.ok(statSync(file).size > 20_000, `${file} looks empty`);
    await dashboard.getByRole('button', { name: 'Run this plan on the scale set' }).click();
    await page().locator('.monaco-dialog-box').getByRole('button', { name: `Run on ${web.name}` }).click({ timeout: 60_000 });
    await dashboard.locator('#run-rehearsal').waitFor({ state: 'hidden', timeout: 60_000 });
    await dashboard.locator('#run-status:is([data-status="running"], [data-status="waitingApproval"])').waitFor({ timeout: 60_000 });
    await dashboard.getByRole('button', { name: 'Stop now' }).click();
    await dashboard.locator('#run-status[data-status="cancelled"]').waitFor({ timeout: 180_000 });
  });
});
