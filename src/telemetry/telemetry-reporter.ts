// Entry of the lazily loaded telemetry bundle (dist/telemetry-reporter.js): @vscode/extension-telemetry
// and its Application Insights client weigh ~350 KB, and with no connection string configured (the
// default) they are never loaded. The package sends through `vscode.env.createTelemetryLogger`, so the
// user's `telemetry.telemetryLevel` decides: nothing leaves the machine when it is off.
import { type CustomFetcher, TelemetryReporter } from '@vscode/extension-telemetry';
import type { SanitizedEvent } from './sanitize';
import type { TelemetrySink } from './telemetry';

export interface ReporterSink extends TelemetrySink {
  /** The level VS Code currently allows ('all', 'error', 'crash' or 'off'). */
  readonly level: string;
  dispose(): Promise<void>;
}

export function createReporterSink(connectionString: string, fetcher?: CustomFetcher): ReporterSink {
  const reporter = new TelemetryReporter(connectionString, undefined, undefined, fetcher);
  return {
    get level() {
      return reporter.telemetryLevel;
    },
    send(event: SanitizedEvent, isError: boolean) {
      if (isError) reporter.sendTelemetryErrorEvent(event.name, event.properties, event.measurements);
      else reporter.sendTelemetryEvent(event.name, event.properties, event.measurements);
    },
    async dispose() {
      await reporter.dispose();
    },
  };
}
