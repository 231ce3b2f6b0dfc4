// Loads the telemetry reporter bundle on first use (only when a connection string is configured).
// In dist/ the bundler keeps this require as a runtime require of dist/telemetry-reporter.js.
import { lazyBundle } from '../shared/lazyBundle';

export type ReporterModule = typeof import('./telemetry-reporter');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./telemetry-reporter') as ReporterModule);

export function loadReporter(): ReporterModule {
  return bundle.load();
}
