// `npm run demo [-- --check] [-- --port=N]`: builds, makes sure the test host is installed, then
// serves the extension in code-server on 127.0.0.1 until Ctrl-C (test/host/demo.ts).
// --check: open it in headless Chromium, verify the Scale Sets view, screenshot, exit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const step = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
step(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
step('bash', [path.join(root, 'scripts', 'install-host.sh')]);

const port = Number(process.argv.find((arg) => arg.startsWith('--port='))?.slice('--port='.length)) || undefined;
const { runDemo } = await tsImport('../test/host/demo.ts', import.meta.url);
process.exitCode = await runDemo({ check: process.argv.includes('--check'), port });
