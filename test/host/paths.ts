// Where the real-VS-Code test host lives. scripts/install-host.sh puts code-server into
// .cache/host; Chromium comes from Debian. Both paths can be overridden for other machines.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root, found from this file whether it runs from test/host or out/test/host. */
export const repoRoot = findRepoRoot(__dirname);

export const hostDir = process.env.VMSS_HOST_DIR ?? path.join(repoRoot, '.cache', 'host');
export const codeServerEntry = path.join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.VMSS_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, '.test-artifacts', 'screenshots');
export const installHostScript = path.join(repoRoot, 'scripts', 'install-host.sh');

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scripts', 'install-host.sh'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${start}`);
  }
}

export function assertHostInstalled(): void {
  if (!existsSync(codeServerEntry)) throw new Error(`code-server is not installed: run ${installHostScript}`);
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run ${installHostScript}`);
}
