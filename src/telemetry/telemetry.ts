// The extension's one telemetry entry point. Typed by the catalogue (events.ts), sanitized once here,
// then handed to every sink: the @vscode/extension-telemetry reporter (only with a connection string,
// and only when the user's telemetry setting allows) and, in tests, a capture sink. Pure: no `vscode`.
import type { MeasurementsOf, PropertiesOf, TelemetryEventName } from './events';
import { type SanitizedEvent, sanitizeEvent } from './sanitize';

export interface TelemetrySink {
  send(event: SanitizedEvent, isError: boolean): void;
}

export class Telemetry {
  private readonly sinks = new Set<TelemetrySink>();

  addSink(sink: TelemetrySink): { dispose(): void } {
    this.sinks.add(sink);
    return { dispose: () => this.sinks.delete(sink) };
  }

  send<E extends TelemetryEventName>(name: E, properties: PropertiesOf<E>, measurements: MeasurementsOf<E>): void {
    this.deliver(sanitizeEvent(name, properties, measurements), false);
  }

  /** The same event, reported through the error channel (kept when the user allows errors only). */
  sendError<E extends TelemetryEventName>(name: E, properties: PropertiesOf<E>, measurements: MeasurementsOf<E>): void {
    this.deliver(sanitizeEvent(name, properties, measurements), true);
  }

  private deliver(event: SanitizedEvent, isError: boolean): void {
    for (const sink of this.sinks) {
      try {
        sink.send(event, isError);
      } catch {
        // Telemetry must never break the feature it measures.
      }
    }
  }
}
