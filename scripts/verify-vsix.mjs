// `npm run package:verify`: after `npm run package`, installs vmss-upgrades.vsix (or the path
// given) into a fresh code-server and runs the extension's core integration suite against it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const vsix = path.resolve(process.argv[2] ?? path.join(root, 'vmss-upgrades.vsix'));
if (!existsSync(vsix)) {
  console.error(`verify-vsix: ${vsix} not found: run \`npm run package\` first`);
  process.exit(1);
}
// The suite runs compiled (out/test/integration) inside the extension host.
for (const [command, args] of [[process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']], ['bash', [path.join(root, 'scripts', 'install-host.sh')]]]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.error(`verify-vsix: ${path.basename(args[0])} exited with ${result.status}`);
}
const { verifyVsix } = await tsImport('../test/host/verifyVsix.ts', import.meta.url);
process.exitCode = await verifyVsix(vsix);
