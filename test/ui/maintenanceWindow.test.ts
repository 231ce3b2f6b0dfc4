// Issue 16 in a real VS Code (code-server + Chromium) on the simulator's maintenance-window scenario
// (src/simulator/scenarios/maintenance-window.json: the default world from 2026-11-02 08:00 UTC at 60×): a user
// sets web-frontend's OS-image maintenance window (daily 22:00 UTC for 5 hours) with "Set Maintenance Window…",
// sees it on the set's row in the tree (schedule, time zone, next window), plans an embedded run that starts
// batches only inside that window, starts it, and the dashboard shows the run waiting for the window to open,
// with the window in its header.
// Then the metric gate: web-frontend's CPU is 97 throughout, so a run whose bake watches Percentage CPU>90
// breaches at its first bake, rolls the batch back and stops, and the bake card shows the metric's evidence.
// Screenshots: maintenance-window-tree, maintenance-window-dashboard, dashboard-bake-metric-breach
// (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { useScenarioWorkbench, workbench, workbenchStartTimeoutMs } from './fixture';
import { expandRow, hoverRow, treeRow } from './treeRows';

const scenarioFile = path.join(repoRoot, 'src', 'simulator', 'scenarios', 'maintenance-window.json');
const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8')) as Scenario;
const webFrontend = scenario.scaleSets.find((s) => s.name === 'web-frontend')!;
const subscription = scenario.subscriptions.find((s) => s.subscriptionId === webFrontend.subscriptionId)!.displayName;

describe('maintenance windows in the workbench (issue 16)', function () {
  this.timeout(workbenchStartTimeoutMs * 2);
  let sideBar: Locator;
  const page = () => workbench().page;
  const quickInput = () => page().locator('.quick-input-widget');
  const dashboard = () => workbench().webviewFrame();
  const row = (label: string) => treeRow(sideBar, label);

  const expand = expandRow;

  const choose = (text: string) => workbench().choose(text);

  async function type(prompt: RegExp, value: string): Promise<void> {
    await quickInput().locator('.quick-input-message, .quick-input-header', { hasText: prompt }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const input = quickInput().locator('input.input');
    await input.fill(value);
    await input.press('Enter');
  }

  useScenarioWorkbench(scenarioFile, (opened) => {
    sideBar = opened;
    return row(subscription);
  });

  it("sets web-frontend's window and shows it on the set's row: schedule, time zone, next window", async () => {
    await expand(row(subscription));
    await row('web-frontend').waitFor({ state: 'visible', timeout: 60_000 });
    await workbench().runCommand('Azure Scale Sets: Set Maintenance Window…');
    await choose('web-frontend');
    // Time zone: the Windows id "UTC" itself (filtering by "UTC" lists UTC+12, UTC-02, … too).
    await quickInput().locator('input.input').fill('UTC');
    await quickInput().locator('.quick-input-list .monaco-list-row', { has: page().locator('.label-name', { hasText: /^UTC$/ }) }).first().click();
    await type(/First window start in UTC/, '2026-11-01 22:00');
    await type(/Duration HH:mm/, '05:00');
    await workbench().notification(/now run only in its maintenance window/).waitFor({ state: 'visible', timeout: 60_000 });

    const web = row('web-frontend');
    for (let i = 0; i < 50 && !/window Day 22:00/.test(await web.innerText()); i++) await page().waitForTimeout(200);
    // Simulated now is 2026-11-02 between 08:00 and 22:00 UTC: the next window opens at 22:00 that day.
    assert.match(await web.innerText(), /window Day 22:00 for 05:00 \(UTC\), next 2026-11-02 22:00 UTC/);

    const box = (await page().locator('.part.sidebar').boundingBox())!;
    await page().mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await page().mouse.down();
    await page().mouse.move(box.x + box.width + 760, box.y + box.height / 2, { steps: 10 });
    await page().mouse.up();
    // The row's tooltip lists the window too (configuration, schedule, time zone, next window).
    const tooltip = await hoverRow(web, 'Maintenance window (OS image)', 10_000);
    assert.match(await tooltip.innerText(), /Day 22:00 for 05:00 · web-frontend-osimage[\s\S]*Window time zone\s*UTC[\s\S]*Next window\s*next 2026-11-02 22:00 UTC/);
    const shot = await workbench().screenshot('maintenance-window-tree');
    assert.ok(statSync(shot).size > 20_000, `${shot} looks empty`);
  });

  it('plans a run inside the window, starts it, and the dashboard shows it waiting for the window to open', async () => {
    await workbench().runCommand('Azure Scale Sets: Run OS Upgrade with the Embedded Orchestrator…');
    await choose('web-frontend');
    await choose('Newest version of the current image');
    await choose('Percentage batches');
    await choose('No canary');
    await quickInput().locator('input.input').fill('maintenance window');
    await quickInput().locator('.quick-input-list .monaco-list-row', { hasText: "Start batches only inside the scale set's maintenance window" }).first().click();
    await quickInput().locator('input.input').press('Enter');
    await choose("Use the scale set's rolling upgrade policy");

    await dashboard().locator('#run-status[data-status="planned"]').waitFor({ timeout: 60_000 });
    await dashboard().getByRole('button', { name: 'Start run' }).click();
    await dashboard().locator('#run-status[data-status="waitingForWindow"]').waitFor({ timeout: 90_000 });
    assert.match(await dashboard().locator('#run-status').innerText(), /Waiting for the maintenance window until 2026-11-02 22:00 UTC/);
    const header = dashboard().locator('#header-window');
    for (let i = 0; i < 30 && !(await header.isVisible()); i++) {
      if (i === 10) await dashboard().getByRole('button', { name: 'Refresh' }).click();
      await page().waitForTimeout(500);
    }
    assert.match(await header.innerText(), /^Maintenance window \(web-frontend-osimage\): Day 22:00 for 05:00, UTC — next 2026-11-02 22:00 UTC$/);
    assert.equal(await dashboard().locator('[data-count="succeeded"]').innerText(), '0', 'nothing moved outside the window');
    const shot = await workbench().screenshot('maintenance-window-dashboard');
    assert.ok(statSync(shot).size > 20_000, `${shot} looks empty`);

    // Leave nothing unfinished for the next test file: cancel the waiting run.
    await dashboard().getByRole('button', { name: 'Cancel after this batch' }).click();
    await dashboard().locator('#run-status[data-status="cancelled"]').waitFor({ timeout: 90_000 });
  });

  it("a run whose bake watches a metric: CPU past the threshold breaches the first bake, the batch goes back, the bake card shows the metric's evidence", async () => {
    await workbench().runCommand('Azure Scale Sets: Run OS Upgrade with the Embedded Orchestrator…');
    await choose('web-frontend');
    await choose('Newest version of the current image');
    await choose('Percentage batches');
    await choose('No canary');
    await quickInput().locator('input.input').fill('metric must stay');
    await quickInput().locator('.quick-input-list .monaco-list-row', { hasText: 'a metric must stay within a threshold' }).first().click();
    await quickInput().locator('input.input').press('Enter');
    await type(/Metric threshold that fails the bake/, 'Percentage CPU>90 max PT1M');
    await choose("Use the scale set's rolling upgrade policy");

    await dashboard().locator('#run-status[data-status="planned"]').waitFor({ timeout: 60_000 });
    await dashboard().getByRole('button', { name: 'Start run' }).click();
    await dashboard().locator('#run-status[data-status="aborted"]').waitFor({ timeout: 180_000 });
    await dashboard().locator('#bake[data-state="breached"]').waitFor({ timeout: 30_000 });
    const metric = dashboard().locator('.bake-gate[data-gate="metric"]');
    assert.match(await metric.innerText(), /Metric within threshold: Percentage CPU>90 max PT1M: \d+ interval\(s\) crossed the threshold, first 97 at 2026-11-02T/);
    assert.match(await dashboard().locator('.metric-evidence').first().innerText(), /^Percentage CPU>90 max PT1M · \d+ interval\(s\) with data · worst 97 at 2026-11-02T/);
    assert.match(await dashboard().locator('#run-outcome').innerText(), /A gate failed during the bake after batch 1 — metric: Percentage CPU>90 max PT1M: .*The batch was rolled back/);
    await workbench().runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    await dashboard().locator('.metric-list').scrollIntoViewIfNeeded();
    const shot = await workbench().screenshot('dashboard-bake-metric-breach');
    assert.ok(statSync(shot).size > 20_000, `${shot} looks empty`);
  });
});
