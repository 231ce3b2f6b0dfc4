// A fleet rollout from the editor (issue 17): on the canned 'fleet' simulator world (two subscriptions,
// five regions), a *.fleet.json file in the workspace, "Run Fleet Rollout…" opens the fleet view with the
// plan (stages × sets, the safety checks); Start runs a two-stage rollout over sets in two subscriptions
// and two regions, the second stage after an approval given with the view's button.
// Screenshots: fleet-planned, fleet-awaiting-approval, fleet-finished (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { restartWorkbench, workbench, workbenchStartTimeoutMs } from './fixture';

const scenario = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'simulator', 'scenarios', 'fleet.json'), 'utf8')) as Scenario;
const [subA, subB] = scenario.subscriptions.map((s) => s.subscriptionId);

const rollout = {
  name: 'november',
  target: { kind: 'latest' },
  safety: { canaryMaxSets: 1 },
  stages: [
    { name: 'canary', groups: [{ name: 'web-canary', tags: { app: 'web', ring: '0' }, subscriptions: [subA, subB] }], gates: [{ kind: 'health' }] },
    {
      name: 'europe',
      requiresApproval: true,
      groups: [
        { name: 'west-europe', query: "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' and location =~ 'westeurope' and name in~ ('web-we-02', 'web-we-03') | project id", subscriptions: [subA] },
        { name: 'sweden', query: "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' and location =~ 'swedencentral' and name in~ ('web-sc-01', 'web-sc-02') | project id", subscriptions: [subB] },
      ],
    },
  ],
};

describe('a fleet rollout from the editor', function () {
  this.timeout(workbenchStartTimeoutMs * 2);
  const page = () => workbench().page;

  before(async () => {
    await restartWorkbench({ env: { VMSS_SIMULATOR_SCENARIO: 'fleet', VMSS_SIMULATOR_TIME_SCALE: '600' } });
    writeFileSync(path.join(workbench().server.workspaceDir, 'november.fleet.json'), JSON.stringify(rollout, null, 2));
    const sideBar = await workbench().openViewContainer('Azure Scale Sets');
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).click();
    await sideBar.locator('.monaco-list-row', { hasText: 'Fabrikam Europe' }).waitFor({ state: 'visible', timeout: 60_000 });
  });

  after(async () => {
    await workbench().runCommand('View: Close All Editors').catch(() => undefined);
    await workbench().runCommand('Azure Scale Sets: Sign Out').catch(() => undefined);
    await restartWorkbench();
  });

  it('plans, runs the canary, waits for the approval, runs the second stage over two subscriptions and regions', async () => {
    await page().keyboard.press('Control+P');
    const input = page().locator('.quick-input-widget input');
    await input.fill('november.fleet.json');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'november.fleet.json' }).first().waitFor({ timeout: 60_000 });
    await input.press('Enter');
    await page().locator('.tab.active', { hasText: 'november.fleet.json' }).waitFor({ timeout: 60_000 });
    await workbench().runCommand('Azure Scale Sets: Run Fleet Rollout…');
    const view = workbench().webviewFrame();
    const status = view.locator('[data-testid="fleet-status"]');
    await status.waitFor({ timeout: 120_000 });
    assert.match(await status.innerText(), /planned/);
    assert.equal(await view.locator('tr[data-set]').count(), 5);
    assert.ok(statSync(await workbench().screenshot('fleet-planned')).size > 20_000);

    await view.getByRole('button', { name: 'Start rollout' }).click();
    const approve = view.getByRole('button', { name: "Approve 'europe'" });
    await approve.waitFor({ timeout: 120_000 });
    assert.equal(await view.locator('tr[data-set="web-we-01"]').getAttribute('data-state'), 'succeeded');
    assert.equal(await view.locator('tr[data-set="web-sc-01"]').getAttribute('data-state'), 'pending');
    assert.ok(statSync(await workbench().screenshot('fleet-awaiting-approval')).size > 20_000);

    await approve.click();
    await view.locator('[data-testid="fleet-status"]', { hasText: /^succeeded/ }).waitFor({ timeout: 150_000 });
    for (const name of ['web-we-02', 'web-we-03', 'web-sc-01', 'web-sc-02']) assert.equal(await view.locator(`tr[data-set="${name}"]`).getAttribute('data-state'), 'succeeded', name);
    const regions = await view.locator('section[data-stage="europe"] tbody tr td:nth-child(3)').allInnerTexts();
    assert.deepEqual(new Set(regions), new Set(['westeurope', 'swedencentral']));
    assert.ok(statSync(await workbench().screenshot('fleet-finished')).size > 20_000);
  });
});
