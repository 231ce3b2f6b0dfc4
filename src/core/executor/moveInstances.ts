// Moves a batch to the target, idempotently: every attempt first looks at what Azure has (on target
// already? an operation still running?) so that a retry after a dropped connection, or a resume after a
// crash, never moves an instance twice and never skips one.
import type { InstanceSnapshot } from '../../azure/gateway';
import { describeAzureError } from '../../azure/azureError';
import { isOnTarget } from '../target';
import { isSettled } from './health';
import { readFleet } from './readFleet';
import type { RunContext } from './runContext';
import { isAbort, isTransient } from './transient';

export interface MoveResult {
  readonly ok: boolean;
  readonly error?: string;
}

/** How long to wait before looking again at an instance whose operation is still running. */
const settlePollMs = 15_000;

type Decision = 'done' | 'wait' | 'move' | 'failedBefore' | 'gone';

/** Whether an instance has arrived where a move takes it. */
export type Arrived = (snapshot: InstanceSnapshot) => boolean;

/** What to do with one instance, given what Azure shows now. */
function decide(arrived: Arrived, snapshot: InstanceSnapshot | undefined, wasInFlight: boolean): Decision {
  if (!snapshot) return 'gone';
  if (!isSettled(snapshot)) return 'wait';
  if (arrived(snapshot)) return 'done';
  // A move we asked for before a crash ended in a failed provisioning state: that attempt failed, as an
  // uninterrupted run would have seen from the operation's result. Moving again would be a second move.
  if (wasInFlight && snapshot.provisioningState.toLowerCase() === 'failed') return 'failedBefore';
  return 'move';
}

function backoff(ctx: RunContext, attempt: number): number {
  return Math.min(ctx.retry.maxDelayMs, ctx.retry.firstDelayMs * 2 ** attempt);
}

/** `reimage {exactVersion}` per instance, all of the batch at once. */
async function reimageOne(ctx: RunContext, id: string, first: InstanceSnapshot | undefined, wasInFlight: boolean): Promise<MoveResult> {
  const started = ctx.clock.now();
  let snapshot = first;
  let transientFailures = 0;
  for (;;) {
    if (!snapshot) {
      try {
        snapshot = await ctx.gateway.getInstance(ctx.ref, id, ctx.signal);
      } catch (err) {
        if (isAbort(err, ctx.signal)) throw err;
        const info = describeAzureError(err);
        if (info.kind === 'notFound') return { ok: false, error: 'the instance no longer exists' };
        if (!isTransient(err) || ++transientFailures >= ctx.retry.attempts) return { ok: false, error: info.message };
        await ctx.clock.sleep(backoff(ctx, transientFailures), ctx.signal);
        continue;
      }
    }
    const decision = decide((s) => isOnTarget(s, ctx.target), snapshot, wasInFlight);
    snapshot = undefined;
    if (decision === 'done') return { ok: true };
    if (decision === 'gone') return { ok: false, error: 'the instance no longer exists' };
    if (decision === 'failedBefore') return { ok: false, error: 'the move failed (provisioning failed)' };
    if (decision === 'wait') {
      if (ctx.clock.now() - started > ctx.moveTimeoutMs) return { ok: false, error: 'the instance stayed in an updating state too long' };
      await ctx.clock.sleep(settlePollMs, ctx.signal);
      continue;
    }
    try {
      await ctx.gateway.reimage(ctx.ref, id, { exactVersion: ctx.target.image.exactVersion, signal: ctx.signal });
      // The health wait confirms the version; no extra read here.
      return { ok: true };
    } catch (err) {
      if (isAbort(err, ctx.signal)) throw err;
      if (!isTransient(err)) return { ok: false, error: describeAzureError(err).message };
      if (++transientFailures >= ctx.retry.attempts) return { ok: false, error: describeAzureError(err).message };
      await ctx.clock.sleep(backoff(ctx, transientFailures), ctx.signal);
    }
  }
}

/**
 * O9: `manualupgrade {instanceIds}` until every instance has arrived (the batch after the model update,
 * or a model-revert rollback). Instances still busy from an earlier request are waited for, never sent
 * again; transient errors are retried after a fresh read.
 */
export async function manualUpgradeUntil(ctx: RunContext, ids: readonly string[], arrived: Arrived, first: Map<string, InstanceSnapshot> | undefined, inFlight: ReadonlySet<string>): Promise<Map<string, MoveResult>> {
  const results = new Map<string, MoveResult>();
  const pending = new Set(ids);
  const failedOperation = new Set<string>();
  let fleet = first;
  let transientFailures = 0;
  const started = ctx.clock.now();
  while (pending.size > 0) {
    fleet ??= await readFleet(ctx);
    const toMove: string[] = [];
    for (const id of pending) {
      const decision = decide(arrived, fleet.get(id), inFlight.has(id) || failedOperation.has(id));
      if (decision === 'done') results.set(id, { ok: true });
      else if (decision === 'gone') results.set(id, { ok: false, error: 'the instance no longer exists' });
      else if (decision === 'failedBefore') results.set(id, { ok: false, error: 'the manual upgrade failed (provisioning failed)' });
      else if (decision === 'move' && failedOperation.has(id)) results.set(id, { ok: false, error: 'the manual upgrade failed' });
      else if (decision === 'move') toMove.push(id);
      else if (ctx.clock.now() - started > ctx.moveTimeoutMs) results.set(id, { ok: false, error: 'the instance stayed in an updating state too long' });
    }
    for (const id of results.keys()) pending.delete(id);
    fleet = undefined;
    if (toMove.length > 0) {
      try {
        await ctx.gateway.manualUpgrade(ctx.ref, toMove, ctx.signal);
        for (const id of toMove) {
          results.set(id, { ok: true });
          pending.delete(id);
        }
      } catch (err) {
        if (isAbort(err, ctx.signal)) throw err;
        if (isTransient(err) && ++transientFailures < ctx.retry.attempts) {
          await ctx.clock.sleep(backoff(ctx, transientFailures), ctx.signal);
        } else {
          // The operation failed: some instances may have moved; the next read tells which.
          for (const id of toMove) failedOperation.add(id);
        }
      }
    } else if (pending.size > 0) {
      await ctx.clock.sleep(settlePollMs, ctx.signal);
    }
  }
  return results;
}

/** Moves the instances of one batch and records each result; returns when every one has a result. */
export async function moveInstances(ctx: RunContext, batch: number, ids: readonly string[], fleet: Map<string, InstanceSnapshot> | undefined, inFlight: ReadonlySet<string>): Promise<void> {
  for (const id of ids) ctx.emit({ type: 'instance', instanceId: id, state: 'moving', batch });
  const report = (id: string, result: MoveResult) => {
    ctx.record({ type: 'moved', batch, instanceId: id, ok: result.ok, ...(result.error ? { error: result.error } : {}) });
    ctx.emit({ type: 'instance', instanceId: id, state: result.ok ? 'waitingHealth' : 'failed', batch, ...(result.error ? { detail: result.error } : {}) });
  };
  if (ctx.target.method === 'reimage') {
    await Promise.all(
      ids.map(async (id) => {
        const result = await reimageOne(ctx, id, inFlight.has(id) ? undefined : fleet?.get(id), inFlight.has(id));
        report(id, result);
      }),
    );
    return;
  }
  const results = await manualUpgradeUntil(ctx, ids, (s) => isOnTarget(s, ctx.target), ids.some((id) => inFlight.has(id)) ? undefined : fleet, inFlight);
  for (const id of ids) report(id, results.get(id) ?? { ok: false, error: 'no result' });
}
