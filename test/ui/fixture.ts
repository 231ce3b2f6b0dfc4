// The one workbench every UI test shares: code-server + Chromium with the extension loaded,
// started before the first UI test and stopped after the last (root hooks, registered when a
// test file first imports this module). A failing test leaves a screenshot behind.
//
//   import { workbench } from './fixture';
//   const sideBar = await workbench().openViewContainer('Azure Scale Sets');
//
// Need other environment variables or settings in the extension host? Settings apply live
// through workbench().updateSettings({...}); environment needs a fresh server:
// `await restartWorkbench({ env: {...} })` in your suite's before(), and
// `await restartWorkbench()` in its after() so later suites get the default again —
// `useScenarioWorkbench(scenarioFile, ready)` registers both for a suite on its own simulator scenario.
import { writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { Workbench, type WorkbenchOptions } from '../host/workbench';
import { collectServerArtifacts, privacyCaptureEnv } from './privacyCapture';

/** Time for starting code-server and Chromium and loading the workbench on a busy 2-core machine. */
export const workbenchStartTimeoutMs = 180_000;

let current: Workbench | undefined;

export function workbench(): Workbench {
  if (!current) throw new Error('the UI workbench is not running (is this called outside a test?)');
  return current;
}

export async function restartWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  await stopCurrent();
  current = await Workbench.start(withPrivacyCapture(options));
  return current;
}

/**
 * Opens the Azure Scale Sets view and clicks "Use the built-in simulator" in its welcome view; resolves with
 * the side bar once `ready` (default: the tree's first row) shows.
 */
export async function signInToSimulator(ready: (sideBar: Locator) => Locator = (sideBar) => sideBar.locator('.monaco-list-row').first()): Promise<Locator> {
  const sideBar = await workbench().openViewContainer('Azure Scale Sets');
  const useSimulator = sideBar.getByRole('button', { name: 'Use the built-in simulator' });
  // An earlier suite's clean-up is best effort (the walkthrough's sign-out once did not happen in CI, and the
  // next suite found the view connected, without its welcome button): start from signed out either way.
  const welcomeShown = await useSimulator.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  try {
    if (!welcomeShown) await workbench().runCommand('Azure Scale Sets: Sign Out');
    await useSimulator.click();
    await ready(sideBar).waitFor({ state: 'visible', timeout: 60_000 });
  } catch (error) {
    // Often called from a before() hook, where the failure screenshot of afterEach() is not taken.
    const file = await workbench().screenshot('failed sign-in to the simulator').catch(() => undefined);
    if (file) writeFileSync(file.replace(/\.png$/, '.log'), workbench().log.join('\n'));
    throw error;
  }
  return sideBar;
}

/**
 * Hooks for a suite on its own simulator scenario: before it, a fresh workbench whose built-in simulator serves
 * `scenarioFile`, signed in to it until `ready` shows; after it, signed out and restarted with the defaults
 * for the later suites.
 */
export function useScenarioWorkbench(scenarioFile: string, ready: (sideBar: Locator) => Locator): void {
  before(async function () {
    this.timeout(workbenchStartTimeoutMs);
    await restartWorkbench({ env: { VMSS_SIMULATOR_SCENARIO: scenarioFile } });
    await signInToSimulator(ready);
  });

  after(async function () {
    this.timeout(workbenchStartTimeoutMs);
    await workbench().runCommand('Azure Scale Sets: Sign Out').catch(() => undefined);
    await restartWorkbench();
  });
}

/** Every server of the run writes its telemetry and log where the privacy scan reads them (privacy.test.ts). */
function withPrivacyCapture(options: WorkbenchOptions = {}): WorkbenchOptions {
  return { ...options, env: { ...privacyCaptureEnv(), ...options.env } };
}

async function stopCurrent(): Promise<void> {
  if (current) collectServerArtifacts(current.server);
  await current?.stop();
  current = undefined;
}

before(async function () {
  this.timeout(workbenchStartTimeoutMs);
  current = await Workbench.start(withPrivacyCapture());
});

afterEach(async function () {
  const test = this.currentTest;
  if (test?.state !== 'failed' || !current) return;
  const file = await current.screenshot(`failed ${test.fullTitle()}`).catch(() => undefined);
  if (file) {
    console.log(`    screenshot of the failure: ${file}`);
    writeFileSync(file.replace(/\.png$/, '.log'), current.log.join('\n'));
  }
  console.log(current.log.slice(-20).map((line) => `    | ${line}`).join('\n'));
});

after(async function () {
  this.timeout(30_000);
  await stopCurrent();
});
