// Moves a batch to the target, idempotently: every attempt first looks at what Azure has (on target
// already? an operation still running?) so that a retry after a dropped connection, or a resume after a
// crash, never moves an instance twice and never skips one.
import { describeAzureError } from '../../azure/azureError';
import type { InstanceSnapshot } from '../../azure/gateway';
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

/** One batch request for some instances: manualupgrade, or reimage {instanceIds, exactVersion}. */
export type BatchSend = (ids: readonly string[]) => Promise<void>;

export interface BatchMove {
  readonly send: BatchSend;
  /** Names the operation in errors, e.g. "the reimage". */
  readonly label: string;
  /** How many failed operations an instance may see before it is given up (a rollback tries again). */
  readonly operationAttempts?: number;
}

/**
 * One request and one long-running operation per round for every instance still to move, until each has
 * arrived. Idempotent: every round first reads what Azure has, so instances already moved (by an earlier
 * attempt or the process before a resume) are never sent again and instances still busy are waited for;
 * transient errors are retried after a fresh read.
 */
export async function batchMoveUntil(ctx: RunContext, ids: readonly string[], arrived: Arrived, first: Map<string, InstanceSnapshot> | undefined, inFlight: ReadonlySet<string>, move: BatchMove): Promise<Map<string, MoveResult>> {
  const results = new Map<string, MoveResult>();
  const pending = new Set(ids);
  const failures = new Map<string, number>();
  // The last failed operation's code and message, kept in the recorded error (explain classifies it).
  let lastFailure = '';
  const attempts = move.operationAttempts ?? 1;
  let fleet = first;
  let transientFailures = 0;
  const started = ctx.clock.now();
  while (pending.size > 0) {
    fleet ??= await readFleet(ctx);
    const toMove: string[] = [];
    for (const id of pending) {
      const failed = failures.get(id) ?? 0;
      const decision = decide(arrived, fleet.get(id), inFlight.has(id) || failed > 0);
      if (decision === 'done') results.set(id, { ok: true });
      else if (decision === 'gone') results.set(id, { ok: false, error: 'the instance no longer exists' });
      else if (decision === 'failedBefore' && failed + 1 >= attempts) results.set(id, { ok: false, error: `${move.label} failed (provisioning failed)${lastFailure}` });
      else if (decision === 'move' && failed >= attempts) results.set(id, { ok: false, error: `${move.label} failed${lastFailure}` });
      else if (decision === 'move' || decision === 'failedBefore') toMove.push(id);
      else if (ctx.clock.now() - started > ctx.moveTimeoutMs) results.set(id, { ok: false, error: 'the instance stayed in an updating state too long' });
    }
    for (const id of results.keys()) pending.delete(id);
    fleet = undefined;
    if (toMove.length > 0) {
      try {
        await move.send(toMove);
        // The health wait confirms the version; no extra read here.
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
          const info = describeAzureError(err);
          lastFailure = `: ${info.code ? `${info.code}: ` : ''}${info.message}`.slice(0, 400);
          for (const id of toMove) failures.set(id, (failures.get(id) ?? 0) + 1);
          if (!isTransient(err) && attempts > 1) await ctx.clock.sleep(backoff(ctx, failures.get(toMove[0]) ?? 1), ctx.signal);
        }
      }
    } else if (pending.size > 0) {
      await ctx.clock.sleep(settlePollMs, ctx.signal);
    }
  }
  return results;
}

/** O9: `manualupgrade {instanceIds}` until every instance has arrived (the batch after the model update, or a model-revert rollback). */
export function manualUpgradeUntil(ctx: RunContext, ids: readonly string[], arrived: Arrived, first: Map<string, InstanceSnapshot> | undefined, inFlight: ReadonlySet<string>): Promise<Map<string, MoveResult>> {
  return batchMoveUntil(ctx, ids, arrived, first, inFlight, { send: (toMove) => ctx.gateway.manualUpgrade(ctx.ref, toMove, ctx.signal), label: 'the manual upgrade' });
}

/** O9: `reimage {instanceIds, exactVersion}` for the batch: one request, one long-running operation. */
export function reimageUntil(ctx: RunContext, ids: readonly string[], exactVersion: string | undefined, arrived: Arrived, first: Map<string, InstanceSnapshot> | undefined, inFlight: ReadonlySet<string>, operationAttempts = 1): Promise<Map<string, MoveResult>> {
  const send: BatchSend = (toMove) => ctx.gateway.reimageInstances(ctx.ref, toMove, { ...(exactVersion ? { exactVersion } : {}), signal: ctx.signal });
  return batchMoveUntil(ctx, ids, arrived, first, inFlight, { send, label: 'the reimage', operationAttempts });
}

/** Moves the instances of one batch and records each result; returns when every one has a result. */
export async function moveInstances(ctx: RunContext, batch: number, ids: readonly string[], fleet: Map<string, InstanceSnapshot> | undefined, inFlight: ReadonlySet<string>): Promise<void> {
  for (const id of ids) ctx.emit({ type: 'instance', instanceId: id, state: 'moving', batch });
  const report = (id: string, result: MoveResult) => {
    ctx.record({ type: 'moved', batch, instanceId: id, ok: result.ok, ...(result.error ? { error: result.error } : {}) });
    ctx.emit({ type: 'instance', instanceId: id, state: result.ok ? 'waitingHealth' : 'failed', batch, ...(result.error ? { detail: result.error } : {}) });
  };
  const arrived: Arrived = (s) => isOnTarget(s, ctx.target);
  // After a resume with moves in flight, read afresh: the fleet read before the crash is stale.
  const first = ids.some((id) => inFlight.has(id)) ? undefined : fleet;
  const results =
    ctx.target.method === 'reimage'
      ? await reimageUntil(ctx, ids, ctx.target.image.exactVersion, arrived, first, inFlight)
      : await manualUpgradeUntil(ctx, ids, arrived, first, inFlight);
  for (const id of ids) report(id, results.get(id) ?? { ok: false, error: 'no result' });
}
