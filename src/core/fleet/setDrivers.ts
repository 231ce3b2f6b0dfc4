// Moves one set of a fleet with its group's engine and reports its progress. The embedded engine goes
// through the same entry points as `vmss-upgrades run` / `resume` (src/core/rollout.ts: planFromAzure,
// startRun, resumeRun), so everything a single run does before it moves a set (its journal, the lease
// of issue 17) applies to every set of a fleet. The platform engine starts Azure's rolling upgrade (A6)
// and watches it, holding the set's lease (a LeaseKeeper, as the embedded run does) from before the start
// until the upgrade has ended, so no other run drives the set meanwhile.
import type { AzureGateway, ScaleSetRef } from '../../azure/gateway';
import type { Clock } from '../../shared/clock';
import type { RolloutExecutor } from '../executor/executor';
import { LeaseKeeper } from '../lease/leaseKeeper';
import { defaultLeaseHolder, describeLease } from '../lease/leaseTag';
import type { RetryPlan } from '../executor/transient';
import type { JournalStore } from '../journal/journalStore';
import { planFromAzure, resumeRun, startRun } from '../rollout';
import type { UpgradeTarget } from '../contract';
import type { SetOutcome } from './fleetJournal';
import type { FleetEngine } from './rolloutFile';
import { embeddedStrategy } from './strategy';

export interface SetDriverDeps {
  readonly gateway: AzureGateway;
  readonly clock: Clock;
  readonly store: JournalStore;
  readonly retry?: RetryPlan;
  /** How often Azure's rolling upgrade is read while it runs (simulated ms; default 30 s). */
  readonly platformPollMs?: number;
  /** Who holds the leases of sets the platform engine drives (default: the pipeline or user@machine). */
  readonly leaseHolder?: string;
}

export interface SetResult {
  /** `interrupted`: the set's run was cancelled (the fleet was stopped now): it is not finished, a resume moves the rest. */
  readonly outcome: SetOutcome | 'interrupted';
  readonly reason?: string;
}

export interface SetDriveHooks {
  /** The embedded run's id, as soon as it exists (journaled by the fleet). */
  onRun(runId: string): void;
  onProgress(done: number, total: number): void;
  /** The executor, so that the fleet can forward pause / stop. */
  onExecutor(executor: RolloutExecutor | undefined): void;
  readonly signal: AbortSignal;
}

async function driveExecutor(executor: RolloutExecutor, hooks: SetDriveHooks): Promise<SetResult> {
  hooks.onExecutor(executor);
  const view = executor.view();
  const planned = new Set(view.batches.flatMap((b) => b.instanceIds));
  const done = new Set(Object.entries(view.instances).filter(([id, s]) => planned.has(id) && s === 'succeeded').map(([id]) => id));
  hooks.onProgress(done.size, planned.size);
  const sub = executor.subscribe((e) => {
    if (e.type !== 'instance' || !planned.has(e.instanceId)) return;
    if (e.state === 'succeeded') done.add(e.instanceId);
    else done.delete(e.instanceId);
    hooks.onProgress(done.size, planned.size);
  });
  try {
    const summary = await executor.run();
    if (summary.outcome === 'succeeded') return { outcome: 'succeeded' };
    if (summary.outcome === 'cancelled') return { outcome: 'interrupted', reason: `run ${summary.runId} was cancelled${summary.reason ? ` — ${summary.reason}` : ''}` };
    return { outcome: 'failed', reason: `run ${summary.runId}: ${summary.outcome}${summary.reason ? ` — ${summary.reason}` : ''}` };
  } finally {
    sub.dispose();
    hooks.onExecutor(undefined);
  }
}

/** The embedded engine: resumes the set's run when one is under way, otherwise plans and starts one. */
export async function driveEmbedded(deps: SetDriverDeps, ref: ScaleSetRef, setId: string, engine: Extract<FleetEngine, { kind: 'embedded' }>, target: UpgradeTarget, knownRunId: string | undefined, hooks: SetDriveHooks): Promise<SetResult> {
  const runDeps = { gateway: deps.gateway, clock: deps.clock, store: deps.store, ...(deps.retry ? { retry: deps.retry } : {}) };
  const listing = knownRunId ? deps.store.list().find((r) => r.runId === knownRunId) : undefined;
  // A run cancelled by a stop is over, but the set is not: it gets a new run for what is left.
  if (listing?.finished && listing.outcome !== 'cancelled') return listing.outcome === 'succeeded' ? { outcome: 'succeeded' } : { outcome: 'failed', reason: `run ${listing.runId}: ${listing.outcome ?? 'unknown'}${listing.reason ? ` — ${listing.reason}` : ''}` };
  const unfinished = listing && !listing.finished ? [listing] : deps.store.unfinished(setId);
  if (unfinished.length > 0) {
    const { executor } = resumeRun(runDeps, unfinished[0].runId);
    hooks.onRun(executor.runId);
    return driveExecutor(executor, hooks);
  }
  const planned = await planFromAzure(deps.gateway, { ref, target, strategy: embeddedStrategy(engine), ...(engine.policy ? { policy: engine.policy } : {}), gates: { afterCanary: false, afterEachZone: false, afterEachBatch: false }, signal: hooks.signal }, deps.clock, deps.retry);
  if (!planned.ok) return { outcome: 'failed', reason: planned.errors.join('; ') };
  if (planned.plan.batches.length === 0) return { outcome: 'succeeded', reason: 'already on the target' };
  const executor = startRun(runDeps, ref, planned.plan);
  hooks.onRun(executor.runId);
  return driveExecutor(executor, hooks);
}

/**
 * Issue 17, one driver per set: Azure's rolling upgrade started by a fleet holds the set's lease too. Its
 * driver id is the fleet's and the set's, so a resumed fleet re-takes its own lease.
 */
export async function drivePlatform(deps: SetDriverDeps, ref: ScaleSetRef, resumed: boolean, hooks: SetDriveHooks, driverId: string): Promise<SetResult> {
  const keeper = new LeaseKeeper(deps.gateway, ref, deps.clock, { holder: deps.leaseHolder ?? defaultLeaseHolder(), runId: driverId, ...(deps.retry ? { retry: deps.retry } : {}) });
  const taken = await keeper.take(hooks.signal);
  if (!taken.ok) {
    const why = taken.refusal.kind === 'held' ? `its lease is held by ${describeLease(taken.refusal.by, deps.clock.now())}` : taken.refusal.kind === 'tooManyTags' ? 'the lease tag would pass Azure\'s 50 tags per resource' : 'the set came back without an ETag, so its lease cannot be written safely';
    return { outcome: 'failed', reason: `not started: ${why}` };
  }
  try {
    const result = await drivePlatformUpgrade(deps, ref, resumed, hooks);
    return keeper.lost && result.outcome === 'succeeded' ? { outcome: 'succeeded', reason: `the lease was lost while Azure upgraded the set: ${keeper.lost}` } : result;
  } finally {
    await keeper.release(hooks.signal).catch(() => undefined);
  }
}

/** A6: Azure's rolling upgrade. A resumed fleet watches one already under way instead of starting another. */
async function drivePlatformUpgrade(deps: SetDriverDeps, ref: ScaleSetRef, resumed: boolean, hooks: SetDriveHooks): Promise<SetResult> {
  const { gateway, clock } = deps;
  const pollMs = deps.platformPollMs ?? 30_000;
  const report = (status: Awaited<ReturnType<AzureGateway['getLatestRollingUpgrade']>>) => {
    const p = status?.progress;
    if (!p) return;
    const total = (p.successfulInstanceCount ?? 0) + (p.failedInstanceCount ?? 0) + (p.inProgressInstanceCount ?? 0) + (p.pendingInstanceCount ?? 0);
    hooks.onProgress(p.successfulInstanceCount ?? 0, total);
  };
  let finished = false;
  const watch = async () => {
    while (!finished && !hooks.signal.aborted) {
      await clock.sleep(pollMs, hooks.signal).catch(() => undefined);
      if (finished || hooks.signal.aborted) return;
      report(await gateway.getLatestRollingUpgrade(ref, hooks.signal).catch(() => undefined));
    }
  };
  try {
    const running = resumed ? await gateway.getLatestRollingUpgrade(ref, hooks.signal) : undefined;
    if (running?.runningStatus?.code === 'RollingForward') {
      // Already under way (this fleet started it before a stop): wait for it, reading it as it goes.
      for (;;) {
        report(running);
        await clock.sleep(pollMs, hooks.signal);
        const now = await gateway.getLatestRollingUpgrade(ref, hooks.signal);
        if (now?.runningStatus?.code !== 'RollingForward') break;
      }
    } else {
      const watcher = watch();
      try {
        await gateway.startOsRollingUpgrade(ref, hooks.signal);
      } finally {
        finished = true;
        await watcher;
      }
    }
  } catch (err) {
    return { outcome: 'failed', reason: `Azure's rolling upgrade: ${(err as Error).message}` };
  }
  const last = await gateway.getLatestRollingUpgrade(ref, hooks.signal).catch(() => undefined);
  report(last);
  const code = last?.runningStatus?.code;
  if (code === 'Completed') return { outcome: 'succeeded' };
  return { outcome: 'failed', reason: `Azure's rolling upgrade ended ${code ?? 'without a status'}${last?.error?.message ? `: ${last.error.message}` : ''}` };
}
