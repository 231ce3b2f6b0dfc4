// The discovery file of the extension's simulator process (issue 6): where it listens, the certificate
// to trust, its pid, and its clock, so that every extension host (after a reload, or another window)
// finds the same simulated world and reads the same simulated time. No `vscode` here: plain-Node tests.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';

export interface SimulatorDiscovery {
  readonly pid: number;
  readonly url: string;
  /** PEM of the server's self-signed certificate: the only certificate a client trusts for it. */
  readonly ca: string;
  /** ScaledClock(timeScale, clockStart, clockRealStart) rebuilds the server's clock in any process. */
  readonly clock: { readonly timeScale: number; readonly start: number; readonly realStart: number };
  /** What it was started with; a reload with other settings (tests) must not reuse it. */
  readonly config: SimulatorConfig;
}

export interface SimulatorConfig {
  /** A built-in scenario name or a JSON file; undefined: the default world. */
  readonly scenario?: string;
  /** Overrides the scenario's time scale. */
  readonly timeScale?: number;
}

export function readDiscovery(file: string): SimulatorDiscovery | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const d = JSON.parse(text) as SimulatorDiscovery;
    const valid = Number.isInteger(d.pid) && typeof d.url === 'string' && typeof d.ca === 'string' && typeof d.clock?.timeScale === 'number' && typeof d.config === 'object';
    return valid ? d : undefined;
  } catch {
    return undefined; // half-written or corrupt: treated as absent, replaced by the next start
  }
}

/** Written to a temporary file and renamed: a reader never sees half a file. */
export function writeDiscovery(file: string, discovery: SimulatorDiscovery): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(discovery), { mode: 0o600 });
  renameSync(temporary, file);
}

/** Removes the file only if it still names `pid` (a newer server may have replaced it). */
export function removeDiscovery(file: string, pid: number): void {
  if (readDiscovery(file)?.pid === pid) rmSync(file, { force: true });
}

export function sameConfig(a: SimulatorConfig, b: SimulatorConfig): boolean {
  return (a.scenario ?? '') === (b.scenario ?? '') && (a.timeScale ?? 0) === (b.timeScale ?? 0);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else (so it is not our server either way, but alive).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the server answers an authenticated ARM request over TLS verified against the recorded
 * certificate: a stale file whose port now belongs to another server (another certificate) fails here.
 */
export function answers(discovery: Pick<SimulatorDiscovery, 'url' | 'ca'>, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.request(
      `${discovery.url}/subscriptions?api-version=2022-12-01`,
      { ca: discovery.ca, headers: { authorization: 'Bearer simulator-token' }, timeout: timeoutMs, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
