// Lease state of a run (issue 17, one driver per scale set): taken before the run changes anything
// (before the policy hold's PATCH), renewed while the run lives, released when it ends (lease/leaseKeeper.ts).
// A renewal that fails marks the lease lost; the coordinator then stops after the current batch without
// changing the set again (the run stays resumable). Every step is journaled (leaseTaken … leaseReleased).
import { describeAzureError } from '../../../azure/azureError';
import { type Lease, defaultLeaseHolder, describeLease } from '../../lease/leaseTag';
import { LeaseKeeper } from '../../lease/leaseKeeper';
import type { LeaseRefusal } from '../../lease/scaleSetLease';
import type { RunProgress } from '../../journal/replay';
import type { RunContext } from '../runContext';
import type { Stop } from './host';

export { defaultLeaseDurationMs } from '../../lease/leaseKeeper';

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
  private readonly keeper: LeaseKeeper;
  private lostReason: string | undefined;
  /** Set when the lease was refused because someone else holds it. */
  heldBy: LeaseHeld | undefined;

  constructor(
    private readonly ctx: RunContext,
    options: LeaseOptions = {},
  ) {
    this.keeper = new LeaseKeeper(
      ctx.gateway,
      ctx.ref,
      ctx.clock,
      { ...options, holder: options.holder ?? defaultLeaseHolder(), runId: ctx.progress.runId, retry: ctx.retry },
      { onRenewed: (lease) => this.journal({ type: 'leaseRenewed', expiresAt: lease.expiresAt }), onLost: (why) => this.markLost(why) },
    );
  }

  /** A record from the background renewal; a journal that cannot be written stops the run on its own. */
  private journal(record: Parameters<RunContext['record']>[0]): void {
    try {
      this.ctx.record(record);
    } catch {
      // The coordinator sees the journal's failure at its next record.
    }
  }

  /**
   * Takes the lease (a resume re-takes its own). A refusal: `finish` when nothing was changed yet (the
   * run ends refused), else not (the run stays resumable, the set is not touched).
   */
  async take(): Promise<{ readonly stop: Stop; readonly finish: boolean } | undefined> {
    const { ctx } = this;
    const now = ctx.clock.now();
    const result = await this.keeper.take(ctx.signal);
    if (!result.ok) {
      const reason = refusalReason(result.refusal, now);
      if (result.refusal.kind === 'held') this.heldBy = { ...result.refusal.by, expired: result.refusal.expired };
      ctx.record({ type: 'leaseRefused', reason, ...(result.refusal.kind === 'held' ? { heldBy: result.refusal.by } : {}) });
      return { stop: { outcome: 'refused', reason }, finish: untouched(ctx.progress) };
    }
    ctx.record({ type: 'leaseTaken', holder: result.lease.holder, expiresAt: result.lease.expiresAt, ...(result.broke ? { broke: result.broke } : {}) });
    if (result.broke) ctx.emit({ type: 'warning', message: `Broke the stale lease of ${describeLease(result.broke, now)}.` });
    return undefined;
  }

  /** The reason to stop, once a renewal failed. */
  get lost(): string | undefined {
    return this.lostReason;
  }

  /**
   * Before a batch starts: the reason to stop when the lease is lost, or was expired and could not be
   * renewed (the renewals fell behind, e.g. over a long maintenance-window wait on a suspended machine).
   */
  async ensureLive(): Promise<string | undefined> {
    await this.keeper.ensureLive();
    return this.lostReason;
  }

  private markLost(why: string): void {
    this.lostReason = `The lease on the scale set was lost: ${why}. Stopped after the current batch without changing the set further; the run can be resumed once no other run holds the lease.`;
    this.journal({ type: 'leaseLost', reason: why });
    this.ctx.emit({ type: 'warning', message: this.lostReason });
  }

  stopRenewal(): void {
    this.keeper.stop();
  }

  /**
   * At the run's end (before runFinished): stops renewing and removes the tag if it still names this run.
   * Returns a note for the run's reason when it could not be removed.
   */
  async release(ending: RunContext): Promise<string | undefined> {
    const own = this.keeper.lease;
    try {
      const released = await this.keeper.release(ending.signal, ending.retry);
      if (released !== undefined) ending.record({ type: 'leaseReleased', released });
      return undefined;
    } catch (err) {
      return `The lease tag could not be removed (${describeAzureError(err).message}); it expires at ${new Date(own?.expiresAt ?? 0).toISOString()}.`;
    }
  }
}
