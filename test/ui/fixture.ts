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
// `await restartWorkbench()` in its after() so later suites get the default again.
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
  if (file) console.log(`    screenshot of the failure: ${file}`);
  console.log(current.log.slice(-20).map((line) => `    | ${line}`).join('\n'));
});

after(async function () {
  this.timeout(30_000);
  await stopCurrent();
});
