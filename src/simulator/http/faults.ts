// Injected faults, by rate (seeded PRNG) and/or by matching method, path and occurrence: error
// statuses (429 with Retry-After, 5xx), dropped connections, slow responses and failed LROs. The
// faulted request never reaches a handler, so it changes nothing (except failOperation, which lets
// the operation start and then report Failed).
import type { Random } from '../prng';
import type { SimRequest } from './message';

export interface FaultRule {
  readonly method?: string;
  /** Regular expression matched case-insensitively against the path. */
  readonly path?: string;
  /** 1-based occurrences among the requests this rule matches (e.g. [1, 2]: the first two). */
  readonly occurrences?: readonly number[];
  /** Probability in [0, 1] per matching request. */
  readonly rate?: number;
  readonly status?: number;
  readonly code?: string;
  readonly message?: string;
  readonly retryAfterSeconds?: number;
  readonly drop?: boolean;
  readonly delayMs?: number;
  readonly failOperation?: { readonly code: string; readonly message?: string };
}

export interface FaultDecision {
  /** An error response instead of the real one. */
  readonly respond?: { status: number; code: string; message: string; retryAfterSeconds?: number };
  readonly drop?: boolean;
  readonly delayMs: number;
  readonly failOperation?: { code: string; message: string };
  /** Which rules fired, for the request log. */
  readonly labels: string[];
}

const defaultCodes: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'The request is being throttled; retry after the time in the Retry-After header.'],
  500: ['InternalServerError', 'The server encountered an internal error. Please retry the request.'],
  502: ['BadGateway', 'The gateway did not receive a response from the service.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry the request.'],
  504: ['GatewayTimeout', 'The gateway did not receive a response within the specified time period.'],
};

export class FaultInjector {
  private readonly seen: number[];

  constructor(
    private readonly rules: readonly FaultRule[],
    private readonly random: Random,
  ) {
    this.seen = rules.map(() => 0);
  }

  private fires(rule: FaultRule, index: number, req: SimRequest): boolean {
    if (rule.method && rule.method.toUpperCase() !== req.method.toUpperCase()) return false;
    if (rule.path && !new RegExp(rule.path, 'i').test(req.url.pathname)) return false;
    const occurrence = ++this.seen[index];
    if (rule.occurrences && !rule.occurrences.includes(occurrence)) return false;
    return rule.rate === undefined || this.random() < rule.rate;
  }

  decide(req: SimRequest): FaultDecision {
    let delayMs = 0;
    let respond: FaultDecision['respond'];
    let drop = false;
    let failOperation: FaultDecision['failOperation'];
    const labels: string[] = [];
    this.rules.forEach((rule, i) => {
      if (!this.fires(rule, i, req)) return;
      if (rule.delayMs) delayMs += rule.delayMs;
      if (rule.drop && !respond) drop = true;
      if (rule.status && !drop && !respond) {
        const [code, message] = defaultCodes[rule.status] ?? ['InternalServerError', 'Injected failure.'];
        respond = { status: rule.status, code: rule.code ?? code, message: rule.message ?? message, ...(rule.retryAfterSeconds !== undefined ? { retryAfterSeconds: rule.retryAfterSeconds } : {}) };
      }
      if (rule.failOperation) failOperation = { code: rule.failOperation.code, message: rule.failOperation.message ?? 'The operation failed (injected).' };
      labels.push(rule.drop ? 'drop' : rule.status ? `status ${rule.status}` : rule.failOperation ? 'failOperation' : `delay ${rule.delayMs}ms`);
    });
    return { delayMs, labels, ...(respond ? { respond } : {}), ...(drop ? { drop } : {}), ...(failOperation ? { failOperation } : {}) };
  }
}
