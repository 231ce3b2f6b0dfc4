// `vmss-upgrades simulator`: runs the embedded Azure simulator standalone. The FIRST stdout line is a
// JSON object {"url","ca"} (the endpoint and the PEM to trust), so scripts can read one line and go;
// it serves until SIGINT/SIGTERM.
import type { CliCommand, CliIO } from '../main';
import { loadSimulator } from '../../simulator/loadSimulator';

const usage = `Usage: vmss-upgrades simulator [--scenario FILE] [--port N] [--time-scale X]

Runs the embedded Azure simulator on https://127.0.0.1:PORT until stopped (Ctrl-C).
  --scenario FILE    scenario JSON (src/simulator/SCENARIOS.md); default: the built-in demo world
  --port N           port on 127.0.0.1; default: a free one
  --time-scale X     simulated ms per real ms; default: the scenario's (60)
The first line on stdout is {"url": "...", "ca": "<PEM>"}; trust that certificate to connect.`;

function numberOption(values: Record<string, unknown>, key: string, valid: (n: number) => boolean): number | undefined {
  const raw = values[key];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!valid(n)) throw new Error(`--${key} must be ${key === 'port' ? 'an integer from 0 to 65535' : 'a positive number'}, got ${String(raw)}`);
  return n;
}

function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

export const simulatorCommand: CliCommand = {
  summary: 'Run the embedded Azure simulator (HTTPS on 127.0.0.1) until stopped',
  usage,
  options: { scenario: { type: 'string' }, port: { type: 'string' }, 'time-scale': { type: 'string' } },
  async run(values, _positionals, io: CliIO) {
    let port: number | undefined;
    let timeScale: number | undefined;
    try {
      port = numberOption(values, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
      timeScale = numberOption(values, 'time-scale', (n) => n > 0 && Number.isFinite(n));
    } catch (err) {
      io.stderr.write(`vmss-upgrades simulator: ${(err as Error).message}\n${usage}\n`);
      return 2;
    }
    let sim;
    try {
      sim = await loadSimulator().startSimulator({
        ...(typeof values.scenario === 'string' ? { scenario: values.scenario } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(timeScale !== undefined ? { timeScale } : {}),
      });
    } catch (err) {
      io.stderr.write(`vmss-upgrades simulator: ${(err as Error).message}\n`);
      return 1;
    }
    io.stdout.write(`${JSON.stringify({ url: sim.url, ca: sim.ca })}\n`);
    io.stderr.write(`Simulator listening on ${sim.url} (time scale ${sim.clock.timeScale}); ${sim.world.scaleSets.length} scale sets in ${sim.world.subscriptions.length} subscriptions. Ctrl-C stops it.\n`);
    await untilStopped();
    await sim.stop();
    return 0;
  },
};
