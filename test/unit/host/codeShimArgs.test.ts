// The code shim must understand exactly the command line @vscode/test-electron's runTests builds.
import * as assert from 'node:assert/strict';
import { parseShimArguments } from '../../host/codeShimArgs';

/** The arguments runTests passes (runTest.js in @vscode/test-electron 2.5.2), launchArgs first. */
function runTestsCommandLine(launchArgs: string[], testsPath: string, devPath: string): string[] {
  return [
    ...launchArgs,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-workspace-trust',
    `--extensionTestsPath=${testsPath}`,
    `--extensionDevelopmentPath=${devPath}`,
    '--extensions-dir=/repo/.vscode-test/extensions',
    '--user-data-dir=/repo/.vscode-test/user-data',
  ];
}

describe('code shim arguments', () => {
  it('takes the development path, the tests path and the workspace from a runTests command line', () => {
    const argv = runTestsCommandLine(['/tmp/workspace', '--disable-extensions'], '/repo/out/test/integration/index.js', '/repo');
    assert.deepEqual(parseShimArguments(argv), {
      extensionDevelopmentPath: '/repo',
      extensionTestsPath: '/repo/out/test/integration/index.js',
      workspace: '/tmp/workspace',
    });
  });

  it('resolves relative paths against the working directory and accepts "--name value"', () => {
    const argv = ['--extensionDevelopmentPath', '.', '--extensionTestsPath', 'out/index.js', 'ws'];
    assert.deepEqual(parseShimArguments(argv, '/repo'), {
      extensionDevelopmentPath: '/repo',
      extensionTestsPath: '/repo/out/index.js',
      workspace: '/repo/ws',
    });
  });

  it('opens no workspace when none is given', () => {
    const parsed = parseShimArguments(runTestsCommandLine([], '/t/index.js', '/e'));
    assert.equal(parsed.workspace, undefined);
  });

  it('refuses a missing or repeated development path', () => {
    assert.throws(() => parseShimArguments(['--extensionTestsPath=/t/index.js']), /exactly one --extensionDevelopmentPath, got 0/);
    assert.throws(
      () => parseShimArguments(['--extensionTestsPath=/t', '--extensionDevelopmentPath=/a', '--extensionDevelopmentPath=/b']),
      /exactly one --extensionDevelopmentPath, got 2/,
    );
  });
});
