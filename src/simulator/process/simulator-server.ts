// Entry of dist/simulator-server.js: the extension's simulator as its own detached process (issue 6),
// so that a window reload (which ends the extension host) does not reset the simulated world. It
// publishes itself in a discovery file once it listens, and ends on SIGTERM (the user restarted or
// left the simulator), after IDLE_EXIT_MS without a request, or when its discovery file is gone.
//   node simulator-server.js --discovery FILE [--scenario S] [--time-scale X] [--idle-ms N]
import { parseArgs } from 'node:util';
import type { ScaledClock } from '../../shared/clock';
import { loadSimulator } from '../loadSimulator';
import { readDiscovery, removeDiscovery, writeDiscovery, type SimulatorConfig } from './discovery';

/**
 * Nobody used it for this long: no extension host polls it (a running upgrade polls every few
 * seconds), so it is not needed any more. Long enough to survive a reload or a coffee break.
 */
export const IDLE_EXIT_MS = 30 * 60_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { discovery: { type: 'string' }, scenario: { type: 'string' }, 'time-scale': { type: 'string' }, 'idle-ms': { type: 'string' } } });
  const file = values.discovery;
  if (!file) throw new Error('--discovery FILE is required');
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  const idleMs = values['idle-ms'] === undefined ? IDLE_EXIT_MS : Number(values['idle-ms']);
  const config: SimulatorConfig = { ...(values.scenario ? { scenario: values.scenario } : {}), ...(timeScale !== undefined ? { timeScale } : {}) };

  const sim = await loadSimulator().startSimulator(config);
  // Duck-typed: the simulator bundle has its own copy of the ScaledClock class.
  const clock = sim.clock as Partial<ScaledClock>;
  if (typeof clock.start !== 'number' || typeof clock.realStart !== 'number' || !sim.ca) throw new Error('the simulator must listen with its own ScaledClock');
  const { timeScale: scale } = sim.clock;
  const { start, realStart } = clock;
  writeDiscovery(file, { pid: process.pid, url: sim.url, ca: sim.ca, clock: { timeScale: scale, start, realStart }, config });
  // The launcher closes its end of the stderr pipe once we are published, and the host that started us
  // may be gone: a later write (a Node warning) must not crash the server with EPIPE.
  process.stderr.on('error', () => undefined);

  // Ending the process closes the socket; a graceful close would wait for the SDK's kept-alive connections.
  const exit = () => {
    removeDiscovery(file, process.pid);
    process.exit(0);
  };
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);

  // Idle = the request log did not grow. Orphaned = the discovery file no longer names this process
  // (its storage was deleted, or a host replaced it): no host can find it again, so it is not needed.
  let seen = sim.requests().length;
  let lastUse = Date.now();
  setInterval(
    () => {
      const count = sim.requests().length;
      if (count !== seen) {
        seen = count;
        lastUse = Date.now();
      }
      if (Date.now() - lastUse >= idleMs) exit();
      if (readDiscovery(file)?.pid !== process.pid) process.exit(0);
    },
    Math.max(50, Math.min(5_000, idleMs / 4)),
  );
}

main().catch((err: unknown) => {
  // Read by the launcher through the stderr pipe it holds until the server is ready.
  process.stderr.write(`simulator-server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
