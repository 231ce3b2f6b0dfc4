// A simulator over HTTPS for CLI tests that call `main(argv, io)` in-process: a temporary directory holding
// its CA certificate, and the flags that point the CLI at it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSimulator, type SimulatorOptions } from '../../../src/simulator/simulator-entry';
import type { Simulator } from '../../../src/simulator/simulator';

export interface CliSimulator {
  readonly sim: Simulator;
  /** A fresh temporary directory (ca.pem inside); for journals and other files of the test. */
  readonly dir: string;
  /** --endpoint, --ca, --time-scale 3000 and --poll-interval 5: the CLI's side of the simulator. */
  readonly connection: string[];
}

/** Starts `scenario` at 3000× (the CLI's --time-scale matches) and writes its CA into a `dirPrefix` temp dir. */
export async function startCliSimulator(scenario: SimulatorOptions['scenario'], dirPrefix: string): Promise<CliSimulator> {
  const sim = await startSimulator({ scenario, timeScale: 3000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  fs.writeFileSync(path.join(dir, 'ca.pem'), sim.ca!);
  return { sim, dir, connection: ['--endpoint', sim.url, '--ca', path.join(dir, 'ca.pem'), '--time-scale', '3000', '--poll-interval', '5'] };
}

export async function stopCliSimulator(cli: Pick<CliSimulator, 'sim' | 'dir'>): Promise<void> {
  await cli.sim.stop();
  fs.rmSync(cli.dir, { recursive: true, force: true });
}
