// The platform rolling upgrade engine, pinned with numbers (O1–O8, A6). The world runs on a
// ManualClock; advancing the scheduler far ahead runs the whole upgrade deterministically.
import { strict as assert } from 'node:assert';
import { cancelRollingUpgrade, startRollingUpgrade } from '../../../src/simulator/engine/rollingUpgrade';
import { Simulator } from '../../../src/simulator/simulator';
import { platformDefaultPolicy, rollingPolicy } from '../../../src/simulator/state/modelView';
import type { ScaleSet } from '../../../src/simulator/state/model';
import type { EffectivePolicy, UpgradeRun } from '../../../src/simulator/state/upgradeRun';
import type { ScaleSetSpec } from '../../../src/simulator/scenario/scenarioTypes';
import { ManualClock } from './helpers/clocks';
import { scaleSet, scenario } from './helpers/scenarios';

const day = 24 * 3_600_000;

async function world(spec: ScaleSetSpec) {
  const clock = new ManualClock();
  const sim = await Simulator.start({ scenario: scenario([spec]), listen: false, clock });
  return { sim, w: sim.world, set: sim.world.scaleSets[0], clock };
}

function policy(overrides: Partial<EffectivePolicy> = {}): EffectivePolicy {
  return { ...platformDefaultPolicy, ...overrides };
}

function runToEnd(sim: Simulator): void {
  sim.world.scheduler.advanceTo(sim.world.now + day);
}

function versions(set: ScaleSet): string[] {
  return set.instances.map((i) => i.osImage.version);
}

function manual(w: Simulator['world'], set: ScaleSet, p = policy()): UpgradeRun {
  return startRollingUpgrade(w, set, { kind: 'os', startedBy: 'User', rollbackOnFailure: false, policy: p });
}

function automatic(w: Simulator['world'], set: ScaleSet, p = policy(), rollback = true): UpgradeRun {
  return startRollingUpgrade(w, set, { kind: 'os', startedBy: 'Platform', rollbackOnFailure: rollback, policy: p });
}

describe('simulator platform rolling upgrade (O1–O8)', () => {
  it('O2: 23 instances at 20% go in batches of at most 4, zone by zone, until all run the target (O7)', async () => {
    const { sim, w, set } = await world(scaleSet('s23', 23, { zones: ['1', '2', '3'] }));
    const run = manual(w, set);
    runToEnd(sim);
    assert.equal(run.code, 'Completed');
    assert.deepEqual(run.batches.map((b) => b.length), [4, 4, 4, 4, 4, 3]);
    for (const batch of run.batches) {
      const zones = new Set(batch.map((id) => set.instances.find((i) => i.instanceId === id)!.zone));
      assert.equal(zones.size, 1, `batch ${batch.join(',')} spans zones`);
    }
    assert.deepEqual(new Set(versions(set)), new Set(['1.1.0']));
    assert.equal(run.batches.flat().length, 23);
  });

  it('O2: a batch is never smaller than one VM (3 instances at 20% → 1 at a time)', async () => {
    const { sim, w, set } = await world(scaleSet('s3', 3));
    const run = manual(w, set);
    runToEnd(sim);
    assert.deepEqual(run.batches.map((b) => b.length), [1, 1, 1]);
  });

  it('O8: a regional set keeps each batch inside one update domain', async () => {
    const { sim, w, set } = await world(scaleSet('ud', 20, { updateDomains: 5 }));
    const run = manual(w, set, policy({ maxBatchInstancePercent: 50 }));
    runToEnd(sim);
    for (const batch of run.batches) assert.equal(new Set(batch.map((id) => set.instances.find((i) => i.instanceId === id)!.updateDomain)).size, 1);
    assert.deepEqual(run.batches.map((b) => b.length), [4, 4, 4, 4, 4]);
  });

  it('O8: enableCrossZoneUpgrade builds batches by update domain across zones', async () => {
    const { sim, w, set } = await world(scaleSet('xz', 12, { zones: ['1', '2', '3'], updateDomains: 2 }));
    const run = manual(w, set, policy({ maxBatchInstancePercent: 50, enableCrossZoneUpgrade: true }));
    runToEnd(sim);
    const first = run.batches[0].map((id) => set.instances.find((i) => i.instanceId === id)!);
    assert.ok(new Set(first.map((i) => i.zone)).size > 1, 'first batch stays in one zone');
    assert.equal(new Set(first.map((i) => i.updateDomain)).size, 1);
  });

  it('O2: unhealthy instances outside the batch shrink it', async () => {
    const { sim, w, set } = await world(scaleSet('shrink', 20, { instances: { count: 20, overrides: { '19': { health: 'unhealthy' }, '18': { health: 'unhealthy' } } } }));
    const run = manual(w, set, policy({ maxBatchInstancePercent: 25 }));
    runToEnd(sim);
    // 25% of 20 = 5, minus the 2 unhealthy instances waiting outside the batch.
    assert.equal(run.batches[0].length, 3);
  });

  it('O8: prioritizeUnhealthyInstances upgrades unhealthy instances first (each in its update domain batch)', async () => {
    const overrides = { '13': { health: 'unhealthy' as const }, '17': { health: 'unhealthy' as const } };
    const { sim, w, set } = await world(scaleSet('prio', 20, { instances: { count: 20, overrides } }));
    const run = manual(w, set, policy({ prioritizeUnhealthyInstances: true }));
    runToEnd(sim);
    // 17 is in update domain 2, 13 in update domain 3: both go before the healthy domains 0 and 1.
    assert.equal(run.batches[0][0], '17');
    assert.equal(run.batches[1][0], '13');
    const plain = await world(scaleSet('noprio', 20, { instances: { count: 20, overrides } }));
    const ordered = manual(plain.w, plain.set);
    runToEnd(plain.sim);
    assert.ok(!ordered.batches[0].includes('17') && !ordered.batches[0].includes('13'));
  });

  it('O1: 6 of 23 unhealthy refuses to start with MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade and changes nothing', async () => {
    const overrides = Object.fromEntries(['0', '3', '6', '9', '12', '15'].map((id) => [id, { health: 'unhealthy' as const }]));
    const { sim, w, set } = await world(scaleSet('o1', 23, { instances: { count: 23, overrides } }));
    const run = manual(w, set);
    runToEnd(sim);
    assert.equal(run.code, 'Faulted');
    assert.equal(run.error?.code, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
    assert.equal(run.batches.length, 0);
    assert.deepEqual(new Set(versions(set)), new Set(['1.0.0']));
  });

  it('O1: 4 of 23 unhealthy (17%) is within 20% and starts', async () => {
    const overrides = Object.fromEntries(['0', '3', '6', '9'].map((id) => [id, { health: 'unhealthy' as const }]));
    const { sim, w, set } = await world(scaleSet('o1ok', 23, { instances: { count: 23, overrides } }));
    const run = manual(w, set, policy({ prioritizeUnhealthyInstances: true }));
    runToEnd(sim);
    assert.equal(run.code, 'Completed');
  });

  it('O4: an instance that never becomes healthy is rolled back after the 5-minute wait (automatic upgrade)', async () => {
    const { sim, w, set } = await world(scaleSet('o4', 10, { instances: { count: 10, overrides: { '4': { afterUpgrade: 'neverHealthy' } } } }));
    const run = automatic(w, set, policy({ maxUnhealthyUpgradedInstancePercent: 100 }));
    runToEnd(sim);
    assert.equal(run.code, 'Completed');
    assert.equal(run.rolledBack, 1);
    assert.equal(run.progress.get('4'), 'failed');
    assert.equal(set.instances[4].osImage.version, '1.0.0');
    assert.equal(versions(set).filter((v) => v === '1.1.0').length, 9);
  });

  it('O4: disableAutomaticRollback leaves the failed instance on the new image', async () => {
    const { sim, w, set } = await world(scaleSet('o4off', 10, { instances: { count: 10, overrides: { '4': { afterUpgrade: 'neverHealthy' } } } }));
    const run = automatic(w, set, policy({ maxUnhealthyUpgradedInstancePercent: 100 }), false);
    runToEnd(sim);
    assert.equal(run.rolledBack, 0);
    assert.equal(set.instances[4].osImage.version, '1.1.0');
  });

  it('A6: a manual trigger never rolls back', async () => {
    const { sim, w, set } = await world(scaleSet('a6', 10, { instances: { count: 10, overrides: { '4': { afterUpgrade: 'neverHealthy' } } } }));
    const run = manual(w, set, policy({ maxUnhealthyUpgradedInstancePercent: 100 }));
    runToEnd(sim);
    assert.equal(run.rollbackOnFailure, false);
    assert.equal(run.rolledBack, 0);
    assert.equal(run.progress.get('4'), 'failed');
    assert.equal(set.instances[4].osImage.version, '1.1.0');
  });

  it('O4: the wait is 5 minutes — healthy at 200 s passes, healthy only at 400 s fails', async () => {
    const overrides = { '0': { updateDomain: 0, afterUpgrade: { kind: 'slow' as const, seconds: 200 } }, '1': { updateDomain: 0, afterUpgrade: { kind: 'slow' as const, seconds: 400 } } };
    const { sim, w, set } = await world(scaleSet('slow', 2, { instances: { count: 2, overrides } }));
    const run = manual(w, set, policy({ maxBatchInstancePercent: 100, maxUnhealthyUpgradedInstancePercent: 100 }));
    runToEnd(sim);
    assert.equal(run.progress.get('0'), 'succeeded');
    assert.equal(run.progress.get('1'), 'failed');
    // One batch: 60 s disk replacement + the full 300 s health wait.
    assert.equal(run.endTime! - run.startTime, 60_000 + 300_000);
  });

  it('O5: aborts with MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade when upgraded instances turn unhealthy', async () => {
    const { sim, w, set } = await world(scaleSet('o5', 10, { instances: { count: 10, overrides: { '0': { afterUpgrade: 'neverHealthy' } } } }));
    const run = manual(w, set, policy({ maxUnhealthyUpgradedInstancePercent: 20 }));
    runToEnd(sim);
    assert.equal(run.code, 'Faulted');
    assert.equal(run.error?.code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
    // Batch 1 (2 instances) had 1 failure: 50% > 20%; nothing after it ran.
    assert.equal(run.batches.length, 1);
    assert.equal(versions(set).filter((v) => v === '1.0.0').length, 8);
  });

  it('O6: re-checks the whole set before each batch and stops when other instances went down', async () => {
    const { sim, w, set, clock } = await world(scaleSet('o6', 10));
    const run = manual(w, set);
    clock.advance(30_000);
    sim.advance();
    for (const id of [6, 7, 8]) set.instances[id].powerState = 'stopped';
    runToEnd(sim);
    assert.equal(run.code, 'Faulted');
    assert.equal(run.error?.code, 'MaxUnhealthyInstancePercentExceededInRollingUpgrade');
    assert.equal(run.batches.length, 1);
  });

  it('O8: pauseTimeBetweenBatches waits between batches', async () => {
    const ends: number[] = [];
    for (const pause of ['PT0S', 'PT10M']) {
      const { sim, w, set } = await world(scaleSet(`pause${ends.length}`, 10));
      const run = manual(w, set, { ...rollingPolicy(set), pauseTimeBetweenBatches: pause, pauseMs: pause === 'PT0S' ? 0 : 600_000 });
      runToEnd(sim);
      assert.equal(run.batches.length, 5);
      ends.push(run.endTime! - run.startTime);
    }
    assert.equal(ends[1] - ends[0], 4 * 600_000);
  });

  it('A6: cancel stops after the batch in flight; pending instances stay', async () => {
    const { sim, w, set, clock } = await world(scaleSet('cancel', 10));
    const run = manual(w, set);
    clock.advance(10_000);
    sim.advance();
    cancelRollingUpgrade(w, set);
    runToEnd(sim);
    assert.equal(run.code, 'Cancelled');
    assert.equal(run.lastAction, 'Cancel');
    assert.equal(run.batches.length, 1);
    assert.equal(versions(set).filter((v) => v === '1.1.0').length, 2);
    assert.throws(() => cancelRollingUpgrade(w, set), (e: { code?: string }) => e.code === 'OperationNotAllowed');
  });

  it('a second start while one runs is 409 RollingUpgradeInProgress', async () => {
    const { w, set } = await world(scaleSet('twice', 10));
    manual(w, set);
    assert.throws(() => manual(w, set), (e: { status?: number; code?: string }) => e.status === 409 && e.code === 'RollingUpgradeInProgress');
  });

  it('A6: with no newer image the run succeeds at once and nothing changes', async () => {
    const { sim, w, set } = await world(scaleSet('current', 5, { osVersion: '1.1.0' }));
    const run = manual(w, set);
    runToEnd(sim);
    assert.equal(run.code, 'Completed');
    assert.equal(run.batches.length, 0);
    assert.equal(run.progress.size, 0);
    assert.ok(set.instances.every((i) => i.diskReplacedAt === undefined));
  });
});
