// The only thing telemetry says about a failure: a code (ARM's `RollingUpgradeInProgress`, Node's
// `ECONNREFUSED`) or, without one, the error's kind/name. Never the message: messages carry resource ids.
import { describeAzureError } from '../azure/azureError';

const codeShape = /^[A-Za-z][A-Za-z0-9_]{1,79}$/;

export function telemetryErrorCode(err: unknown): string {
  const info = describeAzureError(err);
  if (info.code && codeShape.test(info.code)) return info.code;
  if (info.kind !== 'other') return info.kind;
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' && codeShape.test(name) ? name : 'unknown';
}

/** VS Code's CancellationError is named `Canceled`; aborted SDK calls throw `AbortError`. */
export function isCancellation(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'Canceled' || name === 'AbortError' || name === 'CancellationError';
}
