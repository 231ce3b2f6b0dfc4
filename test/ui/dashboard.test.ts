// The upgrade dashboard in a real VS Code (code-server + Chromium): what a user sees and can do.
import * as assert from 'node:assert/strict';
import { auditAccessibility, describeViolations } from './accessibility';
import { playCannedScenario } from './cannedScenario';
import { workbench, workbenchStartTimeoutMs } from './fixture';

describe('Upgrade dashboard in the workbench', function () {
  this.timeout(workbenchStartTimeoutMs);

  it('plays a recorded run: batches, heat map, the rolled-back instance, counts and log', async () => {
    const wb = workbench();
    await playCannedScenario('rolling-20-one-never-healthy.json');
    const view = wb.webviewFrame();
    await view.getByRole('heading', { name: 'web-frontend' }).waitFor();
    // The run ends "completed with failures": one instance never became healthy and was rolled back (O4).
    await view.locator('#run-status[data-status="completedWithFailures"]').waitFor({ timeout: 30_000 });
    const rolledBack = view.locator('.heat [data-state="rolledBack"]');
    assert.equal(await rolledBack.count(), 1);
    assert.match((await rolledBack.getAttribute('aria-label')) ?? '', /rolled back/);
    assert.equal(await view.locator('.heat [data-state="succeeded"]').count(), 19);
    assert.equal(await view.locator('[data-count="rolledBack"]').innerText(), '1');
    assert.equal(await view.locator('[data-count="succeeded"]').innerText(), '19');
    assert.equal(await view.locator('tr.batch').count(), 6);
    assert.ok((await view.locator('#event-log li').count()) > 50);
    assert.match(await view.locator('#history-list').innerText(), /No upgrades yet/);
    await wb.screenshot('dashboard-canned-run-finished');
  });

  it('passes an automated accessibility audit (axe-core, WCAG 2.1 A and AA) with a finished run on screen', async () => {
    const view = workbench().webviewFrame();
    await view.locator('#run-status[data-status="completedWithFailures"]').waitFor({ timeout: 30_000 });
    const audit = await auditAccessibility(view);
    assert.ok(audit.passes > 10, `axe ran its rules (${audit.passes} passed)`);
    assert.deepEqual(audit.violations.map((v) => v.id), [], describeViolations(audit.violations));
  });

  it('restores itself when hidden and shown again: the extension re-sends its state (no retainContextWhenHidden)', async () => {
    const wb = workbench();
    // Another editor in the same group hides the dashboard (its webview is torn down).
    await wb.runCommand('Preferences: Open Settings (UI)');
    await wb.page.locator('.tab.active', { hasText: 'Settings' }).waitFor();
    await wb.page.locator('.tab', { hasText: 'Upgrades: web-frontend' }).click();
    const view = wb.webviewFrame();
    await view.locator('#run-status[data-status="completedWithFailures"]').waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('.heat [data-state="rolledBack"]').count(), 1);
    assert.equal(await view.locator('[data-count="succeeded"]').innerText(), '19');
    assert.ok((await view.locator('#event-log li').count()) > 50, 'the event log came back too');
    await wb.screenshot('dashboard-shown-again');
    await wb.runCommand('View: Close All Editors');
  });
});
