// Classifies whatever an SDK call threw, so every caller can show a clear message (issue 4, item 5)
// without parsing SDK internals. A failed LRO rejects with a plain Error that carries the code only in
// its message (azure-sdk.md); RestErrors carry `code` and `statusCode`.
export type AzureErrorKind = 'aborted' | 'auth' | 'forbidden' | 'notFound' | 'conflict' | 'throttled' | 'server' | 'network' | 'invalid' | 'other';

export interface AzureErrorInfo {
  readonly kind: AzureErrorKind;
  readonly code?: string;
  readonly statusCode?: number;
  readonly message: string;
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET']);

function kindOf(status: number | undefined, code: string | undefined, name: string | undefined): AzureErrorKind {
  if (name === 'AbortError') return 'aborted';
  if (code && networkCodes.has(code)) return 'network';
  if (status === 401 || code === 'ExpiredAuthenticationToken' || code === 'InvalidAuthenticationToken' || name === 'CredentialUnavailableError' || name === 'AuthenticationRequiredError') return 'auth';
  if (status === 403 || code === 'AuthorizationFailed') return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'server';
  if (status === 400) return 'invalid';
  return 'other';
}

export function describeAzureError(err: unknown): AzureErrorInfo {
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown; name?: unknown };
  let code = typeof e.code === 'string' ? e.code : undefined;
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  // Failed long-running operations: "… code: RollingUpgradeInProgress …" or "(Code) message".
  code ??= /\b([A-Z][A-Za-z]+(?:Error|Exceeded[A-Za-z]*|InProgress[A-Za-z]*|Failed|Conflict|NotFound))\b/.exec(message)?.[1];
  return { kind: kindOf(statusCode, code, typeof e.name === 'string' ? e.name : undefined), code, statusCode, message };
}

/** What a log line may say about a failure: its kind and code, never its message (which can hold names). */
export function errorSummary(err: unknown): string {
  const { kind, code } = describeAzureError(err);
  const errno = (err as { code?: unknown } | undefined)?.code;
  const detail = code ?? (typeof errno === 'string' ? errno : undefined);
  return detail ? `${kind} (${detail})` : kind;
}
