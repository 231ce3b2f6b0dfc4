// Polls a long-running operation the way the SDK's own pollUntilDone does (first poll at once, then one
// every interval; a `Retry-After` on a poll response replaces the interval, `Retry-After: 0` does not:
// azure-sdk.md), but waits through an injectable sleep so a simulated clock can pace it, and never swaps
// the server's Retry-After for a fixed interval. The Retry-After values are read at the transport by
// `retryAfterPolicy` (the poller keeps them to itself) and looked up by the operation's URL path.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { OperationState, PollerLike } from '@azure/core-lro';

export type PollSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Retry-After (ms) last seen on a GET response, by lower-case URL path. */
export class RetryAfterLog {
  private readonly byPath = new Map<string, number>();

  record(url: string, ms: number): void {
    this.byPath.set(pathOf(url), ms);
  }

  /** Returns and forgets the value for this URL's path. */
  take(url: string | undefined): number | undefined {
    if (!url) return undefined;
    const key = pathOf(url);
    const ms = this.byPath.get(key);
    this.byPath.delete(key);
    return ms;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Seconds or an HTTP date, as core-lro reads it; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function retryAfterPolicy(log: RetryAfterLog): PipelinePolicy {
  return {
    name: 'vmssUpgradesRetryAfterLog',
    async sendRequest(request, next) {
      const response = await next(request);
      if (request.method === 'GET') {
        const ms = parseRetryAfterMs(response.headers.get('retry-after') ?? undefined);
        if (ms !== undefined) log.record(request.url, ms);
      }
      return response;
    },
  };
}

export interface PollPacing {
  readonly intervalMs: number;
  readonly sleep: PollSleep;
  readonly retryAfter: RetryAfterLog;
}

function operationUrl<T>(poller: PollerLike<OperationState<T>, T>): string | undefined {
  return (poller.operationState as { config?: { operationLocation?: string } } | undefined)?.config?.operationLocation;
}

/** pollUntilDone with the pacing's sleep; the result, or the operation's error. */
export async function pollPaced<T>(poller: PollerLike<OperationState<T>, T>, pacing: PollPacing, signal?: AbortSignal): Promise<T> {
  await poller.submitted();
  const options = signal ? { abortSignal: signal } : undefined;
  if (!poller.isDone) {
    await poller.poll(options);
    while (!poller.isDone) {
      const retryAfter = pacing.retryAfter.take(operationUrl(poller));
      await pacing.sleep(retryAfter !== undefined && retryAfter > 0 ? retryAfter : pacing.intervalMs, signal);
      await poller.poll(options);
    }
  }
  return poller.pollUntilDone(options);
}
