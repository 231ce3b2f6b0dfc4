// Issue 17 as a user sees it: the Flexible set jobs-flex carries a stale lease of another run (a scenario
// with the lease tag, given to the built-in simulator through VMSS_SIMULATOR_SCENARIO). Starting an
// embedded run is refused with the holder named and a Break Lease… button; the modal confirmation names
// the holder; confirming runs the plan to the end and removes the lease.
// Screenshots: lease-refused, lease-break-confirm, lease-broken-finished (.test-artifacts/screenshots/).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../host/paths';
import { formatLease, leaseTagName } from '../../src/core/lease/leaseTag';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { restartWorkbench, signInToSimulator, workbench, workbenchStartTimeoutMs } from './fixture';
import { treeRow } from './treeRows';
import { planPercentageBatchesWithoutGates } from './runWizard';

const scenario = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const flex = scenario.scaleSets.find((s) => s.orchestrationMode === 'Flexible')!;
const subscription = scenario.subscriptions.find((s) => s.subscriptionId === flex.subscriptionId)!.displayName;
const olderVersion = '24.04.202410020';
// Expired long before any simulated "now": a run that crashed and never came back.
const staleLease = formatLease({ holder: 'bob@old-laptop', runId: '20260101T000000Z-jobs-flex-ghost1', expiresAt: Date.parse('2026-01-01T00:15:00Z') });

describe('the scale set lease in the workbench (issue 17)', function () {
  this.timeout(workbenchStartTimeoutMs * 2);
  let sideBar: Locator;
  let dir: string;
  const page = () => workbench().page;
  const row = (label: string) => treeRow(sideBar, label);

  const choose = (text: string) => workbench().choose(text);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vmss-ui-lease-'));
    const leased: Scenario = { ...scenario, scaleSets: scenario.scaleSets.map((s) => (s === flex ? { ...s, tags: { ...s.tags, owner: 'team-jobs', [leaseTagName]: staleLease } } : s)) };
    writeFileSync(path.join(dir, 'leased.json'), JSON.stringify(leased));
    await restartWorkbench({ env: { VMSS_SIMULATOR_SCENARIO: path.join(dir, 'leased.json') } });
    await signInToSimulator((opened) => {
      sideBar = opened;
      return row(subscription);
    });
  });

  after(async () => {
    await workbench().runCommand('View: Close All Editors').catch(() => undefined);
    await workbench().runCommand('Azure Scale Sets: Sign Out').catch(() => undefined);
    await restartWorkbench();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a run is refused naming the holder; Break Lease… asks in a modal naming it, then the run goes to the end', async () => {
    await workbench().runCommand('Azure Scale Sets: Run OS Upgrade with the Embedded Orchestrator…');
    await choose(flex.name);
    await choose('A specific version…');
    await choose(olderVersion);
    const dashboard = await planPercentageBatchesWithoutGates();
    await dashboard.getByRole('button', { name: 'Start run' }).click();

    const toast = page().locator('.notification-toast', { hasText: 'bob@old-laptop' });
    await toast.waitFor({ timeout: 120_000 });
    assert.match(await toast.innerText(), /held by bob@old-laptop \(run 20260101T000000Z-jobs-flex-ghost1\), expired at 2026-01-01T00:15:00\.000Z/);
    const refused = await workbench().screenshot('lease-refused');
    assert.ok(statSync(refused).size > 20_000, `${refused} looks empty`);

    await toast.getByRole('button', { name: 'Break Lease…' }).click();
    const dialog = page().locator('.monaco-dialog-box', { hasText: 'Break the lease on this scale set held by bob@old-laptop?' });
    await dialog.waitFor({ timeout: 60_000 });
    assert.match(await dialog.innerText(), /expired at 2026-01-01T00:15:00\.000Z/);
    const confirm = await workbench().screenshot('lease-break-confirm');
    assert.ok(statSync(confirm).size > 20_000, `${confirm} looks empty`);
    await dialog.getByRole('button', { name: 'Break Lease', exact: true }).click();

    await dashboard.locator('#run-status[data-status="completed"]').waitFor({ timeout: 180_000 });
    assert.equal(await dashboard.locator('[data-count="succeeded"]').innerText(), String(flex.instances.count));
    const finished = await workbench().screenshot('lease-broken-finished');
    assert.ok(statSync(finished).size > 20_000, `${finished} looks empty`);
  });
});
