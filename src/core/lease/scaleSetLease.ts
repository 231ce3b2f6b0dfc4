// Take, renew and release the lease tag (leaseTag.ts) on a scale set. Every write is a PATCH of the
// set's whole tag map with If-Match on the ETag of the read just before it (VirtualMachineScaleSets_Update,
// `If-Match`; the scale set's `etag` "so that customer can supply it in the header to ensure optimistic
// updates" — Compute spec, VirtualMachineScaleSet.etag): when two writers read the same ETag, the second
// write gets 412 PreconditionFailed, reads again and sees the first one's lease. Other tags go back
// exactly as read.
import { describeAzureError } from '../../azure/azureError';
import type { AzureGateway, ScaleSetRef, VirtualMachineScaleSet } from '../../azure/gateway';
import { type Lease, leaseTagName, maxTagsPerResource, formatLease, parseLease } from './leaseTag';

export type LeaseRefusal =
  /** Someone else holds it; `expired`: stale, it may be broken on purpose. */
  | { readonly kind: 'held'; readonly by: Lease; readonly expired: boolean }
  /** Adding the lease tag would pass Azure's 50 tags per resource. */
  | { readonly kind: 'tooManyTags'; readonly count: number }
  /** The set came back without an ETag: an unconditional write could overwrite another driver's lease. */
  | { readonly kind: 'noEtag' };

export type LeaseResult = { readonly ok: true; readonly lease: Lease; readonly broke?: Lease } | { readonly ok: false; readonly refusal: LeaseRefusal };

export interface TakeRequest {
  readonly holder: string;
  readonly runId: string;
  readonly now: number;
  readonly durationMs: number;
  /** Break a stale (expired) lease of another run; a live one is never broken. */
  readonly breakExpired?: boolean;
}

/** Writes after a 412 before giving up: each 412 means another write landed in between. */
const maxConflicts = 5;

const isPreconditionFailed = (err: unknown) => describeAzureError(err).statusCode === 412;

function tagsOf(set: VirtualMachineScaleSet): Record<string, string> {
  return { ...(set.tags ?? {}) };
}

function leaseOf(set: VirtualMachineScaleSet): Lease | undefined {
  const value = set.tags?.[leaseTagName];
  return value === undefined ? undefined : parseLease(value);
}

/**
 * Read, decide, write with If-Match; on 412 read again. `decide` returns the new tag map, or a result
 * that ends the attempt without writing.
 */
async function conditionalTagWrite<T>(
  gateway: AzureGateway,
  ref: ScaleSetRef,
  signal: AbortSignal | undefined,
  decide: (set: VirtualMachineScaleSet) => { readonly tags: Record<string, string>; readonly done: T } | { readonly stop: T },
): Promise<T> {
  for (let conflicts = 0; ; conflicts++) {
    const set = await gateway.getScaleSet(ref, signal);
    const decision = decide(set);
    if ('stop' in decision) return decision.stop;
    if (!set.etag) throw new Error('The scale set was read without an ETag; the lease is written only with If-Match on it.');
    try {
      await gateway.writeScaleSetTags(ref, decision.tags, set.etag, signal);
      return decision.done;
    } catch (err) {
      if (!isPreconditionFailed(err) || conflicts + 1 >= maxConflicts) throw err;
    }
  }
}

/** Takes the lease, or re-takes this run's own (a resume); refuses while another run holds it. */
export async function takeLease(gateway: AzureGateway, ref: ScaleSetRef, request: TakeRequest, signal?: AbortSignal): Promise<LeaseResult> {
  const lease: Lease = { holder: request.holder, runId: request.runId, expiresAt: request.now + request.durationMs };
  return conditionalTagWrite<LeaseResult>(gateway, ref, signal, (set) => {
    if (!set.etag) return { stop: { ok: false, refusal: { kind: 'noEtag' } } };
    const current = leaseOf(set);
    const tags = tagsOf(set);
    if (current && current.runId !== request.runId) {
      const expired = current.expiresAt <= request.now;
      if (!expired || !request.breakExpired) return { stop: { ok: false, refusal: { kind: 'held', by: current, expired } } };
    }
    if (!current && Object.keys(tags).length >= maxTagsPerResource) return { stop: { ok: false, refusal: { kind: 'tooManyTags', count: Object.keys(tags).length } } };
    tags[leaseTagName] = formatLease(lease);
    const broke = current && current.runId !== request.runId ? current : undefined;
    return { tags, done: { ok: true, lease, ...(broke ? { broke } : {}) } };
  });
}

export type RenewResult = { readonly ok: true; readonly lease: Lease } | { readonly ok: false; readonly reason: string };

/**
 * Moves this run's expiry on; fails when the tag no longer names this run (broken, removed, taken).
 * `now` is read when the write is decided (after the read it is conditioned on), not before the read.
 */
export async function renewLease(gateway: AzureGateway, ref: ScaleSetRef, own: Lease, now: () => number, durationMs: number, signal?: AbortSignal): Promise<RenewResult> {
  return conditionalTagWrite<RenewResult>(gateway, ref, signal, (set) => {
    const current = leaseOf(set);
    if (!current) return { stop: { ok: false, reason: `the lease tag ${leaseTagName} was removed from the scale set` } };
    if (current.runId !== own.runId) return { stop: { ok: false, reason: `the lease is now held by ${current.holder}${current.runId ? ` (run ${current.runId})` : ''}` } };
    const lease: Lease = { ...own, expiresAt: now() + durationMs };
    return { tags: { ...tagsOf(set), [leaseTagName]: formatLease(lease) }, done: { ok: true, lease } };
  });
}

/** Removes the tag when it still names this run; returns false when it did not (nothing removed). */
export async function releaseLease(gateway: AzureGateway, ref: ScaleSetRef, runId: string, signal?: AbortSignal): Promise<boolean> {
  return conditionalTagWrite<boolean>(gateway, ref, signal, (set) => {
    if (leaseOf(set)?.runId !== runId) return { stop: false };
    const tags = tagsOf(set);
    delete tags[leaseTagName];
    return { tags, done: true };
  });
}

/** The lease a set carries now, if any (for views and the CLI's messages). */
export function leaseOnSet(set: VirtualMachineScaleSet): Lease | undefined {
  return leaseOf(set);
}
