// Retries an Azure call on errors that say "try again" (429, 5xx, dropped connections) after the SDK's
// own retries gave up. Waits use the injected clock. Anything else — a failed long-running operation,
// a 4xx, an abort — is returned to the caller at once.
import { describeAzureError } from '../../azure/azureError';
import type { Clock } from '../../shared/clock';

export interface RetryPlan {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPlan: RetryPlan = { attempts: 8, firstDelayMs: 5_000, maxDelayMs: 60_000 };

export function isTransient(err: unknown): boolean {
  const info = describeAzureError(err);
  if (info.kind === 'throttled' || info.kind === 'server' || info.kind === 'network') return true;
  return info.kind === 'other' && /socket hang up|ECONNRESET|ECONNREFUSED|connection (?:was )?(?:reset|closed|dropped)|network/i.test(info.message);
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || describeAzureError(err).kind === 'aborted';
}

export async function withRetries<T>(clock: Clock, signal: AbortSignal | undefined, op: () => Promise<T>, plan: RetryPlan = defaultRetryPlan): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (isAbort(err, signal) || !isTransient(err) || attempt >= plan.attempts) throw err;
      await clock.sleep(Math.min(plan.maxDelayMs, plan.firstDelayMs * 2 ** (attempt - 1)), signal);
    }
  }
}
