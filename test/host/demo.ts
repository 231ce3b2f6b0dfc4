// `npm run demo`: code-server with the extension loaded as a development extension in a scratch
// workspace, in Simulator mode, until Ctrl-C. The browser is the user's. With `check`, it opens
// the workbench in headless Chromium, waits for the Scale Sets view, saves a screenshot and exits.
import { startCodeServer, type CodeServer } from './codeServer';
import { repoRoot } from './paths';
import { exitOnInterrupt } from './signals';
import { Workbench } from './workbench';
import { workbenchUrl } from './workbenchUrl';

export interface DemoOptions {
  readonly check: boolean;
  readonly port?: number;
}

/** Demo mode shows the built-in simulator instead of asking for an Azure sign-in. */
const demoSettings = { 'vmssUpgrades.cloud': 'Simulator' };

export async function runDemo(options: DemoOptions): Promise<number> {
  return options.check ? checkDemo(options) : serveDemo(options);
}

async function serveDemo(options: DemoOptions): Promise<number> {
  const server: CodeServer = await startCodeServer({ settings: demoSettings, ...(options.port ? { port: options.port } : {}) });
  exitOnInterrupt(() => server.stop());
  const url = workbenchUrl({ origin: server.origin, folder: server.workspaceDir, extensionDevelopmentPath: repoRoot });
  const rule = '='.repeat(78);
  console.log(`\n${rule}\n  vmss-upgrades demo: VS Code (code-server) with the extension under development\n`);
  console.log(`  Open this URL in your browser:\n\n  ${url}\n`);
  console.log(`  Workspace: ${server.workspaceDir}`);
  console.log(`  Settings:  ${server.settingsPath} (vmssUpgrades.cloud = Simulator)`);
  console.log(`  Press Ctrl-C to stop (code-server and its extension hosts are stopped with it).\n${rule}\n`);
  await new Promise<never>(() => undefined);
  return 0;
}

async function checkDemo(options: DemoOptions): Promise<number> {
  const started = Date.now();
  const workbench = await Workbench.start({ settings: demoSettings, ...(options.port ? { port: options.port } : {}) });
  exitOnInterrupt(() => workbench.stop());
  try {
    console.log(`demo --check: workbench at ${workbench.server.origin} ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const sideBar = await workbench.openViewContainer('Azure Scale Sets');
    await sideBar.getByRole('heading', { name: /(^|: )Scale Sets$/ }).waitFor({ state: 'visible', timeout: 30_000 });
    // Simulator mode needs no sign-in: the simulator's subscriptions must appear as tree rows.
    const rows = sideBar.getByRole('treeitem');
    await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
    const names = (await rows.allInnerTexts()).map((text) => text.split('\n')[0]);
    const file = await workbench.screenshot('demo');
    console.log(`demo --check: the Scale Sets view shows the simulator without sign-in (${names.join(', ')}); screenshot ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (error) {
    const file = await workbench.screenshot('demo-failed').catch(() => 'none');
    console.error(`demo --check failed: ${(error as Error).message}\nscreenshot: ${file}`);
    return 1;
  } finally {
    await workbench.stop();
  }
}
