// Wraps a command handler so that every command is measured without per-command code (issue 8): the
// registration point calls `instrumentCommand(telemetry, id, handler)` once per command.
import type { Outcome } from './events';
import { isCancellation, telemetryErrorCode } from './errorCode';
import type { Telemetry } from './telemetry';

export type Now = () => number;

export function instrumentCommand<A extends unknown[], R>(
  telemetry: Telemetry,
  command: string,
  handler: (...args: A) => R | Promise<R>,
  now: Now = () => performance.now(),
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    const started = now();
    const report = (outcome: Outcome, errorCode?: string) => {
      const properties = { command, outcome, ...(errorCode ? { errorCode } : {}) };
      const measurements = { durationMs: Math.round(now() - started) };
      if (outcome === 'failed') telemetry.sendError('command', properties, measurements);
      else telemetry.send('command', properties, measurements);
    };
    try {
      const result = await handler(...args);
      report('succeeded');
      return result;
    } catch (err) {
      if (isCancellation(err)) report('cancelled');
      else report('failed', telemetryErrorCode(err));
      throw err;
    }
  };
}
