// Holds a scale set's lease for as long as something drives the set: takes it, renews it in the
// background well inside its expiry, reports it lost when a renewal fails, releases it at the end.
// The embedded run (executor/states/lease.ts) journals through its hooks; a driver without a journal
// (Azure's own rolling upgrade started for a fleet group) can use it as it is.
import { describeAzureError } from '../../azure/azureError';
import type { AzureGateway, ScaleSetRef } from '../../azure/gateway';
import type { Clock } from '../../shared/clock';
import { defaultRetryPlan, type RetryPlan, withRetries } from '../executor/transient';
import type { Lease } from './leaseTag';
import { type LeaseResult, releaseLease, renewLease, takeLease } from './scaleSetLease';

export const defaultLeaseDurationMs = 15 * 60_000;

/** Renewals that land after their own expiry before the lease counts as lost (the clock outruns them). */
const maxLateRenewals = 3;

export interface LeaseKeeperOptions {
  readonly holder: string;
  /** The driver's id (a run id): the same id re-takes its own lease. */
  readonly runId: string;
  readonly durationMs?: number;
  /** Default a third of the duration: a failed renewal is tried again several times before expiry. */
  readonly renewEveryMs?: number;
  /** Break another driver's lease when it has expired (never a live one). */
  readonly breakExpired?: boolean;
  readonly retry?: RetryPlan;
}

export interface LeaseKeeperHooks {
  onRenewed?(lease: Lease): void;
  /** `why`: taken by another, removed, or not renewed before it expired. */
  onLost?(why: string): void;
}

export class LeaseKeeper {
  private own: Lease | undefined;
  private renewal: AbortController | undefined;
  private lostWhy: string | undefined;
  private renewing: Promise<void> | undefined;

  constructor(
    private readonly gateway: AzureGateway,
    private readonly ref: ScaleSetRef,
    private readonly clock: Clock,
    private readonly options: LeaseKeeperOptions,
    private readonly hooks: LeaseKeeperHooks = {},
  ) {}

  get durationMs(): number {
    return this.options.durationMs ?? defaultLeaseDurationMs;
  }

  private get renewEveryMs(): number {
    return this.options.renewEveryMs ?? Math.floor(this.durationMs / 3);
  }

  /** The lease while held. */
  get lease(): Lease | undefined {
    return this.own;
  }

  /** Why the lease was lost, once a renewal failed. */
  get lost(): string | undefined {
    return this.lostWhy;
  }

  /** Takes the lease (or re-takes this driver's own) and starts renewing it. */
  async take(signal?: AbortSignal): Promise<LeaseResult> {
    const { holder, runId, breakExpired } = this.options;
    const now = this.clock.now();
    const result = await withRetries(
      this.clock,
      signal,
      () => takeLease(this.gateway, this.ref, { holder, runId, now, durationMs: this.durationMs, breakExpired: breakExpired === true }, signal),
      this.options.retry ?? defaultRetryPlan,
    );
    if (result.ok) {
      this.own = result.lease;
      this.renewal = new AbortController();
      void this.renewLoop(this.renewal.signal);
    }
    return result;
  }

  private async renewLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted && this.own) {
      try {
        // After a failed renewal, try again sooner: several tries fit before the lease expires.
        await this.clock.sleep(failures === 0 ? this.renewEveryMs : Math.max(1_000, Math.floor(this.renewEveryMs / 4)), signal);
        await this.renewOnce();
        failures = 0;
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        if (this.own && this.clock.now() >= this.own.expiresAt) return this.markLost(`it could not be renewed before it expired (${describeAzureError(err).message})`);
      }
    }
  }

  /** One renewal at a time: the background loop and ensureLive share the one under way. Throws what Azure said. */
  private renewOnce(): Promise<void> {
    const signal = this.renewal?.signal;
    if (!signal || signal.aborted) return Promise.resolve();
    this.renewing ??= this.renewUntilLanded(signal).finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  /**
   * A renewal that lands after the expiry it wrote (the clock jumped while it was under way: a suspended
   * machine) renews nothing; its read still showed this driver's tag and its write was conditional on
   * that read, so nobody took the set in between: write again at once, a few times.
   */
  private async renewUntilLanded(signal: AbortSignal): Promise<void> {
    for (let late = 1; ; late++) {
      const own = this.own;
      if (!own) return;
      const renewed = await renewLease(this.gateway, this.ref, own, () => this.clock.now(), this.durationMs, signal);
      if (signal.aborted) return;
      if (!renewed.ok) return this.markLost(renewed.reason);
      if (renewed.lease.expiresAt > this.clock.now()) {
        this.own = renewed.lease;
        this.hooks.onRenewed?.(renewed.lease);
        return;
      }
      if (late >= maxLateRenewals) {
        return this.markLost(`${late} renewals in a row landed after the expiry they wrote (the last one ${new Date(renewed.lease.expiresAt).toISOString()}, now ${new Date(this.clock.now()).toISOString()})`);
      }
    }
  }

  /**
   * Before the driver changes the set: resolves to why the lease is lost, or undefined once it is live by
   * this clock. An expired lease (renewals fell behind: the process was suspended, or Azure refused them
   * until the expiry passed) is renewed first — the renewal's read shows whether the tag still names this
   * driver, so nobody drove the set in between — and is lost if that fails. Never acts on an expired lease.
   */
  async ensureLive(): Promise<string | undefined> {
    while (this.renewing) await this.renewing.catch(() => undefined);
    if (this.lostWhy || !this.own) return this.lostWhy;
    if (this.clock.now() < this.own.expiresAt) return undefined;
    try {
      await this.renewOnce();
    } catch (err) {
      if (!this.lostWhy) this.markLost(`it expired before it was renewed, and the renewal failed (${describeAzureError(err).message})`);
    }
    if (!this.lostWhy && this.own && this.clock.now() >= this.own.expiresAt) this.markLost('it expired before it was renewed');
    return this.lostWhy;
  }

  private markLost(why: string): void {
    this.stop();
    this.own = undefined;
    this.lostWhy = why;
    this.hooks.onLost?.(why);
  }

  /** Stops renewing (the lease stays until it expires). */
  stop(): void {
    this.renewal?.abort();
  }

  /**
   * Stops renewing and removes the tag if it still names this driver. Resolves to whether a tag was
   * removed; undefined when none was held. Throws what Azure said when it could not be removed.
   */
  async release(signal?: AbortSignal, retry: RetryPlan = this.options.retry ?? defaultRetryPlan): Promise<boolean | undefined> {
    this.stop();
    const own = this.own;
    if (!own) return undefined;
    const released = await withRetries(this.clock, signal, () => releaseLease(this.gateway, this.ref, own.runId, signal), retry);
    this.own = undefined;
    return released;
  }
}
