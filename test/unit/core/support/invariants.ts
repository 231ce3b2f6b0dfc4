// The orchestrator's promises, checked on one finished case against the journal, what Azure was asked
// to do (the transport), and the simulator's world afterwards.
import * as assert from 'node:assert/strict';
import type { JournalEntry } from '../../../../src/core/journal/records';
import { type CaseConfig, type CaseResult, originImage, targetImage } from './runCase';
import type { AfterUpgrade } from './fleetScenario';

/** Instances that should fail after a move, from their behaviour alone (O4, H3). */
export function predictedFailures(config: CaseConfig, ids: readonly string[] = config.fleet.instances.map((_, i) => String(i))): Set<string> | undefined {
  if (config.fleet.faults.some((f) => f.kind === 'failedLro')) return undefined;
  // With automatic OS upgrades on, the platform's scheduled upgrade is a far simulator event the virtual
  // clock may jump to while the run waits on a real-time SDK retry: a slow instance's timing is then unknown.
  if (config.fleet.automaticOSUpgrade && config.fleet.faults.length > 0) return undefined;
  const failing = new Set<string>();
  const fails = (a: AfterUpgrade) => a === 'neverHealthy' || a === 'unhealthyOnTarget' || (typeof a === 'object' && 'slowSeconds' in a && a.slowSeconds > 300);
  for (const [i, inst] of config.fleet.instances.entries()) {
    const a = inst.after;
    if (typeof a === 'object' && 'flaky' in a) return undefined;
    if (fails(a)) failing.add(ids[i]);
  }
  // O8 maxSurge: the k-th instance a scale-out creates gets id n + k (Uniform ids are never reused).
  const n = config.fleet.instances.length;
  for (const [k, a] of Object.entries(config.fleet.scaleOut ?? {})) if (fails(a)) failing.add(String(n + Number(k)));
  return failing;
}

/** O8 maxSurge as the journal tells it: which new instance replaced which old one. */
function surgePairs(entries: readonly JournalEntry[]): { oldToNew: Map<string, string>; newToOld: Map<string, string> } {
  const pairs = entries.flatMap((e) => (e.type === 'surgeCreated' ? e.pairs : []));
  return { oldToNew: new Map(pairs.map((p) => [p.old, p.created])), newToOld: new Map(pairs.map((p) => [p.created, p.old])) };
}

/**
 * O8 maxSurge: no old instance leaves service before its replacement is healthy (with rollback off, before
 * its replacement was judged at all), and a batch moves in place only after its scale-out was refused.
 */
function checkSurge(config: CaseConfig, result: CaseResult): void {
  const surge = config.policy.maxSurge === true;
  const verdicts = new Map<string, boolean>();
  const batchMode = new Map<number, 'none' | 'surge' | 'refused'>();
  const { oldToNew } = surgePairs(result.entries);
  for (const e of result.entries) {
    if (e.type === 'healthVerdict') verdicts.set(e.instanceId, e.healthy);
    if (e.type === 'batchStarted') batchMode.set(e.batch, 'none');
    if (e.type === 'surgeIntent') {
      assert.ok(surge, 'no scale-out without maxSurge');
      batchMode.set(e.batch, 'surge');
    }
    if (e.type === 'surgeRefused') batchMode.set(e.batch, 'refused');
    if (e.type === 'moveIntent' && surge) assert.equal(batchMode.get(e.batch), 'refused', `O8: batch ${e.batch} moved in place without a refused scale-out`);
    if (e.type === 'retireIntent') {
      for (const id of e.instanceIds) {
        const verdict = verdicts.get(oldToNew.get(id) ?? '');
        assert.ok(verdict === true || (verdict === false && !result.plan.policy.rollbackFailedInstances), `O8: old instance ${id} left service before its replacement was healthy`);
      }
    }
  }
  assert.equal(result.scaleSet.scaledOut, oldToNew.size, 'O8: one new instance per replaced one, none created twice');
  assert.equal(new Set(result.observations.deleted).size, result.observations.deleted.length, 'O8: no instance deleted twice');
  assert.equal(result.scaleSet.capacity, config.fleet.instances.length, 'O8: the capacity ends where it started');
  assert.equal(result.world.length, config.fleet.instances.length, 'O8: the instance count ends where it started');
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

/**
 * O2 as each batch starts: instances already out of service (unhealthy anywhere, as Azure computed them in
 * the read the batch started from) count against the batch limit; the batch takes at most
 * `limit − unhealthy` healthy instances out of service, or a single one when nothing else moves.
 */
function checkO2AtBatchStart(result: CaseResult): void {
  const limit = result.plan.batchLimit;
  const moved = new Map<number, Set<string>>();
  for (const e of result.entries) {
    if (e.type === 'moveIntent' || e.type === 'surgeIntent') {
      const set = moved.get(e.batch) ?? new Set<string>();
      for (const i of e.instances) set.add(i.id);
      moved.set(e.batch, set);
    }
  }
  for (const [batch, ids] of moved) {
    const down = result.batchStartUnhealthy.get(batch);
    assert.ok(down, `batch ${batch} has a start reading`);
    const healthyMoved = [...ids].filter((id) => !down.has(id)).length;
    const allowed = Math.max(limit - down.size, [...ids].some((id) => down.has(id)) ? 0 : 1);
    assert.ok(healthyMoved <= allowed, `O2: batch ${batch} took ${healthyMoved} healthy instance(s) out of service with ${down.size} already down (limit ${limit})`);
  }
}

/**
 * A6, A4, O9: once the run holds the set's policy, Azure starts no rolling upgrade of its own. One the
 * platform started before the hold took effect (automatic OS upgrades, A4) must make the run refuse (A6)
 * before it moves anything, unless it had finished by then. Returns true when the run was refused so.
 */
function checkPlatformRace(result: CaseResult): boolean {
  const held = result.entries.find((e) => e.type === 'policyHold' && e.phase === 'done')?.at;
  const firstMove = result.entries.find((e) => e.type === 'moveIntent' || e.type === 'surgeIntent' || e.type === 'modelUpdate')?.at ?? Infinity;
  for (const u of result.azureRollingUpgrades) {
    assert.ok(held === undefined || u.start < held, `Azure started a rolling upgrade of its own at ${u.start} while the run held the set's policy (held at ${held})`);
    if (u.end !== undefined && u.end <= firstMove) continue;
    assert.equal(result.summary.outcome, 'refused', 'A6: a platform rolling upgrade running before the run starts: refused');
    assert.match(result.summary.reason ?? '', /platform rolling upgrade is in progress/);
    assert.equal(result.observations.accepted.length, 0, 'A6: nothing moved');
    return true;
  }
  return false;
}

/** O9, A4: the set's upgrade policy after the run is as it was — or Manual, said in the reason. */
function checkUpgradePolicy(config: CaseConfig, result: CaseResult): void {
  const original = { mode: config.fleet.upgradeMode ?? 'Manual', automaticOSUpgrade: config.fleet.automaticOSUpgrade === true };
  const keptManual = /upgrade policy stays Manual/.test(result.summary.reason ?? '');
  assert.deepEqual(result.upgradePolicy, keptManual ? { ...original, mode: 'Manual' } : original, `the upgrade policy after the run: ${result.summary.reason ?? ''}`);
}

/** O6: a failed re-check stops the run before that batch; a passing one never does. */
function checkO6(result: CaseResult): void {
  const limit = result.plan.policy.maxUnhealthyInstancePercent;
  for (const [i, e] of result.entries.entries()) {
    if (e.type !== 'healthCheck') continue;
    assert.equal(e.ok, (e.unhealthy * 100) / e.total <= limit, `${e.rule}: the check agrees with its reading`);
    if (!e.ok) {
      // Bookkeeping between the check and the end: waits, traffic, the policy put back, the lease (issue 17) —
      // a run killed right after the failed check re-takes its own lease on resume, to release it.
      const bookkeeping = new Set(['waited', 'armTraffic', 'policyRestore', 'leaseTaken', 'leaseRenewed', 'leaseReleased']);
      const next = result.entries.slice(i + 1).find((r) => !bookkeeping.has(r.type));
      assert.equal(next?.type, 'runFinished', `${e.rule}: the run stops at the check`);
      assert.equal(next?.type === 'runFinished' && next.outcome, e.rule === 'O1' ? 'refused' : 'aborted');
    }
  }
}

export function checkInvariants(config: CaseConfig, result: CaseResult): void {
  const { plan, summary, observations, world } = result;
  const n = config.fleet.instances.length;
  const context = `outcome ${summary.outcome}: ${summary.reason ?? ''}`;

  checkUpgradePolicy(config, result);
  if (checkPlatformRace(result)) return;
  // O2: never more disks being replaced at once than a batch allows (a platform upgrade that ran and ended
  // before the run's hold and first move replaced disks of its own: not the run's).
  if (result.azureRollingUpgrades.length === 0) assert.ok(observations.maxBusy <= plan.batchLimit, `O2: ${observations.maxBusy} instances out of service at once, the batch limit is ${plan.batchLimit}`);
  // O1: refuse to start when too many instances are unhealthy; then nothing moves.
  const unhealthyAtStart = config.fleet.instances.filter((i) => i.baseline === 'unhealthy').length;
  if ((unhealthyAtStart * 100) / n > plan.policy.maxUnhealthyInstancePercent) {
    assert.equal(summary.outcome, 'refused', `O1: ${unhealthyAtStart}/${n} unhealthy must refuse; ${context}`);
    assert.equal(observations.accepted.length, 0, 'O1: nothing was moved');
    return;
  }
  assert.notEqual(summary.outcome, 'refused', `O1 passes: ${context}`);
  assert.notEqual(summary.outcome, 'failed', `the run gets past transient faults: ${context}`);

  checkO2AtBatchStart(result);
  checkO5(result);
  checkO6(result);
  checkSurge(config, result);
  const { oldToNew, newToOld } = surgePairs(result.entries);

  // Each instance is moved to the target at most once (a rollback is a move back, not a second move).
  const target = targetImage(config);
  const origin = originImage(config);
  const moves = new Map<string, number>();
  for (const a of observations.accepted) {
    const toTarget = a.kind === 'reimage' ? a.exactVersion === target.version : a.modelSku === target.model;
    if (toTarget) for (const id of a.instanceIds) moves.set(id, (moves.get(id) ?? 0) + 1);
  }
  for (const [id, count] of moves) assert.equal(count, 1, `instance ${id} moved ${count} times`);

  // O4: failed instances are rolled back to the version they ran, unless rollback is off.
  const failed = failedInJournal(result.entries);
  const version = new Map(world.map((w) => [w.instanceId, w.version]));
  const sku = new Map(world.map((w) => [w.instanceId, w.sku]));
  for (const id of failed) {
    const old = newToOld.get(id);
    if (old !== undefined) {
      // O8 maxSurge: the rollback deletes the failed replacement; the old instance never left service.
      const rolledBack = plan.policy.rollbackFailedInstances;
      assert.equal(summary.finalStates[old], rolledBack ? 'rolledBack' : 'failed', `instance ${old}: its replacement ${id} failed`);
      assert.equal(version.has(id), !rolledBack, `replacement ${id} ${rolledBack ? 'is deleted' : 'stays with rollback off'}`);
      assert.equal(version.has(old), rolledBack, `instance ${old} ${rolledBack ? 'stays in service' : 'is deleted with rollback off'}`);
      if (rolledBack) assert.equal(sku.get(old), originImage(config).sku, `instance ${old} keeps its SKU`);
      continue;
    }
    if (plan.policy.rollbackFailedInstances) {
      assert.equal(summary.finalStates[id], 'rolledBack', `instance ${id} is rolled back`);
      assert.equal(sku.get(id), origin.sku, `instance ${id} runs its old SKU again`);
      // Reimage rollback: back to the exact version it ran; a model revert to 'latest' lands on the newest.
      if (plan.target.rollbackMethod === 'reimageExactVersion') assert.equal(version.get(id), origin.version, `instance ${id} runs its old version again`);
    } else {
      assert.equal(summary.finalStates[id], 'failed', `instance ${id} stays failed with rollback off`);
    }
  }

  // Health decisions match the behaviours the instances were given (when nothing random interferes).
  const predicted = predictedFailures(config, result.ids);
  if (predicted) {
    const moved = new Set(result.entries.flatMap((e) => (e.type === 'healthVerdict' || e.type === 'moved' ? [e.instanceId] : [])));
    for (const id of moved) assert.equal(failed.has(id), predicted.has(id), `instance ${id}: failed ${failed.has(id)}, expected ${predicted.has(id)}`);
  }

  // O7: on success every instance is on the target, moved exactly once unless it already was.
  if (summary.outcome === 'succeeded') {
    for (const [i, inst] of config.fleet.instances.entries()) {
      const id = result.ids[i];
      const replacement = oldToNew.get(id);
      if (replacement !== undefined) {
        assert.ok(!version.has(id), `O8: instance ${id} was deleted`);
        assert.equal(`${sku.get(replacement)} ${version.get(replacement)}`, `${target.sku} ${target.version}`, `O8: its replacement ${replacement} is on the target`);
        assert.equal(moves.get(id) ?? 0, 0, `O8: instance ${id} was replaced, not moved`);
        continue;
      }
      assert.equal(`${sku.get(id)} ${version.get(id)}`, `${target.sku} ${target.version}`, `instance ${id} is on the target`);
      const already = inst.onTarget === true && target.sku === origin.sku && (config.fleet.setImage ?? 'platformLatest').startsWith('platform');
      assert.equal(moves.get(id) ?? 0, already ? 0 : 1, `instance ${id} moved exactly once`);
    }
  }
  assert.ok(world.every((w) => !w.busy), 'nothing is left in flight');
}
