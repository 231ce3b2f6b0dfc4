// What the privacy scan of a UI run reads (issue 8), collected under .test-artifacts/privacy/:
// every telemetry event the extension emitted (its capture sink, VMSS_UPGRADES_TELEMETRY_CAPTURE),
// every line given to the "Azure Scale Sets" log at any level (VMSS_UPGRADES_LOG_CAPTURE), the log
// files VS Code itself wrote for that channel (copied before each server's folder is deleted), and
// the workspace folders of the run (paths that must not appear anywhere).
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../host/paths';

export const privacyDir = path.join(repoRoot, '.test-artifacts', 'privacy');
export const telemetryCaptureFile = path.join(privacyDir, 'telemetry.jsonl');
export const logMirrorFile = path.join(privacyDir, 'log-mirror.txt');
export const channelCopiesDir = path.join(privacyDir, 'output-channel');
export const workspacesFile = path.join(privacyDir, 'workspaces.txt');
export const channelLogName = 'Azure Scale Sets.log';

let started = false;

/** Environment for the extension host of a UI run; the first call of a run empties the folder. */
export function privacyCaptureEnv(): Record<string, string> {
  if (!started) {
    rmSync(privacyDir, { recursive: true, force: true });
    mkdirSync(channelCopiesDir, { recursive: true });
    started = true;
  }
  return { VMSS_UPGRADES_TELEMETRY_CAPTURE: telemetryCaptureFile, VMSS_UPGRADES_LOG_CAPTURE: logMirrorFile };
}

/** Remembers a server's workspace folder and copies its channel log files (call before it stops). */
export function collectServerArtifacts(server: { readonly dir: string; readonly workspaceDir: string }): void {
  mkdirSync(channelCopiesDir, { recursive: true });
  appendFileSync(workspacesFile, `${server.workspaceDir}\n${server.dir}\n`);
  const logs = path.join(server.dir, 'user-data', 'logs');
  if (!existsSync(logs)) return;
  const found = readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === channelLogName);
  for (const [i, file] of found.entries()) copyFileSync(path.join(logs, file), path.join(channelCopiesDir, `${path.basename(server.dir)}-${i}-${channelLogName}`));
}
