// A Flexible scale set as a user sees it (default scenario: jobs-flex, Flexible, zone 1): the tree
// shows its VMs by name under their zone (no update domains), and an embedded run that reimages them
// through the VM API finishes in the dashboard (its header says Flexible orchestration), whose heat map
// has one row: no update domains.
// Screenshots: flexible-tree, flexible-dashboard-finished (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { signInToSimulator, workbench, workbenchStartTimeoutMs } from './fixture';
import { expandRow, treeRow } from './treeRows';
import { planPercentageBatchesWithoutGates } from './runWizard';

const scenario = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const flex = scenario.scaleSets.find((s) => s.orchestrationMode === 'Flexible')!;
const subscription = scenario.subscriptions.find((s) => s.subscriptionId === flex.subscriptionId)!.displayName;
const olderVersion = '24.04.202410020';

describe('a Flexible scale set in the workbench', function () {
  this.timeout(workbenchStartTimeoutMs);
  let sideBar: Locator;
  const page = () => workbench().page;
  const quickInput = () => page().locator('.quick-input-widget');
  const row = (label: string | RegExp) => treeRow(sideBar, label);

  const expand = (label: string) => expandRow(row(label));

  const choose = (text: string) => workbench().choose(text);

  before(async () => {
    await workbench().runCommand('View: Close All Editors');
    await signInToSimulator((opened) => {
      sideBar = opened;
      return row(subscription);
    });
  });

  after(async () => {
    await workbench().runCommand('View: Close All Editors').catch(() => undefined);
    await workbench().runCommand('Azure Scale Sets: Sign Out');
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).waitFor({ state: 'visible' });
  });

  it('the tree shows the VMs by name under their zone, without update domains', async () => {
    await expand(subscription);
    await expand(flex.name);
    assert.match(await row(flex.name).innerText(), /Flexible/);
    await expand(`Zone ${flex.zones![0]}`);
    const vms = row(new RegExp(`^${flex.name}_[0-9a-f]{8}$`));
    await vms.first().waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await vms.count(), flex.instances.count);
    assert.equal(await sideBar.locator('.monaco-list-row', { hasText: /^Update domain/ }).count(), 0, 'no update-domain level');
    assert.match(await vms.first().innerText(), /running · healthy/);
    // Widen the side bar for the screenshot so the descriptions are readable, then give the room back.
    const box = (await page().locator('.part.sidebar').boundingBox())!;
    const dragEdge = async (from: number, to: number) => {
      await page().mouse.move(from, box.y + box.height / 2);
      await page().mouse.down();
      await page().mouse.move(to, box.y + box.height / 2, { steps: 10 });
      await page().mouse.up();
    };
    const edge = box.x + box.width - 1;
    await dragEdge(edge, edge + 360);
    const file = await workbench().screenshot('flexible-tree');
    assert.ok(statSync(file).size > 20_000, `${file} looks empty`);
    await dragEdge(edge + 360, edge);
  });

  it('an embedded run reimages every VM to a chosen version; the heat map has one row, no update domains', async () => {
    await workbench().runCommand('Azure Scale Sets: Run OS Upgrade with the Embedded Orchestrator…');
    await choose(flex.name);
    await choose('A specific version…');
    await choose(olderVersion);
    // The strategy step offers no update-domain choice on a Flexible set: it has fault domains only.
    const strategies = quickInput().locator('.quick-input-list .monaco-list-row');
    await strategies.filter({ hasText: 'One fault domain at a time' }).first().waitFor({ timeout: 60_000 });
    assert.equal(await strategies.filter({ hasText: 'One update domain at a time' }).count(), 0, 'no update-domain strategy offered');
    const dashboard = await planPercentageBatchesWithoutGates();
    await dashboard.locator('#meta', { hasText: 'Flexible orchestration' }).waitFor({ timeout: 30_000 });
    await dashboard.getByRole('button', { name: 'Start run' }).click();
    await dashboard.locator('#run-status[data-status="completed"]').waitFor({ timeout: 180_000 });
    assert.equal(await dashboard.locator('[data-count="succeeded"]').innerText(), String(flex.instances.count));
    const rowHeaders = await dashboard.locator('.heat th[scope="row"]').allInnerTexts();
    assert.deepEqual(rowHeaders, ['No update domains']);
    const file = await workbench().screenshot('flexible-dashboard-finished');
    assert.ok(statSync(file).size > 20_000, `${file} looks empty`);
  });
});
