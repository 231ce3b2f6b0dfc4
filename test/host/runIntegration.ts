// Outer runner for the integration layer (run after `tsc -p .`): starts a real VS Code with
// the extension under development and out/test/integration/index.js as its tests.
// Which VS Code: $VMSS_VSCODE_EXECUTABLE (an Electron build, or test/host/code-shim.mjs) through
// @vscode/test-electron's runTests; else a downloaded VS Code if the download works (it fails
// fast on machines without internet); else code-server + Chromium directly.
// Prints the counts and writes them as JSON to the path in argv[2], if given.
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IntegrationResults } from '../integration/index';
import { repoRoot } from './paths';
import { runExtensionTestsInCodeServer } from './runInCodeServer';
import { exitOnInterrupt } from './signals';

export interface IntegrationOutcome {
  readonly exitCode: number;
  readonly runner: string;
  readonly results?: IntegrationResults;
}

const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

export async function runIntegrationTests(): Promise<IntegrationOutcome> {
  if (!existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run \`tsc -p .\` first`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'vmss-integration-'));
  const resultsFile = path.join(scratch, 'results.json');
  mkdirSync(path.join(scratch, 'workspace'));
  const env = { VMSS_TEST_RESULTS: resultsFile };
  const timeoutMs = Number(process.env.VMSS_HOST_TIMEOUT_MS ?? 300_000);
  try {
    const executable = process.env.VMSS_VSCODE_EXECUTABLE ? path.resolve(process.env.VMSS_VSCODE_EXECUTABLE) : await downloadedVSCode();
    let exitCode: number;
    let runner: string;
    if (executable) {
      runner = `@vscode/test-electron runTests with ${path.relative(repoRoot, executable) || executable}`;
      console.log(`[integration] ${runner}`);
      exitCode = await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath,
        extensionTestsEnv: { ...env, VMSS_HOST_TIMEOUT_MS: String(timeoutMs) },
        launchArgs: [path.join(scratch, 'workspace'), '--disable-extensions'],
      }).catch((error: unknown) => {
        if (error instanceof TestRunFailedError) return error.code ?? 1;
        throw error;
      });
    } else {
      runner = 'code-server + Chromium';
      console.log(`[integration] ${runner}`);
      exitCode = await runExtensionTestsInCodeServer({ extensionDevelopmentPath: repoRoot, extensionTestsPath, env, timeoutMs });
    }
    const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as IntegrationResults) : undefined;
    return { exitCode, runner, ...(results ? { results } : {}) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A VS Code from the update server, or undefined when it cannot be reached (quickly). */
async function downloadedVSCode(): Promise<string | undefined> {
  if (process.env.VMSS_SKIP_VSCODE_DOWNLOAD) return undefined;
  try {
    return await downloadAndUnzipVSCode({ cachePath: path.join(repoRoot, '.cache', 'vscode-test'), timeout: 5000 });
  } catch (error) {
    console.log(`[integration] no VS Code download (${(error as Error).message}); using code-server`);
    return undefined;
  }
}

async function main(): Promise<void> {
  exitOnInterrupt();
  const outcome = await runIntegrationTests();
  const { results } = outcome;
  if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(outcome, null, 2));
  console.log(
    results
      ? `[integration] ${results.passed} passed, ${results.failed} failed in VS Code ${results.vscodeVersion} (${outcome.runner}), exit code ${outcome.exitCode}`
      : `[integration] no results reported (${outcome.runner}), exit code ${outcome.exitCode}`,
  );
  process.exitCode = outcome.exitCode === 0 && results ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
