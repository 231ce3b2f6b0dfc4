// The body of the `code-shim.mjs` executable: a stand-in for a VS Code executable that runs
// @vscode/test-electron's command line in code-server + Chromium, so
// `runTests({ vscodeExecutablePath: 'test/host/code-shim.mjs', … })` works unchanged on
// machines that cannot download VS Code. Exit code = the tests' verdict.
import { parseShimArguments } from './codeShimArgs';
import { runExtensionTestsInCodeServer } from './runInCodeServer';
import { exitOnInterrupt } from './signals';

export async function main(argv: readonly string[]): Promise<number> {
  exitOnInterrupt();
  const args = parseShimArguments(argv);
  console.log(`[code-shim] running ${args.extensionTestsPath} in code-server`);
  return runExtensionTestsInCodeServer({
    ...args,
    timeoutMs: Number(process.env.VMSS_HOST_TIMEOUT_MS ?? 300_000),
  });
}
