// Runs extension tests the way @vscode/test-electron would, but inside code-server driven by
// Chromium: the tests' index.js `run()` executes in the Node extension host, its console lines
// arrive through window.codeAutomationLog and its result through window.codeAutomationExit.
// code-server's own exit code says nothing about the tests, so that callback is the only verdict.
import { automationLogLines } from './automationLog';
import { launchBrowser, type Browser } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { workbenchUrl } from './workbenchUrl';

export interface ExtensionTestRun {
  /** The extension folder under development; omit to test an installed .vsix instead. */
  readonly extensionDevelopmentPath?: string;
  readonly extensionTestsPath: string;
  /** .vsix files installed before the server starts. */
  readonly installExtensions?: readonly string[];
  /** Workspace folder to open; a fresh scratch folder when absent. */
  readonly workspace?: string;
  /** Environment for the extension host (e.g. where to write the results file). */
  readonly env?: Record<string, string>;
  readonly settings?: Record<string, unknown>;
  readonly timeoutMs?: number;
  /** Saved just before the browser closes, when given. */
  readonly screenshotPath?: string;
  readonly log?: (line: string) => void;
}

/** Resolves to the tests' exit code: 0 when they all passed, 1 on failure or timeout. */
export async function runExtensionTestsInCodeServer(run: ExtensionTestRun): Promise<number> {
  const log = run.log ?? ((line: string) => console.log(line));
  const timeoutMs = run.timeoutMs ?? 120_000;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    server = await startCodeServer({ env: run.env, settings: run.settings, installExtensions: run.installExtensions });
    browser = await launchBrowser();
    const { page } = browser;
    let settle: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    timer = setTimeout(() => {
      log(`[host] extension tests did not finish within ${timeoutMs} ms`);
      settle(1);
    }, timeoutMs);
    // Both callbacks must exist before the workbench loads.
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown) => {
      for (const line of automationLogLines(args)) log(line);
    });
    await page.goto(
      workbenchUrl({
        origin: server.origin,
        folder: run.workspace ?? server.workspaceDir,
        ...(run.extensionDevelopmentPath ? { extensionDevelopmentPath: run.extensionDevelopmentPath } : {}),
        extensionTestsPath: run.extensionTestsPath,
      }),
    );
    const code = await exitCode;
    if (run.screenshotPath) await page.screenshot({ path: run.screenshotPath }).catch(() => undefined);
    if (code !== 0) for (const line of server.readLog().trimEnd().split('\n').slice(-30)) log(`[code-server] ${line}`);
    return code;
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await server?.stop();
  }
}
