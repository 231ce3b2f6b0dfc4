// Entry of the lazily loaded bundle dist/simulator-entry.js: what the extension and the CLI need to
// run the embedded simulator.
import { Simulator, type SimulatorOptions } from './simulator';

export { Simulator, inMemoryOrigin, type SimulatorOptions } from './simulator';
export { loadScenario, ScenarioError } from './scenario/loadScenario';
export type { Scenario } from './scenario/scenarioTypes';
export type { PublishRequest } from './routes/control';
export type { LoggedRequest } from './http/requestLog';

/** Starts a simulator (HTTPS on 127.0.0.1 unless `listen: false`); `stop()` ends it. */
export function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return Simulator.start(options);
}
