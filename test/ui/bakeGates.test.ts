// Issue 16 in a real VS Code (code-server + Chromium): the dashboard's bake card — the bake after the
// canary, the alert gate's breach with its evidence (which alert, severity, when, on what) — and the
// approval gate it opens, from a run recorded against the simulator (src/webview/scenarios/bake-alert-breach.json).
import * as assert from 'node:assert/strict';
import { auditAccessibility, describeViolations } from './accessibility';
import { playCannedScenario } from './cannedScenario';
import { workbench, workbenchStartTimeoutMs } from './fixture';

describe('Dashboard: bake and gates (issue 16)', function () {
  this.timeout(workbenchStartTimeoutMs);

  it('shows the canary bake breached by an alert, its evidence, and the approval gate naming the alert', async () => {
    const wb = workbench();
    await playCannedScenario('bake-alert-breach.json');
    const view = wb.webviewFrame();
    await view.locator('#bake[data-state="breached"]').waitFor({ timeout: 30_000 });
    assert.match(await view.locator('#bake-status').innerText(), /Gate breached after batch 1/);
    assert.match(await view.locator('#bake-countdown').innerText(), /Planned bake 10 min 00 s/);
    const health = view.locator('.bake-gate[data-gate="health"]');
    assert.match(await health.innerText(), /Health held: 1 moved instance\(s\) healthy/);
    const alerts = view.locator('.bake-gate[data-gate="alerts"]');
    assert.match(await alerts.innerText(), /No alert fired: 1 alert\(s\) fired: 'http-5xx-rate'/);
    assert.match(await view.locator('.alert-evidence').innerText(), /^http-5xx-rate · Sev1 · 2026-11-01T00:05:30\.000Z · on 0$/);
    // The canary's row stays open while it bakes (its batchFinished comes after the verdict and the gate).
    assert.match(await view.locator('tr.batch-baking').innerText(), /canary\s+Baking \(gates watched\)/);
    await view.locator('#gate:not([hidden])').waitFor();
    assert.match(await view.locator('#gate-title').innerText(), /A bake gate was breached/);
    assert.match(await view.locator('#gate-detail').innerText(), /Alert gate: 1 alert\(s\) fired: 'http-5xx-rate' \(Sev1/);
    await wb.screenshot('dashboard-bake-alert-breach');
  });

  it('passes an automated accessibility audit (axe-core, WCAG 2.1 A and AA) with the bake card on screen', async () => {
    const view = workbench().webviewFrame();
    await view.locator('#bake[data-state="breached"]').waitFor({ timeout: 30_000 });
    const audit = await auditAccessibility(view);
    assert.ok(audit.passes > 10, `axe ran its rules (${audit.passes} passed)`);
    assert.deepEqual(audit.violations.map((v) => v.id), [], describeViolations(audit.violations));
  });
});
