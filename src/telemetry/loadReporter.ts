// Loads the telemetry reporter bundle on first use (only when a connection string is configured).
// In dist/ the bundler keeps this require as a runtime require of dist/telemetry-reporter.js.
export type ReporterModule = typeof import('./telemetry-reporter');

let reporterModule: ReporterModule | undefined;

export function loadReporter(): ReporterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  reporterModule ??= require('./telemetry-reporter') as ReporterModule;
  return reporterModule;
}
