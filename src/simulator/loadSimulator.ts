// Starts the embedded simulator on first use (issue 4, item 1). In dist/ the bundler keeps the
// require below as a runtime require of dist/simulator-entry.js (scripts/build.mjs), so the simulator
// costs nothing at activation; in out/ (plain-Node tests) it loads the compiled module.
import type { SimulatorEndpoint } from '../connection/simulatorEndpoint';

/** The lazily loaded module (a type-only import: nothing of it enters the activation bundle). */
type SimulatorEntry = typeof import('./simulator-entry');

let entry: SimulatorEntry | undefined;

export function loadSimulator(): SimulatorEntry {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  entry ??= require('./simulator-entry') as SimulatorEntry;
  return entry;
}

export async function startEmbeddedSimulator(): Promise<SimulatorEndpoint> {
  const sim = await loadSimulator().startSimulator();
  return { endpoint: sim.url, ...(sim.ca ? { ca: sim.ca } : {}), stop: () => sim.stop() };
}
