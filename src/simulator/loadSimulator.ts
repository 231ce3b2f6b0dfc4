// Starts the embedded simulator on first use (issue 4, item 1). In dist/ the bundler keeps the
// require below as a runtime require of dist/simulator-entry.js (scripts/build.mjs), so the simulator
// costs nothing at activation; in out/ (plain-Node tests) it loads the compiled module.
import type { SimulatorEndpoint } from '../connection/simulatorEndpoint';
import { lazyBundle } from '../shared/lazyBundle';

/** The lazily loaded module (a type-only import: nothing of it enters the activation bundle). */
type SimulatorEntry = typeof import('./simulator-entry');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./simulator-entry') as SimulatorEntry);

export function loadSimulator(): SimulatorEntry {
  return bundle.load();
}

/**
 * The extension's simulator: HTTPS on 127.0.0.1 (the same network path as Azure). Tests and demos pick
 * another scenario or time scale through VMSS_SIMULATOR_SCENARIO (a built-in name or a JSON file) and
 * VMSS_SIMULATOR_TIME_SCALE; the extension host inherits them from VS Code's environment.
 */
export async function startEmbeddedSimulator(env: NodeJS.ProcessEnv = process.env): Promise<SimulatorEndpoint> {
  const timeScale = Number(env.VMSS_SIMULATOR_TIME_SCALE);
  const sim = await loadSimulator().startSimulator({
    ...(env.VMSS_SIMULATOR_SCENARIO ? { scenario: env.VMSS_SIMULATOR_SCENARIO } : {}),
    ...(timeScale > 0 ? { timeScale } : {}),
  });
  return { endpoint: sim.url, ...(sim.ca ? { ca: sim.ca } : {}), clock: sim.clock, stop: () => sim.stop() };
}
