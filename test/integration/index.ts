// Entry point VS Code calls inside the extension host (extensionTestsPath): runs every
// out/test/integration/**/*.test.js with mocha. Resolving means "all passed"; rejecting makes
// the workbench report exit code 1. The counts also go to the JSON file named by
// VMSS_TEST_RESULTS so the outer runner can add them up without scraping the log.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface IntegrationResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly vscodeVersion: string;
  readonly appHost: string;
  /** Where VS Code loaded the extension from: the repository, or an installed .vsix. */
  readonly extensionPath: string | undefined;
  readonly failures: readonly { readonly title: string; readonly error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000 });
  if (process.env.VMSS_TEST_GREP) mocha.grep(process.env.VMSS_TEST_GREP);
  // VMSS_TEST_FILES=a.test.js,b.test.js loads only those files (a grep still loads every file).
  const only = process.env.VMSS_TEST_FILES?.split(',').map((name) => name.trim());
  for (const file of testFiles(__dirname)) {
    if (!only || only.includes(path.relative(__dirname, file))) mocha.addFile(file);
  }

  const failures: { title: string; error: string }[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failed) => {
      const results: IntegrationResults = {
        passed: runner.stats?.passes ?? 0,
        failed,
        pending: runner.stats?.pending ?? 0,
        durationMs: Date.now() - started,
        vscodeVersion: vscode.version,
        appHost: vscode.env.appHost,
        extensionPath: vscode.extensions.getExtension('vmss-upgrades.vmss-upgrades')?.extensionPath,
        failures,
      };
      if (process.env.VMSS_TEST_RESULTS) writeFileSync(process.env.VMSS_TEST_RESULTS, JSON.stringify(results, null, 2));
      console.log(`integration: ${results.passed} passed, ${failed} failed, ${results.pending} pending (VS Code ${vscode.version}, ${vscode.env.appHost})`);
      if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: error.stack ?? String(error) }));
  });
}

/**
 * Every *.test.js below this folder, so new test files need no registration — except output
 * left behind in out/ by a test whose .ts source was deleted or renamed (tsc never cleans out/).
 */
function testFiles(dir: string): string[] {
  const sourceDir = path.resolve(dir, '..', '..', '..', 'test', 'integration');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js') && existsSync(path.join(sourceDir, file.replace(/\.js$/, '.ts'))))
    .sort()
    .map((file) => path.join(dir, file));
}
