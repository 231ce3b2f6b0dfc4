// Issue 15 in a real VS Code on the built-in simulator: Azure's rolling upgrade of cache-tier (3 of 10
// instances unhealthy in the default scenario) faults before it starts (O1); the dashboard's
// "Why did this fail?" names the cause, the code, the unhealthy instances with their evidence and the
// fixes. The dashboard is audited with axe in the light and dark themes here; the high-contrast themes
// need a workbench started with them (whyFailedHighContrast.test.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { repoRoot } from '../host/paths';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import { auditAccessibility, describeViolations } from './accessibility';
import { signInToSimulator, workbench, workbenchStartTimeoutMs } from './fixture';
import { startCacheTierRollingUpgrade, toggleTheme } from './whyFailedSteps';

const scenario = JSON.parse(readFileSync(path.join(repoRoot, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const cache = scenario.scaleSets.find((s) => s.name === 'cache-tier')!;
const unhealthyIds = Object.entries(cache.instances.overrides ?? {}).filter(([, o]) => o.health === 'unhealthy').map(([id]) => id);

const page = (): Page => workbench().page;
const dashboard = (): FrameLocator => workbench().webviewFrame();
const quickInput = (): Locator => page().locator('.quick-input-widget');

async function audit(theme: string): Promise<void> {
  const outcome = await auditAccessibility(dashboard());
  assert.deepEqual(outcome.violations.map((v) => v.id), [], `axe in the ${theme} theme:\n${describeViolations(outcome.violations)}`);
  assert.ok(outcome.passes > 10, `axe ran its rules in the ${theme} theme`);
}

describe('Why did this fail? (dashboard, simulator)', function () {
  this.timeout(workbenchStartTimeoutMs);
  let themeChanged = false;

  before(async () => {
    await workbench().runCommand('View: Close All Editors');
    await signInToSimulator();
  });

  after(async () => {
    // Back to the light theme the other UI tests expect.
    if (themeChanged) await toggleTheme(/\bvs\b(?!-)/).catch(() => undefined);
    await workbench().runCommand('View: Close All Editors').catch(() => undefined);
    await workbench().runCommand('Azure Scale Sets: Sign Out');
  });

  it("explains Azure's faulted rolling upgrade of cache-tier: cause, code, the unhealthy instances, fixes", async () => {
    const why = await startCacheTierRollingUpgrade();
    const cause = why.locator('.why-cause').first();
    assert.equal(await cause.getAttribute('data-cause'), 'unhealthyBeforeUpgrade');
    assert.match(await cause.innerText(), /MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade/);
    const instances = await cause.locator('.why-instances li').evaluateAll((items) => items.map((li) => li.getAttribute('data-instance')));
    assert.deepEqual(instances, unhealthyIds, 'the unhealthy instances of the scenario, in order');
    assert.match(await cause.locator('.why-instances li').first().innerText(), /health unhealthy/);
    assert.match(await cause.locator('.why-fixes').innerText(), /az vmss restart .* -n cache-tier --instance-ids 2 5 8/);
    assert.match(await cause.locator('.why-fixes').innerText(), /Risk: /);
    await dashboard().locator('#why-heading').scrollIntoViewIfNeeded();
    const file = await workbench().screenshot('why-did-this-fail');
    assert.ok(readFileSync(file).length > 20_000, `${file} looks empty`);

    await audit('light');
    themeChanged = true;
    await toggleTheme(/\bvs-dark\b/);
    await audit('dark');
    await workbench().screenshot('why-did-this-fail-dark');
  });

  it('a fix button runs its command: "Re-run the readiness check" opens the embedded run\'s plan for the set', async () => {
    await dashboard().locator('#why button[data-fix="checkReadiness"]').first().click();
    await quickInput().waitFor({ state: 'visible', timeout: 60_000 });
    assert.ok(await quickInput().isVisible(), 'the embedded upgrade flow started');
    await page().keyboard.press('Escape');
  });
});
