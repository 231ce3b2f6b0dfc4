// Targets that change the model on a set in Rolling or Automatic mode, and sets with automatic OS upgrades
// (issue #13): the run holds the set's upgrade policy (Manual, automatic OS upgrades off) so that Azure
// does not upgrade the instances itself, racing the run, and puts it back at the end.
import * as assert from 'node:assert/strict';
import type { UpgradeTarget } from '../../../src/core/contract';
import type { JournalEntry } from '../../../src/core/journal/records';
import { planFromAzure, resumeRun, startRun } from '../../../src/core/rollout';
import type { Scenario } from '../../../src/simulator/simulator-entry';
import { fleetScenario, image, newVersion, oldVersion, otherSku, ref, type FleetInstance } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { startTestRun, withSimulator } from './support/scenarioRun';

type Mode = 'Manual' | 'Rolling' | 'Automatic';
const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));

function scenario(instances: FleetInstance[], mode: Mode, options: { pinned?: boolean; autoOs?: boolean } = {}): Scenario {
  const s = fleetScenario({ seed: 1, instances, zones: 0, updateDomains: 5, faultDomains: 3, faults: [] });
  const set = s.scaleSets[0] as { upgradePolicy: unknown; image: { version: string } };
  set.upgradePolicy = { mode, rollingUpgradePolicy: { maxBatchInstancePercent: 50 }, automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: options.autoOs === true } };
  if (options.pinned) set.image = { ...image, version: oldVersion };
  return s;
}

type World = { sim: { world: { scaleSets: { properties: Record<string, unknown>; upgradeRuns: unknown[]; instances: { instanceId: string; osImage: { sku: string; version: string } }[] }[] } } };
const policyOf = (az: World) => {
  const p = az.sim.world.scaleSets[0].properties.upgradePolicy as { mode: string; automaticOSUpgradePolicy?: { enableAutomaticOSUpgrade?: boolean } };
  return { mode: p.mode, automaticOSUpgrade: p.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true };
};
const movesPerInstance = (accepted: readonly { instanceIds: readonly string[] }[]) => {
  const count = new Map<string, number>();
  for (const a of accepted) for (const id of a.instanceIds) count.set(id, (count.get(id) ?? 0) + 1);
  return count;
};

const modelTargets: { name: string; target: UpgradeTarget; pinned: boolean; sku: string; version: string }[] = [
  { name: 'a newer version on a pinned set', target: { kind: 'latest' }, pinned: true, sku: image.sku, version: newVersion },
  { name: 'a new SKU', target: { kind: 'sku', sku: otherSku.sku }, pinned: false, sku: otherSku.sku, version: otherSku.version },
];

describe('upgrade policy modes (real SDK → simulator)', function () {
  this.timeout(120_000);

  for (const mode of ['Rolling', 'Automatic'] as const) {
    for (const t of modelTargets) {
      it(`O2/O9 in ${mode} mode, ${t.name}: Azure does not upgrade the set itself; the run's batches hold, each instance moves once, and the mode is back afterwards`, async () => {
        const run = await startTestRun(scenario(healthy(6), mode, { pinned: t.pinned }), { target: t.target, policy: { maxBatchInstancePercent: 34 } });
        try {
          const plan = (run.store.read(run.executor.runId).entries[0] as Extract<JournalEntry, { type: 'runStarted' }>).plan;
          assert.deepEqual(plan.policyHold, { original: { mode, automaticOSUpgrade: false }, during: { mode: 'Manual', automaticOSUpgrade: false } }, 'the plan shows the hold');
          assert.ok(plan.warnings.some((w) => w.startsWith('Upgrade policy:')), 'and says it in words');
          const during: string[] = [];
          run.executor.subscribe((e) => {
            if (e.type === 'batch' && e.state === 'moving') during.push(policyOf(run.az).mode);
          });
          const summary = await run.executor.run();
          assert.equal(summary.outcome, 'succeeded', summary.reason);
          assert.deepEqual([...new Set(during)], ['Manual'], 'Manual while instances move');
          assert.equal(run.az.sim.world.scaleSets[0].upgradeRuns.length, 0, 'Azure started no rolling upgrade of its own');
          assert.ok(run.az.observations.maxBusy <= plan.batchLimit, `O2: ${run.az.observations.maxBusy} at once, limit ${plan.batchLimit}`);
          assert.deepEqual([...movesPerInstance(run.az.observations.accepted).values()], Array(6).fill(1), 'each instance moved once');
          assert.ok(run.az.sim.world.scaleSets[0].instances.every((i) => i.osImage.sku === t.sku && i.osImage.version === t.version));
          assert.deepEqual(policyOf(run.az), { mode, automaticOSUpgrade: false }, 'the mode is restored');
          const types = run.store.read(run.executor.runId).entries.map((e) => e.type);
          assert.ok(types.indexOf('policyHold') < types.indexOf('modelUpdate'), 'held before the model changes');
          assert.equal(types.at(-1), 'runFinished');
          assert.ok(types.lastIndexOf('policyRestore') < types.length - 1, 'restored before runFinished');
        } finally {
          await run.dispose();
        }
      });
    }
  }

  it('O4 in Rolling mode: a never-healthy instance is rolled back and stays back; the mode stays Manual and the run says why (restoring Rolling would make Azure move it again)', async () => {
    const run = await startTestRun(scenario([...healthy(5), { baseline: 'healthy', after: 'neverHealthy' }], 'Rolling'), { target: { kind: 'sku', sku: otherSku.sku }, policy: { maxBatchInstancePercent: 34, maxUnhealthyUpgradedInstancePercent: 50 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'completedWithFailures');
      assert.equal(summary.finalStates['5'], 'rolledBack');
      assert.match(summary.reason ?? '', /upgrade policy stays Manual \(it was Rolling\): instance\(s\) [\d, ]*\b5 do not run the model/);
      assert.equal(policyOf(run.az).mode, 'Manual');
      // Hours later, nothing has moved it: Azure started no rolling upgrade.
      await run.az.clock.sleep(6 * 3600_000);
      assert.equal(run.az.sim.world.scaleSets[0].instances[5].osImage.sku, image.sku, 'instance 5 stays on its old SKU');
      assert.equal(run.az.sim.world.scaleSets[0].upgradeRuns.length, 0);
    } finally {
      await run.dispose();
    }
  });

  it('A4: automatic OS upgrades are off during any run and on again after it; a Rolling set moved by reimage keeps its mode', async () => {
    const run = await startTestRun(scenario(healthy(4), 'Rolling', { autoOs: true }), { policy: { maxBatchInstancePercent: 50 } });
    try {
      const during: boolean[] = [];
      run.executor.subscribe((e) => {
        if (e.type === 'batch' && e.state === 'moving') during.push(policyOf(run.az).automaticOSUpgrade);
      });
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.deepEqual([...new Set(during)], [false]);
      assert.deepEqual(policyOf(run.az), { mode: 'Rolling', automaticOSUpgrade: true });
      assert.ok(run.az.sim.world.scaleSets[0].instances.every((i) => i.osImage.version === newVersion));
    } finally {
      await run.dispose();
    }
  });

  it('A1: a target that would pin the model of a set with automatic OS upgrades is refused at planning, with the reason', async () => {
    const env = await withSimulator(scenario(healthy(3), 'Rolling', { autoOs: true }));
    try {
      const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'sku', sku: otherSku.sku, version: otherSku.version }, strategy: { kind: 'percentage' } }, env.az.clock, testRetry);
      assert.equal(planned.ok, false);
      assert.match(planned.ok ? '' : planned.errors[0], /Automatic OS image upgrades are on and need the model to say 'latest'/);
    } finally {
      await env.dispose();
    }
  });

  it('killed at every journal append and resumed, a Rolling set ends with the policy a straight run leaves', async () => {
    const straight = await startTestRun(scenario(healthy(4), 'Rolling', { autoOs: true }), { target: { kind: 'sku', sku: otherSku.sku }, policy: { maxBatchInstancePercent: 50 } });
    const appends = await straight.executor.run().then(() => straight.store.read(straight.executor.runId).entries.length);
    const expected = policyOf(straight.az);
    await straight.dispose();
    assert.deepEqual(expected, { mode: 'Rolling', automaticOSUpgrade: true });
    for (let at = 2; at <= appends; at++) {
      const env = await withSimulator(scenario(healthy(4), 'Rolling', { autoOs: true }));
      try {
        const planned = await planFromAzure(env.az.gateway, { ref, target: { kind: 'sku', sku: otherSku.sku }, strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50, healthPoll: 'PT30S' } }, env.az.clock, testRetry);
        assert.ok(planned.ok);
        let n = 0;
        const store = Object.create(env.store) as typeof env.store;
        store.open = (runId: string) => {
          const inner = env.store.open(runId);
          return { file: inner.file, close: () => inner.close(), append: (e: JournalEntry) => (++n >= at ? (() => { throw new Error(`killed at ${at}`); })() : inner.append(e)) };
        };
        const first = startRun({ gateway: env.az.gateway, clock: env.az.clock, store, retry: testRetry }, ref, planned.plan);
        await first.run();
        const summary = await resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: env.store, retry: testRetry }, first.runId).executor.run();
        assert.equal(summary.outcome, 'succeeded', `killed at ${at}: ${summary.reason}`);
        assert.deepEqual(policyOf(env.az), expected, `killed at append ${at} of ${appends}`);
        assert.equal(env.az.sim.world.scaleSets[0].upgradeRuns.length, 0, `killed at ${at}: Azure started no rolling upgrade`);
      } finally {
        await env.dispose();
      }
    }
  });
});
