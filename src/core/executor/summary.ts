// The run summary (durations, counts, ARM traffic) — built from the journal-derived progress, so a
// resumed run reports the whole run, and from `gateway.stats` for this process's share of ARM calls.
import { type CallStats, retriesOf } from '../../azure/callStats';
import { scaleSetId } from '../../azure/gateway';
import type { InstanceRunState, RunOutcome, RunSummary } from '../contract';
import type { RunProgress } from '../journal/replay';

export function diffStats(now: CallStats, before: CallStats): CallStats {
  return { calls: now.calls - before.calls, attempts: now.attempts - before.attempts, throttled: now.throttled - before.throttled, serverErrors: now.serverErrors - before.serverErrors };
}

/** This process's traffic plus what earlier processes of a resumed run recorded in the journal. */
export function wholeRunStats(p: RunProgress, thisProcess: string, live: CallStats): CallStats {
  let total = { ...live };
  for (const [process, stats] of p.armByProcess) if (process !== thisProcess) total = addStats(total, stats);
  return total;
}

function addStats(a: CallStats, b: CallStats): CallStats {
  return { calls: a.calls + b.calls, attempts: a.attempts + b.attempts, throttled: a.throttled + b.throttled, serverErrors: a.serverErrors + b.serverErrors };
}

export function summarize(p: RunProgress, outcome: RunOutcome, reason: string | undefined, finishedAt: number, stats: CallStats): RunSummary {
  const finalStates: Record<string, InstanceRunState> = {};
  const counts = { total: 0, succeeded: 0, failed: 0, rolledBack: 0, rollbackFailed: 0, skipped: 0, notStarted: 0 };
  const surge = { created: 0, retired: 0, inPlaceBatches: p.batches.filter((b) => b.surge?.refused).length };
  for (const [id, i] of p.instances) {
    finalStates[id] = i.state;
    if (i.replaces) {
      // O8 maxSurge: a new instance's outcome is counted once, on the old instance it replaces.
      surge.created++;
      continue;
    }
    if (i.deleted) surge.retired++;
    counts.total++;
    if (i.state === 'succeeded' || i.state === 'replaced') counts.succeeded++;
    else if (i.state === 'failed') counts.failed++;
    else if (i.state === 'rolledBack') counts.rolledBack++;
    else if (i.state === 'rollbackFailed') counts.rollbackFailed++;
    else if (i.state === 'skipped') counts.skipped++;
    else if (i.state === 'pending') counts.notStarted++;
  }
  return {
    runId: p.runId,
    scaleSetId: scaleSetId(p.scaleSet),
    target: p.plan.target.description,
    outcome,
    ...(reason ? { reason } : {}),
    startedAt: p.startedAt,
    finishedAt,
    durationMs: finishedAt - p.startedAt,
    batches: { planned: p.batches.length, finished: p.batches.filter((b) => b.state === 'finished').length },
    instances: counts,
    ...(p.plan.policy.maxSurge ? { surge } : {}),
    waits: { ...p.waits },
    arm: { calls: stats.calls, retries: retriesOf(stats), throttled: stats.throttled, serverErrors: stats.serverErrors },
    finalStates,
  };
}
