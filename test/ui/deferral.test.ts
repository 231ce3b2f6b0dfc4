// Deferred automatic OS upgrades (A1 osRollingUpgradeDeferral) as a user sees them, on the simulator's
// deferral scenario (src/simulator/scenarios/deferral.json): the tree shows orders-api's first batch waiting
// for approval (bell icon, "waiting for approval → version"); "Approve OS Upgrade…" → all waiting approves
// them and Azure upgrades them to the new version.
// Screenshots: deferral-waiting, deferral-approved (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { useScenarioWorkbench, workbench, workbenchStartTimeoutMs } from './fixture';
import { expandRow, treeRow } from './treeRows';

const scenarioFile = path.join(repoRoot, 'src', 'simulator', 'scenarios', 'deferral.json');
const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8')) as Scenario;
const subscription = scenario.subscriptions[0].displayName;
const newVersion = '24.04.202411050';

describe('deferred OS upgrades waiting for approval in the workbench', function () {
  this.timeout(workbenchStartTimeoutMs * 2);
  let sideBar: Locator;
  const page = () => workbench().page;
  const row = (label: string | RegExp) => treeRow(sideBar, label);
  const waitingRows = () => sideBar.locator('.monaco-list-row', { hasText: /waiting for approval →/ });

  const expand = expandRow;

  async function expandAllUpdateDomains(): Promise<void> {
    const domains = sideBar.locator('.monaco-list-row', { hasText: /^Update domain \d+/ });
    await domains.first().waitFor({ state: 'visible', timeout: 60_000 });
    for (let i = 0; i < (await domains.count()); i++) await expand(domains.nth(i));
  }

  const choose = (text: string) => workbench().choose(text);

  useScenarioWorkbench(scenarioFile, (opened) => {
    sideBar = opened;
    return row(subscription);
  });

  it('shows the waiting instances, approves them all, and Azure upgrades them', async () => {
    await expand(row(subscription));
    const orders = row('orders-api');
    await expand(orders);
    await expandAllUpdateDomains();
    await waitingRows().first().waitFor({ state: 'visible', timeout: 60_000 });
    const waitingNames = await waitingRows().locator('.label-name').allInnerTexts();
    assert.ok(waitingNames.length > 0 && waitingNames.length < 10, `only the first batch waits (${waitingNames.join(', ')})`);
    assert.equal(await waitingRows().first().locator('.codicon-bell-dot').count(), 1, 'a waiting instance has the bell icon');
    assert.match(await waitingRows().first().innerText(), new RegExp(`waiting for approval → ${newVersion.replace(/\./g, '\\.')}`));
    assert.match(await orders.innerText(), /waiting for approval/);

    const box = (await page().locator('.part.sidebar').boundingBox())!;
    await page().mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await page().mouse.down();
    await page().mouse.move(box.x + box.width + 560, box.y + box.height / 2, { steps: 10 });
    await page().mouse.up();
    const waitingShot = await workbench().screenshot('deferral-waiting');
    assert.ok(statSync(waitingShot).size > 20_000, `${waitingShot} looks empty`);

    await workbench().runCommand('Azure Scale Sets: Approve OS Upgrade…');
    await choose('orders-api');
    await choose('All waiting instances');
    await page().locator('.notifications-toasts', { hasText: /Approved the OS upgrade of \d+ instance/ }).waitFor({ state: 'visible', timeout: 60_000 });

    // Each approved instance is upgraded (one simulated minute per disk at 60× speed) and stops waiting.
    for (const name of waitingNames) {
      const approved = row(name);
      for (let i = 0; i < 60 && !new RegExp(`^${newVersion.replace(/\./g, '\\.')}`).test((await approved.locator('.label-description').innerText().catch(() => '')).trim()); i++) {
        await workbench().runCommand('Azure Scale Sets: Refresh');
        await expand(row(subscription));
        await expand(row('orders-api'));
        await expandAllUpdateDomains();
        await page().waitForTimeout(1000);
      }
      assert.match(await approved.innerText(), new RegExp(`${newVersion.replace(/\./g, '\\.')} · running`), `${name} was upgraded after approval`);
      assert.doesNotMatch(await approved.innerText(), /waiting for approval/);
    }
    const approvedShot = await workbench().screenshot('deferral-approved');
    assert.ok(statSync(approvedShot).size > 20_000, `${approvedShot} looks empty`);
  });
});
