// Throttling and Retry-After rules the spec files cannot express (no Compute operation declares 429 or
// the rate-limit headers), checked on every recorded exchange:
// - a 429 carries Retry-After ("The response includes a Retry-After value, which specifies the number of
//   seconds your application should wait" — learn: Understand how Azure Resource Manager throttles requests),
//   except an answer a scenario's fault rule shaped on purpose (`faults[].status: 429` without
//   `retryAfterSeconds`, used to test clients against a 429 they cannot wait out) — the simulator's own
//   throttling always sends it;
// - Retry-After, wherever sent, is whole seconds (the spec declares it `integer` on every LRO 201/202);
// - x-ms-ratelimit-remaining-resource is `Microsoft.Compute/<policy>;<count>`, comma-joined (learn:
//   Troubleshooting API throttling errors; the joined form as quoted in Azure/azure-libraries-for-java#1222).
import type { RecordedExchange } from '../../src/simulator/http/exchangeRecorder';

const WHOLE_SECONDS = /^\d+$/;
const REMAINING_ENTRY = /^Microsoft\.Compute\/[A-Za-z0-9]+;\d+$/;

export function throttlingProblems(exchange: RecordedExchange): string[] {
  const problems: string[] = [];
  const retryAfter = exchange.responseHeaders['retry-after'];
  if (exchange.status === 429 && retryAfter === undefined && !exchange.injectedFault) problems.push('response 429 without Retry-After');
  if (retryAfter !== undefined && !WHOLE_SECONDS.test(retryAfter)) problems.push(`response ${exchange.status}: Retry-After '${retryAfter}' is not whole seconds`);
  const remaining = exchange.responseHeaders['x-ms-ratelimit-remaining-resource'];
  if (remaining !== undefined && !remaining.split(',').every((entry) => REMAINING_ENTRY.test(entry))) {
    problems.push(`response ${exchange.status}: x-ms-ratelimit-remaining-resource '${remaining}' is not Microsoft.Compute/<policy>;<count>[,…]`);
  }
  return problems;
}
