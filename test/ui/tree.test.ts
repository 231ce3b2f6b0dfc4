// The Scale Sets tree as a user sees it: from the welcome view's "Use the built-in simulator" to the
// instances of a zone's update domain, with their health icons; saves a screenshot of the expanded tree.
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { workbench, workbenchStartTimeoutMs } from './fixture';
import { clickRow, expandRow, treeRow } from './treeRows';

const scenario = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const spec = (name: string) => scenario.scaleSets.find((s) => s.name === name)!;
const subscriptionOf = (name: string) => scenario.subscriptions.find((s) => s.subscriptionId === spec(name).subscriptionId)!.displayName;

describe('Scale Sets tree in the workbench', function () {
  this.timeout(workbenchStartTimeoutMs);
  let sideBar: Locator;

  /** A tree row by its visible label (the accessible name is the tooltip, so match the text). */
  const row = (label: string) => treeRow(sideBar, label);

  const expand = (label: string) => expandRow(row(label));

  after(async () => {
    // Leave the workbench as the other UI tests expect it: signed out, welcome content shown.
    await workbench().runCommand('Azure Scale Sets: Sign Out');
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).waitFor({ state: 'visible' });
  });

  it('expands subscriptions, scale sets, zones and update domains down to instances with their health', async () => {
    sideBar = await workbench().openViewContainer('Azure Scale Sets');
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).click();

    for (const subscription of scenario.subscriptions) await row(subscription.displayName).waitFor({ state: 'visible', timeout: 60_000 });

    // A zonal set with a health extension: zone → update domain → instances.
    const web = spec('web-frontend');
    await expand(subscriptionOf(web.name));
    const webRow = await expand(web.name);
    assert.match(await webRow.innerText(), new RegExp(`${web.instances.count} instances`));
    await expand(`Zone ${web.zones![0]}`);
    const firstDomain = sideBar.locator('.monaco-list-row', { hasText: /^Update domain \d+/ }).first();
    await clickRow(firstDomain);
    const webInstance = sideBar.locator('.monaco-list-row', { hasText: new RegExp(`^${web.name}_\\d+`) }).first();
    await webInstance.waitFor({ state: 'visible' });
    assert.match(await webInstance.innerText(), new RegExp(`${web.osVersion!.replace(/\./g, '\\.')} · running · healthy`));
    assert.equal(await webInstance.locator('.codicon-pass').count(), 1, 'a healthy instance has the pass icon');

    // A set without zones whose scenario makes some instances unhealthy: update domains directly.
    const cache = spec('cache-tier');
    const unhealthyId = Object.entries(cache.instances.overrides ?? {}).find(([, o]) => o.health === 'unhealthy')![0];
    await expand(subscriptionOf(cache.name));
    await expand(cache.name);
    const domains = sideBar.locator('.monaco-list-row', { hasText: /^Update domain \d+/ });
    const unhealthyRow = row(`${cache.name}_${unhealthyId}`);
    for (let i = 0; (await unhealthyRow.count()) === 0; i++) {
      assert.ok(i < (await domains.count()), `${cache.name}_${unhealthyId} not found in any update domain`);
      const domain = domains.nth(i);
      if ((await domain.getAttribute('aria-expanded')) !== 'true') await clickRow(domain);
      await sideBar.page().waitForTimeout(300);
    }
    await unhealthyRow.scrollIntoViewIfNeeded();
    assert.match(await unhealthyRow.innerText(), /running · unhealthy/);
    assert.equal(await unhealthyRow.locator('.codicon-error').count(), 1, 'an unhealthy instance has the error icon');

    // Widen the side bar (drag its edge) so the descriptions are readable in the screenshot.
    const page = sideBar.page();
    const box = (await page.locator('.part.sidebar').boundingBox())!;
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 560, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    const file = await workbench().screenshot('scale-sets-tree');
    assert.ok(statSync(file).size > 20_000, `${file} looks empty`);
  });
});
