// Proves a packaged .vsix works: installs it into a fresh code-server with --install-extension
// (no development extension loaded) and runs the core integration suite against it — the
// extension is found, activates from the bundle, exports its API and registers its commands
// and views. Used by `npm run package:verify`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IntegrationResults } from '../integration/index';
import { repoRoot } from './paths';
import { runExtensionTestsInCodeServer } from './runInCodeServer';
import { exitOnInterrupt } from './signals';

export async function verifyVsix(vsix: string): Promise<number> {
  exitOnInterrupt();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'vmss-vsix-'));
  const resultsFile = path.join(scratch, 'results.json');
  try {
    const code = await runExtensionTestsInCodeServer({
      // VS Code runs extension tests only with a development extension loaded: an empty one.
      extensionDevelopmentPath: emptyExtension(path.join(scratch, 'empty-extension')),
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      installExtensions: [path.resolve(vsix)],
      // Only the suite about the extension itself: other suites may rely on development mode
      // or on repository files next to the extension.
      env: { VMSS_TEST_RESULTS: resultsFile, VMSS_TEST_FILES: 'extension.test.js' },
    });
    if (!existsSync(resultsFile)) {
      console.log(`verify-vsix: no test results (exit code ${code})`);
      return 1;
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as IntegrationResults;
    const fromVsix = results.extensionPath !== undefined && !path.resolve(results.extensionPath).startsWith(repoRoot);
    console.log(`verify-vsix: ${path.basename(vsix)} installed at ${results.extensionPath}; ${results.passed} passed, ${results.failed} failed (exit code ${code})`);
    return code === 0 && results.passed > 0 && fromVsix ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function emptyExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'empty-test-host', publisher: 'vmss-upgrades-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}
