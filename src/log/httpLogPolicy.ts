// A pipeline policy that logs every HTTP attempt the Azure SDK makes, at debug level (issue 8): method,
// redacted URL (subscription ids and resource names replaced), status, duration and retry attempt.
// Never headers (they hold the bearer token) and never bodies. Added per retry, so that each attempt is
// one line. Pure: no `vscode` import; any logger with `debug` will do.
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import { describeAzureError } from '../azure/azureError';
import { redactUrl } from '../shared/redact';

export interface DebugLog {
  debug(message: string): void;
}

export const httpLogPolicyName = 'vmssUpgradesHttpLog';

export function httpLogPolicy(log: DebugLog, now: () => number = () => performance.now()): PipelinePolicy {
  // The retry policy sends the same request object again: counting per object numbers the attempts.
  const attempts = new WeakMap<PipelineRequest, number>();
  return {
    name: httpLogPolicyName,
    async sendRequest(request, next) {
      const attempt = (attempts.get(request) ?? 0) + 1;
      attempts.set(request, attempt);
      const started = now();
      const what = `${request.method} ${redactUrl(request.url)}`;
      const retry = attempt > 1 ? ` (retry ${attempt - 1})` : '';
      try {
        const response = await next(request);
        log.debug(`HTTP ${what} → ${response.status} in ${Math.round(now() - started)} ms${retry}`);
        return response;
      } catch (err) {
        const info = describeAzureError(err);
        const status = info.statusCode ? `${info.statusCode} ` : '';
        log.debug(`HTTP ${what} → ${status}failed (${info.code ?? info.kind}) in ${Math.round(now() - started)} ms${retry}`);
        throw err;
      }
    },
  };
}
