// Compute throttling budgets: per-window call budgets (e.g. Microsoft.Compute/HighCostGet3Min) that
// answer 429 OperationNotAllowed with Retry-After once spent, and report what is left in
// `x-ms-ratelimit-remaining-resource` on every counted response (errors included), as Compute does
// (learn: Troubleshooting API throttling errors). Budgets count per subscription ("activities by all
// subscription clients are counted together"); the 429 lists every exhausted policy in `details`.
// Windows run in simulated time; Retry-After is in real seconds (what the client will wait).
import { ArmError, type ArmErrorDetail } from '../armError';
import { iso } from '../serialize/time';
import type { SimRequest } from './message';

export interface Budget {
  /** e.g. Microsoft.Compute/HighCostGet3Min */
  readonly name: string;
  readonly windowSeconds: number;
  readonly limit: number;
  readonly method?: string;
  /** Regular expression on the path; default: every Microsoft.Compute request. */
  readonly path?: string;
}

const subscriptionOf = (path: string): string => (/^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? '').toLowerCase();

export class Throttle {
  /** Call times per budget and subscription. */
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly budgets: readonly Budget[],
    private readonly timeScale: number,
  ) {}

  private applies(b: Budget, req: SimRequest): boolean {
    if (b.method && b.method.toUpperCase() !== req.method.toUpperCase()) return false;
    return new RegExp(b.path ?? '/providers/Microsoft\\.Compute/', 'i').test(req.url.pathname);
  }

  private window(b: Budget, index: number, subscription: string, now: number): number[] {
    const key = `${index}|${subscription}`;
    const kept = (this.calls.get(key) ?? []).filter((t) => t > now - b.windowSeconds * 1000);
    this.calls.set(key, kept);
    return kept;
  }

  /** Counts the request against its budgets; throws 429 when any is spent. Returns the headers to send. */
  admit(req: SimRequest, now: number): Record<string, string> {
    const subscription = subscriptionOf(req.url.pathname);
    const applicable = this.budgets.map((b, i) => ({ b, calls: this.window(b, i, subscription, now) })).filter(({ b }) => this.applies(b, req));
    if (applicable.length === 0) return {};
    const spent = applicable.filter(({ b, calls }) => calls.length >= b.limit);
    if (spent.length > 0) {
      const waitSimMs = Math.max(...spent.map(({ b, calls }) => calls[calls.length - b.limit] + b.windowSeconds * 1000 - now));
      const retryAfter = Math.max(1, Math.ceil(waitSimMs / this.timeScale / 1000));
      const details: ArmErrorDetail[] = spent.map(({ b, calls }) => ({
        code: 'TooManyRequests',
        target: b.name.replace(/^Microsoft\.Compute\//, ''),
        message: JSON.stringify({ operationGroup: b.name.replace(/^Microsoft\.Compute\//, ''), startTime: iso(now - b.windowSeconds * 1000), endTime: iso(now), allowedRequestCount: b.limit, measuredRequestCount: calls.length + 1 }),
      }));
      throw new ArmError(
        429,
        'OperationNotAllowed',
        'The server rejected the request because too many requests have been received for this subscription.',
        undefined,
        { 'retry-after': String(retryAfter), ...remaining(applicable) },
        details,
      );
    }
    for (const { calls } of applicable) calls.push(now);
    return remaining(applicable);
  }
}

function remaining(applicable: readonly { b: Budget; calls: readonly number[] }[]): Record<string, string> {
  return { 'x-ms-ratelimit-remaining-resource': applicable.map(({ b, calls }) => `${b.name};${Math.max(0, b.limit - calls.length)}`).join(',') };
}
