// ETag preconditions (If-Match / If-None-Match) on writes: a mismatch is 412 PreconditionFailed.
import { ArmError } from '../armError';
import type { SimRequest } from '../http/message';
import { etagOf } from '../serialize/scaleSetJson';

function preconditionFailed(): ArmError {
  return new ArmError(412, 'PreconditionFailed', 'The condition specified using HTTP conditional header(s) is not met.');
}

/** `etag` is the resource's current version, or undefined when it does not exist. */
export function checkPreconditions(req: SimRequest, etag: number | undefined): void {
  const ifMatch = req.headers.get('if-match');
  if (ifMatch !== undefined) {
    const wanted = ifMatch.split(',').map((t) => t.trim());
    const ok = etag !== undefined && (wanted.includes('*') || wanted.includes(etagOf(etag)));
    if (!ok) throw preconditionFailed();
  }
  const ifNoneMatch = req.headers.get('if-none-match');
  if (ifNoneMatch !== undefined && etag !== undefined) {
    const unwanted = ifNoneMatch.split(',').map((t) => t.trim());
    if (unwanted.includes('*') || unwanted.includes(etagOf(etag))) throw preconditionFailed();
  }
}
