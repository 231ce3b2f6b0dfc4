// The orchestrator's promises, checked on one finished case against the journal, what Azure was asked
// to do (the transport), and the simulator's world afterwards.
import * as assert from 'node:assert/strict';
import type { JournalEntry } from '../../../../src/core/journal/records';
import { type CaseConfig, type CaseResult, targetImage } from './runCase';
import { image, oldVersion } from './fleetScenario';

/** Instances that should fail after a move, from their behaviour alone (O4, H3). */
export function predictedFailures(config: CaseConfig): Set<string> | undefined {
  if (config.fleet.faults.some((f) => f.kind === 'failedLro')) return undefined;
  const failing = new Set<string>();
  for (const [i, inst] of config.fleet.instances.entries()) {
    const a = inst.after;
    if (typeof a === 'object' && 'flaky' in a) return undefined;
    if (a === 'neverHealthy' || a === 'unhealthyOnTarget' || (typeof a === 'object' && a.slowSeconds > 300)) failing.add(String(i));
  }
  return failing;
}

function failedInJournal(entries: readonly JournalEntry[]): Set<string> {
  const failed = new Set<string>();
  for (const e of entries) {
    if ((e.type === 'moved' && !e.ok) || (e.type === 'healthVerdict' && !e.healthy)) failed.add(e.instanceId);
  }
  return failed;
}

/** O5: after every finished batch, the run goes on only while the failed share is within the limit. */
function checkO5(result: CaseResult): void {
  const limit = result.plan.policy.maxUnhealthyUpgradedInstancePercent;
  const upgraded = new Set<string>();
  const failed = new Set<string>();
  const entries = result.entries;
  for (const [i, e] of entries.entries()) {
    if ((e.type === 'moved' && !e.ok) || e.type === 'healthVerdict') upgraded.add(e.instanceId);
    if ((e.type === 'moved' && !e.ok) || (e.type === 'healthVerdict' && !e.healthy)) failed.add(e.instanceId);
    if (e.type !== 'batchFinished') continue;
    const breached = upgraded.size > 0 && (failed.size * 100) / upgraded.size > limit;
    const rest = entries.slice(i + 1);
    if (breached) {
      assert.ok(!rest.some((r) => r.type === 'batchStarted' || r.type === 'moveIntent'), `O5: nothing may move after batch ${e.batch} (${failed.size}/${upgraded.size} > ${limit}%)`);
      const end = rest.find((r) => r.type === 'runFinished');
      assert.equal(end?.type === 'runFinished' && end.outcome, 'aborted', 'O5: the run is aborted');
      assert.match(end?.type === 'runFinished' ? (end.reason ?? '') : '', /^O5/);
      return;
    }
  }
}

/** O6: a failed re-check stops the run before that batch; a passing one never does. */
function checkO6(result: CaseResult): void {
  const limit = result.plan.policy.maxUnhealthyInstancePercent;
  for (const [i, e] of result.entries.entries()) {
    if (e.type !== 'healthCheck') continue;
    assert.equal(e.ok, (e.unhealthy * 100) / e.total <= limit, `${e.rule}: the check agrees with its reading`);
    if (!e.ok) {
      const next = result.entries.slice(i + 1).find((r) => r.type !== 'waited');
      assert.equal(next?.type, 'runFinished', `${e.rule}: the run stops at the check`);
      assert.equal(next?.type === 'runFinished' && next.outcome, e.rule === 'O1' ? 'refused' : 'aborted');
    }
  }
}

export function checkInvariants(config: CaseConfig, result: CaseResult): void {
  const { plan, summary, observations, world } = result;
  const n = config.fleet.instances.length;
  const context = `outcome ${summary.outcome}: ${summary.reason ?? ''}`;

  // O2: never more disks being replaced at once than a batch allows.
  assert.ok(observations.maxBusy <= plan.batchLimit, `O2: ${observations.maxBusy} instances out of service at once, the batch limit is ${plan.batchLimit}`);

  // O1: refuse to start when too many instances are unhealthy; then nothing moves.
  const unhealthyAtStart = config.fleet.instances.filter((i) => i.baseline === 'unhealthy').length;
  if ((unhealthyAtStart * 100) / n > plan.policy.maxUnhealthyInstancePercent) {
    assert.equal(summary.outcome, 'refused', `O1: ${unhealthyAtStart}/${n} unhealthy must refuse; ${context}`);
    assert.equal(observations.accepted.length, 0, 'O1: nothing was moved');
    return;
  }
  assert.notEqual(summary.outcome, 'refused', `O1 passes: ${context}`);
  assert.notEqual(summary.outcome, 'failed', `the run gets past transient faults: ${context}`);

  checkO5(result);
  checkO6(result);

  // Each instance is moved to the target at most once (a rollback is a move back, not a second move).
  const target = targetImage(config);
  const moves = new Map<string, number>();
  for (const a of observations.accepted) {
    const toTarget = a.kind === 'reimage' ? a.exactVersion === target.version : a.modelSku === target.sku;
    if (toTarget) for (const id of a.instanceIds) moves.set(id, (moves.get(id) ?? 0) + 1);
  }
  for (const [id, count] of moves) assert.equal(count, 1, `instance ${id} moved ${count} times`);

  // O4: failed instances are rolled back to the version they ran, unless rollback is off.
  const failed = failedInJournal(result.entries);
  const version = new Map(world.map((w) => [w.instanceId, w.version]));
  const sku = new Map(world.map((w) => [w.instanceId, w.sku]));
  for (const id of failed) {
    if (plan.policy.rollbackFailedInstances) {
      assert.equal(summary.finalStates[id], 'rolledBack', `instance ${id} is rolled back`);
      assert.equal(sku.get(id), image.sku, `instance ${id} runs its old SKU again`);
      // Same SKU: back to the exact version it ran; a model revert to 'latest' lands on the newest.
      if (target.sku === image.sku) assert.equal(version.get(id), oldVersion, `instance ${id} runs its old version again`);
    } else {
      assert.equal(summary.finalStates[id], 'failed', `instance ${id} stays failed with rollback off`);
    }
  }

  // Health decisions match the behaviours the instances were given (when nothing random interferes).
  const predicted = predictedFailures(config);
  if (predicted) {
    const moved = new Set(result.entries.flatMap((e) => (e.type === 'healthVerdict' || e.type === 'moved' ? [e.instanceId] : [])));
    for (const id of moved) assert.equal(failed.has(id), predicted.has(id), `instance ${id}: failed ${failed.has(id)}, expected ${predicted.has(id)}`);
  }

  // O7: on success every instance is on the target, moved exactly once unless it already was.
  if (summary.outcome === 'succeeded') {
    for (const [i, inst] of config.fleet.instances.entries()) {
      const id = String(i);
      assert.equal(`${sku.get(id)} ${version.get(id)}`, `${target.sku} ${target.version}`, `instance ${id} is on the target`);
      const already = inst.onTarget === true && target.sku === image.sku;
      assert.equal(moves.get(id) ?? 0, already ? 0 : 1, `instance ${id} moved exactly once`);
    }
  }
  assert.ok(world.every((w) => !w.busy), 'nothing is left in flight');
}
