// Starts code-server (VS Code 1.100.3 with a Node extension host) on a free 127.0.0.1 port in
// a fresh temp folder, and stops it by killing its whole process group. The extension host
// inherits the server's environment: that is how tests hand it paths and switches.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { assertHostInstalled, codeServerEntry } from './paths';

export interface CodeServerOptions {
  /** Extra environment for the server and therefore the extension host. */
  readonly env?: Record<string, string>;
  /** Merged over the quiet defaults below into the server-side user settings. */
  readonly settings?: Record<string, unknown>;
  /** .vsix files installed into the server's extensions folder before it starts. */
  readonly installExtensions?: readonly string[];
  readonly port?: number;
  readonly readyTimeoutMs?: number;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  /** The temp folder holding user data, extensions, config, logs and the scratch workspace. */
  readonly dir: string;
  readonly workspaceDir: string;
  readonly settingsPath: string;
  readonly logPath: string;
  /** Merges settings into the user settings file; VS Code applies the change while running. */
  updateSettings(settings: Record<string, unknown>): void;
  readLog(): string;
  stop(): Promise<void>;
}

/** No telemetry, tips, welcome pages, update checks or trust prompts: a quiet, repeatable workbench. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

// Servers not yet stopped. If this process exits without stopping them (a crash, a failed
// test run) or dies of a signal (Ctrl-C in mocha, which has no handler of its own), their
// process groups are killed on the way out.
const running = new Map<ChildProcess, string>();
const killAllRunning = () => {
  for (const [child, dir] of running) {
    killGroup(child, 'SIGKILL');
    removeUnlessKept(dir);
  }
};
process.on('exit', killAllRunning);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllRunning();
    // Keep the signal's meaning: when nobody else handles it, die of it as before.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertHostInstalled();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vmss-host-'));
  const folders = {
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    workspace: path.join(dir, 'workspace'),
    xdgConfig: path.join(dir, 'xdg-config'),
    xdgData: path.join(dir, 'xdg-data'),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  const settingsPath = path.join(folders.userData, 'User', 'settings.json');
  mkdirSync(path.dirname(settingsPath), { recursive: true });
  writeFileSync(settingsPath, JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));
  const configPath = path.join(dir, 'config.yaml');
  writeFileSync(configPath, 'auth: none\ncert: false\n');
  const logPath = path.join(dir, 'code-server.log');

  // XDG_* keep code-server out of $HOME; EXTENSIONS_GALLERY={} stops gallery calls to the internet.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: folders.xdgConfig,
    XDG_DATA_HOME: folders.xdgData,
    EXTENSIONS_GALLERY: '{}',
    ...options.env,
  };
  const commonArgs = ['--user-data-dir', folders.userData, '--extensions-dir', folders.extensions, '--config', configPath];

  for (const vsix of options.installExtensions ?? []) {
    const install = spawnSync(process.execPath, [codeServerEntry, ...commonArgs, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}${install.stderr}`);
  }

  const port = options.port ?? (await freePort());
  const log = openSync(logPath, 'a');
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...commonArgs,
    ],
    // Detached: the server leads its own process group, so stop() reaches the extension hosts
    // and file watchers it starts, and nothing else.
    { cwd: dir, env, detached: true, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  running.set(child, dir);

  const origin = `http://127.0.0.1:${port}`;
  const server: CodeServer = {
    port,
    origin,
    dir,
    workspaceDir: folders.workspace,
    settingsPath,
    logPath,
    updateSettings(settings) {
      const current = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>;
      writeFileSync(settingsPath, JSON.stringify({ ...current, ...settings }, null, 2));
    },
    readLog: () => readFileSync(logPath, 'utf8'),
    async stop() {
      killGroup(child, 'SIGTERM');
      await exited(child, 3000);
      // The file watcher can outlive SIGTERM: make sure the whole group is gone.
      killGroup(child, 'SIGKILL');
      running.delete(child);
      removeUnlessKept(dir);
    },
  };
  try {
    await waitUntilHealthy(origin, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    const logText = server.readLog();
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- code-server log ---\n${logText}`);
  }
  return server;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
}

/** VMSS_KEEP_HOST_DIR=1 keeps server folders (logs, settings, user data) for a post-mortem. */
function removeUnlessKept(dir: string): void {
  if (!process.env.VMSS_KEEP_HOST_DIR) rmSync(dir, { recursive: true, force: true });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
