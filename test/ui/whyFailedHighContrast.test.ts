// Issue 15: the dashboard's "Why did this fail?" audited with axe in the two high-contrast themes. In
// this code-server host (an extension development host) neither `workbench.colorTheme` — at start or
// changed live — nor emulated forced colors switches the theme (it ends on Light+), and the web
// workbench has no "Toggle High Contrast Theme". What works is VS Code's light/dark toggle with the
// preferred dark and light themes set to the high-contrast ones in the user settings the workbench starts
// with; each theme is checked on the workbench (class hc-black / hc-light) before the audit.
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { auditAccessibility, describeViolations } from './accessibility';
import { restartWorkbench, signInToSimulator, workbench, workbenchStartTimeoutMs } from './fixture';
import { startCacheTierRollingUpgrade, toggleTheme } from './whyFailedSteps';

const dashboard = (): FrameLocator => workbench().webviewFrame();

async function audit(theme: string, webviewTheme: RegExp, screenshot: string): Promise<void> {
  // The webview gets the theme too: VS Code marks its body with the theme kind.
  assert.match((await dashboard().locator('body').getAttribute('class')) ?? '', webviewTheme, `the dashboard is in ${theme}`);
  const outcome = await auditAccessibility(dashboard());
  assert.deepEqual(outcome.violations.map((v) => v.id), [], `axe in ${theme}:\n${describeViolations(outcome.violations)}`);
  assert.ok(outcome.passes > 10, `axe ran its rules in ${theme}`);
  await workbench().screenshot(screenshot);
}

describe('Why did this fail? in the high-contrast themes (axe)', function () {
  this.timeout(workbenchStartTimeoutMs);

  before(async function () {
    this.timeout(workbenchStartTimeoutMs);
    await restartWorkbench({ settings: { 'workbench.preferredDarkColorTheme': 'Default High Contrast', 'workbench.preferredLightColorTheme': 'Default High Contrast Light' } });
    await signInToSimulator();
  });

  after(async function () {
    this.timeout(workbenchStartTimeoutMs);
    await workbench().runCommand('Azure Scale Sets: Sign Out').catch(() => undefined);
    await restartWorkbench();
  });

  it("high contrast dark and light: the explanation of cache-tier's faulted upgrade has no axe violations", async () => {
    const why = await startCacheTierRollingUpgrade();
    assert.equal(await why.locator('.why-cause').first().getAttribute('data-cause'), 'unhealthyBeforeUpgrade');

    await toggleTheme(/\bhc-black\b/);
    await dashboard().locator('#why-heading').scrollIntoViewIfNeeded();
    await audit('high contrast dark', /\bvscode-high-contrast\b(?!-light)/, 'why-did-this-fail-high-contrast');
    await toggleTheme(/\bhc-light\b/);
    await dashboard().locator('#why-heading').scrollIntoViewIfNeeded();
    await audit('high contrast light', /\bvscode-high-contrast-light\b/, 'why-did-this-fail-high-contrast-light');
  });
});
