// Test hook: keeps every event the extension would send, in memory and (when the test run names a file
// in VMSS_UPGRADES_TELEMETRY_CAPTURE) as JSON lines, so that the privacy scan can read them from outside
// the extension host. Events arrive here already sanitized — exactly what the reporter would get.
import { appendFileSync } from 'node:fs';
import type { SanitizedEvent } from './sanitize';
import type { TelemetrySink } from './telemetry';

export interface CapturedEvent extends SanitizedEvent {
  readonly isError: boolean;
}

export const captureFileVariable = 'VMSS_UPGRADES_TELEMETRY_CAPTURE';

export class CaptureSink implements TelemetrySink {
  readonly events: CapturedEvent[] = [];

  constructor(private readonly file?: string) {}

  send(event: SanitizedEvent, isError: boolean): void {
    const captured = { ...event, isError };
    this.events.push(captured);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(captured)}\n`);
  }
}
