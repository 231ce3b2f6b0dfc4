// The extension's simulator as a process that outlives the extension host (issue 6): a reload finds the
// running one through its discovery file in the extension's global storage and reuses it, so a run
// resumed from the journal meets the world it left. Starting is serialized by a lock file created
// atomically ('wx'), so two windows activating at once start one server. No `vscode` here.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScaledClock } from '../shared/clock';
import { certificateCacheVariable } from '../simulator/transport/certificateCacheVariable';
import { answers, processAlive, readDiscovery, removeDiscovery, sameConfig, type SimulatorConfig, type SimulatorDiscovery } from '../simulator/process/discovery';
import type { SimulatorEndpoint } from './simulatorEndpoint';

export interface SharedSimulatorOptions {
  /** Where the discovery and lock files live (the extension's global storage). */
  readonly dir: string;
  /** dist/simulator-server.js (or its compiled copy in out/ for plain-Node tests). */
  readonly serverScript: string;
  readonly config?: SimulatorConfig;
  /** Passed to the server; default there: 30 minutes. */
  readonly idleMs?: number;
  /** How long to wait for a server (ours or another window's) to come up. */
  readonly startTimeoutMs?: number;
}

export const discoveryFileName = 'simulator.json';
const lockFileName = 'simulator.lock';
/** A lock older than this was left by a host that died while starting a server. */
const staleLockMs = 30_000;

/** Finds the running simulator or starts one; `stop()` ends the process, `detach()` only lets go of it. */
export async function connectSharedSimulator(options: SharedSimulatorOptions): Promise<SimulatorEndpoint> {
  mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, discoveryFileName);
  const config = options.config ?? {};
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    const running = await reusable(file, config);
    if (running) return endpointFor(file, running);
    const release = tryLock(path.join(options.dir, lockFileName));
    if (!release) {
      await sleep(100); // another host is starting one: wait for its discovery file
      continue;
    }
    try {
      const again = await reusable(file, config);
      if (again) return endpointFor(file, again);
      await retire(file, config);
      return endpointFor(file, await startServer(file, options, deadline));
    } finally {
      release();
    }
  }
  throw new Error('The simulator did not start in time.');
}

/** The recorded server, when it is alive, started with this configuration, and answers over its own certificate. */
async function reusable(file: string, config: SimulatorConfig): Promise<SimulatorDiscovery | undefined> {
  const d = readDiscovery(file);
  if (!d || !processAlive(d.pid) || !sameConfig(d.config, config)) return undefined;
  return (await answers(d)) ? d : undefined;
}

/** Under the lock: removes a stale file; stops a live server of another configuration (only one that proves it is ours). */
async function retire(file: string, config: SimulatorConfig): Promise<void> {
  const d = readDiscovery(file);
  if (!d) return;
  if (!sameConfig(d.config, config)) await stopIfOurs(file, d);
  // A dead pid, or a pid that does not answer with the recorded certificate (e.g. reused by another
  // program): never signalled, only forgotten.
  removeDiscovery(file, d.pid);
}

function tryLock(lock: string): (() => void) | undefined {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return () => rmSync(lock, { force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (lockIsStale(lock)) rmSync(lock, { force: true });
    return undefined;
  }
}

function lockIsStale(lock: string): boolean {
  try {
    const owner = Number(readFileSync(lock, 'utf8'));
    return !(owner > 0 && processAlive(owner)) || Date.now() - statSync(lock).mtimeMs > staleLockMs;
  } catch {
    return false; // just released by its owner
  }
}

async function startServer(file: string, options: SharedSimulatorOptions, deadline: number): Promise<SimulatorDiscovery> {
  const { scenario, timeScale } = options.config ?? {};
  const args = [options.serverScript, '--discovery', file, ...(scenario ? ['--scenario', scenario] : []), ...(timeScale !== undefined ? ['--time-scale', String(timeScale)] : []), ...(options.idleMs !== undefined ? ['--idle-ms', String(options.idleMs)] : [])];
  // In VS Code desktop process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it a plain Node.
  // detached + unref: it has its own process group and outlives this extension host.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', [certificateCacheVariable]: options.dir }, windowsHide: true });
  let stderr = '';
  let exited: string | undefined;
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  child.once('error', (err) => (exited = err.message));
  try {
    while (Date.now() < deadline && exited === undefined) {
      const d = readDiscovery(file);
      if (d && d.pid === child.pid && (await answers(d))) return d;
      await sleep(50);
    }
    if (exited === undefined) child.kill();
    throw new Error(`The simulator process ${exited ?? 'did not start in time'}${stderr ? `: ${stderr.trim()}` : ''}`);
  } finally {
    child.stderr?.destroy();
    child.unref();
  }
}

/** Ends the recorded server only while it still answers over its certificate (never a reused pid). */
async function stopIfOurs(file: string, d: SimulatorDiscovery): Promise<void> {
  if (processAlive(d.pid) && (await answers(d))) await stopServer(file, d);
}

async function stopServer(file: string, d: SimulatorDiscovery): Promise<void> {
  try {
    process.kill(d.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 100 && processAlive(d.pid); i++) await sleep(50);
  removeDiscovery(file, d.pid);
}

function endpointFor(file: string, d: SimulatorDiscovery): SimulatorEndpoint {
  return {
    endpoint: d.url,
    ca: d.ca,
    clock: new ScaledClock(d.clock.timeScale, d.clock.start, d.clock.realStart),
    pid: d.pid,
    stop: () => stopIfOurs(file, d),
    // Nothing to release: the process is detached and ends by itself when idle.
    detach: () => Promise.resolve(),
  };
}

/** A server recorded in `dir` that still answers over its certificate is ended (never a reused pid). */
export async function stopSharedSimulator(dir: string): Promise<void> {
  const file = path.join(dir, discoveryFileName);
  const d = readDiscovery(file);
  if (d) await stopIfOurs(file, d);
}

/**
 * The extension's simulator process: `start` finds or starts it (scenario and time scale from the
 * environment, as for the in-process simulator); `stop` ends one this host has not connected to yet
 * (started before a reload), so restarting or leaving the simulator always ends the old world.
 */
export function sharedSimulatorProcess(dir: string, serverScript: string, env: NodeJS.ProcessEnv = process.env): { start: () => Promise<SimulatorEndpoint>; stop: () => Promise<void> } {
  return {
    start: () => {
      const timeScale = Number(env.VMSS_SIMULATOR_TIME_SCALE);
      const config: SimulatorConfig = { ...(env.VMSS_SIMULATOR_SCENARIO ? { scenario: env.VMSS_SIMULATOR_SCENARIO } : {}), ...(timeScale > 0 ? { timeScale } : {}) };
      return connectSharedSimulator({ dir, serverScript, config });
    },
    stop: () => stopSharedSimulator(dir),
  };
}
