// Lease state of a run (issue 17, one driver per scale set): taken before the run changes anything
// (before the policy hold's PATCH), renewed while the run lives, released when it ends. A renewal that
// fails marks the lease lost; the coordinator then stops after the current batch without changing the
// set again (the run stays resumable). Every step is journaled (leaseTaken … leaseReleased).
import { describeAzureError } from '../../../azure/azureError';
import { type Lease, defaultLeaseHolder, describeLease } from '../../lease/leaseTag';
import { type LeaseRefusal, releaseLease, renewLease, takeLease } from '../../lease/scaleSetLease';
import type { RunProgress } from '../../journal/replay';
import type { RunContext } from '../runContext';
import { withRetries } from '../transient';
import type { Stop } from './host';

export interface LeaseOptions {
  /** Who drives the set (default: the pipeline run, else user@machine). */
  readonly holder?: string;
  /** Break another run's lease when it has expired (never a live one). */
  readonly breakExpired?: boolean;
  /** How long a lease lasts unless renewed (simulated ms). */
  readonly durationMs?: number;
  /** How often it is renewed; well inside the duration so a failed renewal can be retried before expiry. */
  readonly renewEveryMs?: number;
}

export const defaultLeaseDurationMs = 15 * 60_000;

/** Who holds the lease that refused a run, for the CLI and the editor to name (and offer to break). */
export interface LeaseHeld extends Lease {
  readonly expired: boolean;
}

function refusalReason(refusal: LeaseRefusal, now: number): string {
  switch (refusal.kind) {
    case 'held':
      return refusal.expired
        ? `The scale set's lease is held by ${describeLease(refusal.by, now)}: it is stale and can be broken on purpose (--break-lease, or Break Lease… in the editor) once you know that run is gone.`
        : `Another run drives this scale set: its lease is held by ${describeLease(refusal.by, now)}. Wait for it to end (the lease is renewed while it runs).`;
    case 'tooManyTags':
      return `The scale set has ${refusal.count} tags, Azure's limit is 50 per resource: there is no room for the lease tag; remove a tag first.`;
    case 'noEtag':
      return 'The scale set was read without an ETag, so the lease cannot be written with If-Match; no run can take it safely.';
  }
}

/** Nothing of the set was changed yet by this run (a refusal can then end it as refused). */
function untouched(p: RunProgress): boolean {
  return p.policy.state === 'asFound' && p.model === 'unchanged' && p.batches.every((b) => b.state === 'pending');
}

export class RunLease {
  private own: Lease | undefined;
  private renewal: AbortController | undefined;
  private lostReason: string | undefined;
  /** Set when the lease was refused because someone else holds it. */
  heldBy: LeaseHeld | undefined;

  constructor(
    private readonly ctx: RunContext,
    private readonly options: LeaseOptions = {},
  ) {}

  private get durationMs(): number {
    return this.options.durationMs ?? defaultLeaseDurationMs;
  }

  private get renewEveryMs(): number {
    return this.options.renewEveryMs ?? Math.floor(this.durationMs / 3);
  }

  /**
   * Takes the lease (a resume re-takes its own). A refusal: `finish` when nothing was changed yet (the
   * run ends refused), else `stop` (the run stays resumable, the set is not touched).
   */
  async take(): Promise<{ readonly stop: Stop; readonly finish: boolean } | undefined> {
    const { ctx } = this;
    const holder = this.options.holder ?? defaultLeaseHolder();
    const now = ctx.clock.now();
    const result = await withRetries(
      ctx.clock,
      ctx.signal,
      () => takeLease(ctx.gateway, ctx.ref, { holder, runId: ctx.progress.runId, now, durationMs: this.durationMs, breakExpired: this.options.breakExpired === true }, ctx.signal),
      ctx.retry,
    );
    if (!result.ok) {
      const reason = refusalReason(result.refusal, now);
      if (result.refusal.kind === 'held') this.heldBy = { ...result.refusal.by, expired: result.refusal.expired };
      ctx.record({ type: 'leaseRefused', reason, ...(result.refusal.kind === 'held' ? { heldBy: result.refusal.by } : {}) });
      return { stop: { outcome: 'refused', reason }, finish: untouched(ctx.progress) };
    }
    ctx.record({ type: 'leaseTaken', holder, expiresAt: result.lease.expiresAt, ...(result.broke ? { broke: result.broke } : {}) });
    if (result.broke) ctx.emit({ type: 'warning', message: `Broke the stale lease of ${describeLease(result.broke, now)}.` });
    this.own = result.lease;
    this.renewal = new AbortController();
    void this.renewLoop(this.renewal.signal);
    return undefined;
  }

  /** The reason to stop, once a renewal failed. */
  get lost(): string | undefined {
    return this.lostReason;
  }

  private async renewLoop(signal: AbortSignal): Promise<void> {
    const { ctx } = this;
    let failures = 0;
    while (!signal.aborted && this.own) {
      try {
        // After a failed renewal, try again sooner: several tries fit before the lease expires.
        await ctx.clock.sleep(failures === 0 ? this.renewEveryMs : Math.max(1_000, Math.floor(this.renewEveryMs / 4)), signal);
        const renewed = await renewLease(ctx.gateway, ctx.ref, this.own, ctx.clock.now(), this.durationMs, signal);
        if (!renewed.ok) return this.markLost(renewed.reason);
        if (signal.aborted) return;
        this.own = renewed.lease;
        failures = 0;
        ctx.record({ type: 'leaseRenewed', expiresAt: renewed.lease.expiresAt });
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        if (this.own && ctx.clock.now() >= this.own.expiresAt) return this.markLost(`it could not be renewed before it expired (${describeAzureError(err).message})`);
      }
    }
  }

  private markLost(why: string): void {
    if (this.renewal?.signal.aborted) return;
    this.stopRenewal();
    this.own = undefined;
    this.lostReason = `The lease on the scale set was lost: ${why}. Stopped after the current batch without changing the set further; the run can be resumed once no other run holds the lease.`;
    try {
      this.ctx.record({ type: 'leaseLost', reason: why });
    } catch {
      // The journal's own failure stops the run already.
    }
    this.ctx.emit({ type: 'warning', message: this.lostReason });
  }

  stopRenewal(): void {
    this.renewal?.abort();
  }

  /**
   * At the run's end (before runFinished): stops renewing and removes the tag if it still names this run.
   * Returns a note for the run's reason when it could not be removed.
   */
  async release(ending: RunContext): Promise<string | undefined> {
    this.stopRenewal();
    const own = this.own;
    if (!own) return undefined;
    try {
      const released = await withRetries(ending.clock, ending.signal, () => releaseLease(ending.gateway, ending.ref, own.runId, ending.signal), ending.retry);
      this.own = undefined;
      ending.record({ type: 'leaseReleased', released });
      return undefined;
    } catch (err) {
      return `The lease tag could not be removed (${describeAzureError(err).message}); it expires at ${new Date(own.expiresAt).toISOString()}.`;
    }
  }
}
