// Counts what the run summary reports (issue 5): logical ARM calls, retried attempts, throttled (429)
// and server-error responses. Fed by two pipeline policies (per call and per retry).
export interface CallStats {
  calls: number;
  attempts: number;
  throttled: number;
  serverErrors: number;
}

export function emptyStats(): CallStats {
  return { calls: 0, attempts: 0, throttled: 0, serverErrors: 0 };
}

export function retriesOf(stats: CallStats): number {
  return Math.max(0, stats.attempts - stats.calls);
}
