// O8 maxSurge through the real SDK against the simulator: new instances are created per batch before
// the old ones are deleted; an unhealthy replacement is deleted (the surge rollback, O4) and counted
// (O5); a scale-out refused for quota moves the batch in place; a kill at any surge journal step and a
// resume neither scales out twice nor deletes anything twice, and ends like an uninterrupted run.
import * as assert from 'node:assert/strict';
import type { RunEvent } from '../../../src/core/contract';
import type { JournalEntry } from '../../../src/core/journal/records';
import type { FleetInstance, FleetSpec } from './support/fleetScenario';
import { newVersion, oldVersion } from './support/fleetScenario';
import { type CaseConfig, type CaseResult, runCase } from './support/runCase';
import { startTestRun, withSimulator } from './support/scenarioRun';
import { isQuotaRefusal } from '../../../src/core/executor/surge';
import { ref } from './support/fleetScenario';
import { fleetScenario } from './support/fleetScenario';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));
const fleet = (extra: Partial<FleetSpec> = {}): FleetSpec => ({ seed: 3, instances: healthy(6), zones: 0, updateDomains: 5, faultDomains: 3, faults: [], ...extra });
const surge = (extra: Partial<CaseConfig> = {}): CaseConfig => ({ fleet: fleet(), strategy: { kind: 'percentage' }, policy: { maxSurge: true, maxBatchInstancePercent: 50, healthPoll: 'PT30S' }, ...extra });
const originalIds = ['0', '1', '2', '3', '4', '5'];
const ofType = <T extends JournalEntry['type']>(entries: readonly JournalEntry[], type: T) => entries.filter((e): e is Extract<JournalEntry, { type: T }> => e.type === type);

/** No old instance was asked to go before its replacement was judged healthy (rollback on). */
function assertOldLeftOnlyAfterHealthyReplacement(result: CaseResult): void {
  const healthyAt = new Map(ofType(result.entries, 'healthVerdict').filter((e) => e.healthy).map((e) => [e.instanceId, e.seq]));
  const replacementOf = new Map(ofType(result.entries, 'surgeCreated').flatMap((e) => e.pairs.map((p) => [p.old, p.created] as const)));
  for (const retire of ofType(result.entries, 'retireIntent')) {
    for (const id of retire.instanceIds) {
      const verdict = healthyAt.get(replacementOf.get(id) ?? '');
      assert.ok(verdict !== undefined && verdict < retire.seq, `O8: old instance ${id} was retired before its replacement was healthy`);
    }
  }
}

describe('O8 maxSurge (real SDK → simulator)', function () {
  this.timeout(120_000);

  it('O8 fallback: a scale-out above the largest capacity ARM allows is a refusal the batch survives in place (read from a real 400)', async () => {
    const env = await withSimulator(fleetScenario(fleet()));
    try {
      const refusal = await env.az.gateway.updateScaleSet(ref, { sku: { capacity: 1001 } }).then(() => undefined, (err: unknown) => err);
      assert.ok(refusal, 'ARM refuses a capacity above 1,000');
      assert.equal(isQuotaRefusal(refusal), true);
      const other = await env.az.gateway.updateScaleSet(ref, { sku: { capacity: -1 } }).then(() => undefined, (err: unknown) => err);
      assert.ok(other);
    } finally {
      await env.dispose();
    }
  });

  it('O8: replaces every instance with a new one on the target, deletes every original, and ends at the original capacity', async () => {
    const result = await runCase(surge());
    assert.equal(result.summary.outcome, 'succeeded');
    assert.deepEqual(result.plan.batches.map((b) => b.surge), [3, 3], 'the plan says each batch surges');
    assert.equal(result.plan.warnings.some((w) => /maxSurge/.test(w)), false);
    const ids = result.world.map((i) => i.instanceId);
    assert.equal(ids.filter((id) => originalIds.includes(id)).length, 0, 'every original instance was deleted');
    assert.equal(ids.length, 6);
    assert.ok(result.world.every((i) => i.version === newVersion), 'every new instance runs the target');
    assert.equal(result.scaleSet.capacity, 6);
    assert.equal(result.scaleSet.scaledOut, 6, 'exactly one new instance per old one');
    assert.deepEqual([...result.observations.deleted].sort(), originalIds);
    assert.equal(result.observations.accepted.length, 0, 'nothing moved in place');
    assert.deepEqual(result.summary.surge, { created: 6, retired: 6, inPlaceBatches: 0 });
    assert.equal(result.summary.instances.succeeded, 6);
    assert.equal(result.summary.instances.total, 6);
    assertOldLeftOnlyAfterHealthyReplacement(result);
  });

  it('O4/O5: a replacement that never becomes healthy is deleted, its old instance stays in service, and it counts as failed', async () => {
    const result = await runCase(surge({ fleet: fleet({ scaleOut: { '4': 'neverHealthy' } }) }));
    assert.equal(result.summary.outcome, 'completedWithFailures');
    const pairs = ofType(result.entries, 'surgeCreated').flatMap((e) => e.pairs);
    const failed = pairs.find((p) => p.created === '10')!;
    const ids = result.world.map((i) => i.instanceId);
    assert.ok(ids.includes(failed.old), 'the old instance was kept');
    assert.ok(!ids.includes('10'), 'the unhealthy replacement was deleted');
    assert.equal(result.world.find((i) => i.instanceId === failed.old)?.version, oldVersion);
    assert.equal(ids.length, 6);
    assert.equal(result.scaleSet.capacity, 6);
    assert.equal(result.summary.instances.rolledBack, 1);
    assert.equal(result.summary.instances.succeeded, 5);
    assert.equal(result.summary.finalStates[failed.old], 'rolledBack');
    assert.equal(new Set(result.observations.deleted).size, result.observations.deleted.length, 'nothing deleted twice');
    assertOldLeftOnlyAfterHealthyReplacement(result);
  });

  it('O5 counts failed replacements: two of three in the first batch abort the run; nothing is left above capacity', async () => {
    const result = await runCase(surge({ fleet: fleet({ scaleOut: { '0': 'neverHealthy', '1': 'neverHealthy' } }) }));
    assert.equal(result.summary.outcome, 'aborted');
    assert.match(result.summary.reason ?? '', /O5: 2 of 3 upgraded instances/);
    assert.equal(result.world.length, 6);
    assert.equal(result.scaleSet.capacity, 6);
  });

  it('O4 with rollback off: the old instance is deleted anyway and the unhealthy replacement stays', async () => {
    const config = surge({ fleet: fleet({ scaleOut: { '4': 'neverHealthy' } }) });
    const result = await runCase({ ...config, policy: { ...config.policy, rollbackFailedInstances: false } });
    assert.equal(result.summary.outcome, 'completedWithFailures');
    const ids = result.world.map((i) => i.instanceId);
    assert.equal(ids.filter((id) => originalIds.includes(id)).length, 0);
    assert.ok(ids.includes('10'));
    assert.equal(result.scaleSet.capacity, 6);
    assert.equal(result.summary.instances.failed, 1);
  });

  it('O8 fallback: a scale-out refused for quota moves that batch in place, says so, and counts it', async () => {
    // 6 VMs × 2 cores = 12 of 14: a canary of one can surge, batches of three cannot.
    const config = surge({ fleet: fleet({ coresQuota: 14 }), strategy: { kind: 'percentage', canary: 1 } });
    const az = await startTestRun(fleetScenario(config.fleet), { strategy: config.strategy, policy: config.policy });
    try {
      const summary = await az.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.deepEqual(summary.surge, { created: 1, retired: 1, inPlaceBatches: 2 });
      const warnings = az.events.filter((e): e is Extract<RunEvent, { type: 'warning' }> => e.type === 'warning');
      assert.equal(warnings.filter((w) => /the scale-out was refused; this batch moves in place instead \(O8 maxSurge fallback\): .*quota/.test(w.message)).length, 2);
      const refused = az.events.filter((e) => e.type === 'surge' && e.state === 'refused');
      assert.ok(refused.every((e) => e.type === 'surge' && /Total Regional Cores quota/.test(e.message ?? '')));
      assert.equal(az.az.observations.accepted.flatMap((a) => a.instanceIds).length, 5, 'five instances reimaged in place');
      assert.equal(az.az.observations.accepted.length, 2, 'one reimage request per in-place batch');
      const set = az.az.sim.world.scaleSets[0];
      assert.equal(set.instances.length, 6);
      assert.equal(set.sku.capacity, 6);
      assert.ok(set.instances.every((i) => i.osImage.version === newVersion));
    } finally {
      await az.dispose();
    }
  });

  it('events name the new instances with their placement and the old ones they replace', async () => {
    const az = await startTestRun(fleetScenario(surge().fleet), { policy: surge().policy });
    try {
      await az.executor.run();
      const created = az.events.flatMap((e) => (e.type === 'surge' && e.state === 'created' ? e.created ?? [] : []));
      assert.deepEqual(created.map((c) => c.instanceId).sort((a, b) => Number(a) - Number(b)), ['6', '7', '8', '9', '10', '11']);
      assert.deepEqual(created.map((c) => c.replaces).sort(), originalIds);
      assert.ok(created.every((c) => c.updateDomain !== undefined && c.faultDomain !== undefined && c.name.length > 0));
      const deleted = az.events.flatMap((e) => (e.type === 'surge' && e.state === 'deleted' ? e.instanceIds : []));
      assert.deepEqual([...deleted].sort(), originalIds);
      assert.deepEqual(Object.keys(az.executor.view().instances).sort((a, b) => Number(a) - Number(b)), ['6', '7', '8', '9', '10', '11'], 'the run view drops deleted instances');
    } finally {
      await az.dispose();
    }
  });

  it('Flexible orchestration is supported: new VMs get new names as instance ids, the old ones are deleted', async () => {
    const scenario = fleetScenario(surge().fleet);
    (scenario.scaleSets[0] as { orchestrationMode?: string }).orchestrationMode = 'Flexible';
    const az = await startTestRun(scenario, { policy: surge().policy });
    try {
      const before = az.az.sim.world.scaleSets[0].instances.map((i) => i.instanceId);
      const summary = await az.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const after = az.az.sim.world.scaleSets[0].instances;
      assert.equal(after.length, 6);
      assert.ok(after.every((i) => !before.includes(i.instanceId) && i.osImage.version === newVersion));
      assert.equal(az.az.sim.world.scaleSets[0].sku.capacity, 6);
    } finally {
      await az.dispose();
    }
  });

  describe('kill and resume at every surge journal step', () => {
    const surgeSteps = new Set(['surgeIntent', 'surgeCreated', 'healthVerdict', 'rollbackIntent', 'rolledBack', 'retireIntent', 'retired', 'batchFinished']);
    const configs: [string, CaseConfig][] = [
      ['all healthy', surge()],
      ['one replacement never healthy', surge({ fleet: fleet({ scaleOut: { '4': 'neverHealthy' } }) })],
    ];
    for (const [name, config] of configs) {
      it(`${name}: same end as uninterrupted, no second scale-out, no second delete, capacity back to the original`, async () => {
        const clean = await runCase(config);
        const steps = clean.entries.filter((e) => surgeSteps.has(e.type)).map((e) => e.seq);
        assert.ok(steps.length >= 10, `surge steps in the journal: ${steps.length}`);
        for (const at of steps) {
          const killed = await runCase({ ...config, kill: { at, torn: at % 2 === 0 } });
          const where = `killed at append ${at} (${clean.entries.find((e) => e.seq === at)?.type})`;
          assert.equal(killed.killedSummary?.outcome, 'failed', where);
          assert.equal(killed.summary.outcome, clean.summary.outcome, where);
          assert.deepEqual(killed.summary.finalStates, clean.summary.finalStates, where);
          assert.equal(killed.scaleSet.scaledOut, clean.scaleSet.scaledOut, `${where}: scaled out twice`);
          assert.equal(killed.scaleSet.capacity, 6, where);
          assert.deepEqual(killed.world.map((i) => [i.instanceId, i.version]), clean.world.map((i) => [i.instanceId, i.version]), where);
          assert.equal(new Set(killed.observations.deleted).size, killed.observations.deleted.length, `${where}: an instance was deleted twice`);
          assertOldLeftOnlyAfterHealthyReplacement(killed);
        }
      });
    }
  });
});
