// Compute throttling budgets: per-window call budgets (e.g. Microsoft.Compute/HighCostGet3Min) that
// answer 429 OperationNotAllowed with Retry-After once spent, and report what is left in
// `x-ms-ratelimit-remaining-resource` on every counted response, as Compute does. Windows run in
// simulated time; Retry-After is in real seconds (what the client will wait).
import { ArmError } from '../armError';
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

export class Throttle {
  private readonly calls: number[][];

  constructor(
    private readonly budgets: readonly Budget[],
    private readonly timeScale: number,
  ) {
    this.calls = budgets.map(() => []);
  }

  private applies(b: Budget, req: SimRequest): boolean {
    if (b.method && b.method.toUpperCase() !== req.method.toUpperCase()) return false;
    return new RegExp(b.path ?? '/providers/Microsoft\\.Compute/', 'i').test(req.url.pathname);
  }

  /** Counts the request against its budgets; throws 429 when one is spent. Returns the headers to send. */
  admit(req: SimRequest, now: number): Record<string, string> {
    const applicable = this.budgets.map((b, i) => ({ b, i })).filter(({ b }) => this.applies(b, req));
    if (applicable.length === 0) return {};
    for (const { b, i } of applicable) {
      const windowMs = b.windowSeconds * 1000;
      this.calls[i] = this.calls[i].filter((t) => t > now - windowMs);
      if (this.calls[i].length >= b.limit) {
        const waitSimMs = this.calls[i][0] + windowMs - now;
        const retryAfter = Math.max(1, Math.ceil(waitSimMs / this.timeScale / 1000));
        throw new ArmError(
          429,
          'OperationNotAllowed',
          'The server rejected the request because too many requests have been received for this subscription.',
          undefined,
          { 'retry-after': String(retryAfter), 'x-ms-ratelimit-remaining-resource': `${b.name};0` },
          [{ code: 'TooManyRequests', target: b.name, message: JSON.stringify({ operationGroup: b.name, allowedRequestCount: b.limit, measuredRequestCount: this.calls[i].length }) }],
        );
      }
    }
    for (const { i } of applicable) this.calls[i].push(now);
    return { 'x-ms-ratelimit-remaining-resource': applicable.map(({ b, i }) => `${b.name};${b.limit - this.calls[i].length}`).join(',') };
  }
}
