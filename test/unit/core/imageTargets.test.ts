// Gallery and managed image targets (O9, A4) end to end: resolved against Azure, executed and rolled
// back through the real SDK against the simulator (no hand-written Azure).
import * as assert from 'node:assert/strict';
import type { UpgradeTarget } from '../../../src/core/contract';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { planFromAzure, resumeRun, startRun } from '../../../src/core/rollout';
import type { Scenario } from '../../../src/simulator/simulator-entry';
import { image, ref, type FleetInstance } from './support/fleetScenario';
import { galleryFleet, golden, group, version, web } from './support/galleryFleet';
import { KillingSink } from './support/killingSink';
import { testRetry } from './support/runCase';
import { startTestRun, withSimulator } from './support/scenarioRun';

const healthy = (n: number): FleetInstance[] => Array.from({ length: n }, () => ({ baseline: 'healthy', after: 'healthy' }));

/** A journal whose process "dies" at the n-th append (see support/killingSink.ts). */
class KillingStore extends JournalStore {
  private sink?: KillingSink;

  constructor(
    dir: string,
    private readonly killAt: number,
  ) {
    super(dir);
  }

  get killed(): boolean {
    return this.sink?.killed === true;
  }

  override open(runId: string) {
    const inner = super.open(runId);
    this.sink = new KillingSink(inner, this.killAt, false);
    return Object.assign(this.sink, { file: inner.file });
  }
}

type SimSet = { properties: { virtualMachineProfile: unknown }; instances: { osImage: { id?: string; sku: string; version: string } }[] };
const setOf = (run: { az: { sim: { world: { scaleSets: unknown[] } } } }) => run.az.sim.world.scaleSets[0] as SimSet;
const modelRef = (set: SimSet) => (set.properties.virtualMachineProfile as { storageProfile: { imageReference: Record<string, unknown> } }).storageProfile.imageReference;
const disks = (set: SimSet) => set.instances.map((i) => (i.osImage.id ? `${i.osImage.id.split('/').pop()}@${i.osImage.version}` : `${i.osImage.sku}@${i.osImage.version}`));

describe('image targets: gallery and managed images (real SDK → simulator, O9)', function () {
  this.timeout(120_000);

  it('O9: platform image → gallery image version: model move + manualupgrade per batch, every instance on the target', async () => {
    const run = await startTestRun(galleryFleet(healthy(6)), { target: { kind: 'image', id: version('1.1.0') }, policy: { maxBatchInstancePercent: 50 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const set = setOf(run);
      assert.deepEqual(disks(set), Array(6).fill('1.1.0@1.1.0'));
      assert.deepEqual(modelRef(set), { id: version('1.1.0') });
      assert.ok(run.az.observations.accepted.every((a) => a.kind === 'manualupgrade'));
      assert.equal(run.az.observations.accepted.length, summary.batches.finished, 'one manualupgrade per batch');
      assert.deepEqual(run.az.observations.accepted.flatMap((a) => a.instanceIds).sort(), ['0', '1', '2', '3', '4', '5']);
    } finally {
      await run.dispose();
    }
  });

  it('O4 + O9: a never-healthy instance returns to the platform image by model revert; the model ends on the gallery image', async () => {
    const run = await startTestRun(galleryFleet([...healthy(5), { baseline: 'healthy', after: 'neverHealthy' }]), {
      target: { kind: 'image', id: version('1.1.0') },
      policy: { maxBatchInstancePercent: 50, maxUnhealthyUpgradedInstancePercent: 50 },
    });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'completedWithFailures');
      assert.equal(summary.finalStates['5'], 'rolledBack');
      const set = setOf(run);
      assert.deepEqual(disks(set).slice(0, 5), Array(5).fill('1.1.0@1.1.0'));
      assert.equal(set.instances[5].osImage.id, undefined, 'back on the platform image');
      assert.equal(set.instances[5].osImage.sku, image.sku);
      assert.deepEqual(modelRef(set), { id: version('1.1.0') }, 'the model ends on the target');
      assert.deepEqual(run.az.observations.accepted.filter((a) => a.modelSku === image.sku).map((a) => a.instanceIds), [['5']], 'the revert manualupgrade ran with the platform model');
    } finally {
      await run.dispose();
    }
  });

  it('gallery version → newer version: a set on the definition (latest) is reimaged with exactVersion; a pinned version id moves the model', async () => {
    const onDefinition = await startTestRun(galleryFleet(healthy(4), { id: web }, '1.0.0'), { target: { kind: 'image', id: version('1.1.0') } });
    try {
      const summary = await onDefinition.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      assert.deepEqual(disks(setOf(onDefinition)), Array(4).fill('web@1.1.0'));
      assert.deepEqual(modelRef(setOf(onDefinition)), { id: web }, 'the model keeps the definition');
      assert.ok(onDefinition.az.observations.accepted.every((a) => a.kind === 'reimage' && a.exactVersion === '1.1.0'));
    } finally {
      await onDefinition.dispose();
    }
    const pinned = await startTestRun(galleryFleet(healthy(4), { id: version('1.0.0') }, '1.0.0'), { target: { kind: 'image', id: version('1.1.0') } });
    try {
      assert.equal((await pinned.executor.run()).outcome, 'succeeded');
      assert.deepEqual(disks(setOf(pinned)), Array(4).fill('1.1.0@1.1.0'));
      assert.ok(pinned.az.observations.accepted.every((a) => a.kind === 'manualupgrade'));
    } finally {
      await pinned.dispose();
    }
  });

  it('gallery definition on latest: a never-healthy instance is reimaged back to its previous exactVersion', async () => {
    const run = await startTestRun(galleryFleet([...healthy(3), { baseline: 'healthy', after: 'neverHealthy' }], { id: web }, '1.0.0'), {
      target: { kind: 'image', id: web },
      policy: { maxBatchInstancePercent: 50, maxUnhealthyUpgradedInstancePercent: 50 },
    });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'completedWithFailures');
      assert.equal(summary.finalStates['3'], 'rolledBack');
      assert.deepEqual(disks(setOf(run)), ['web@1.1.0', 'web@1.1.0', 'web@1.1.0', 'web@1.0.0']);
      assert.ok(run.az.observations.accepted.some((a) => a.kind === 'reimage' && a.exactVersion === '1.0.0' && a.instanceIds[0] === '3'));
    } finally {
      await run.dispose();
    }
  });

  it('O9: a managed image target moves every instance to it', async () => {
    const run = await startTestRun(galleryFleet(healthy(4)), { target: { kind: 'image', id: golden }, policy: { maxBatchInstancePercent: 50 } });
    try {
      assert.equal((await run.executor.run()).outcome, 'succeeded');
      assert.deepEqual(disks(setOf(run)), Array(4).fill('golden@'));
      assert.deepEqual(modelRef(setOf(run)), { id: golden });
    } finally {
      await run.dispose();
    }
  });

  it('a run to a gallery image killed at any journal append resumes to the same end: targets reached, the never-healthy instance back on the platform image', async () => {
    let killedRuns = 0;
    for (const killAt of [2, 5, 9, 14, 20]) {
      const env = await withSimulator(galleryFleet([...healthy(5), { baseline: 'healthy', after: 'neverHealthy' }]));
      try {
        const target: UpgradeTarget = { kind: 'image', id: version('1.1.0') };
        const planned = await planFromAzure(env.az.gateway, { ref, target, strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50, maxUnhealthyUpgradedInstancePercent: 50, healthPoll: 'PT30S' } }, env.az.clock, testRetry);
        assert.ok(planned.ok);
        const killing = new KillingStore(env.dir, killAt);
        const first = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: killing, retry: testRetry }, ref, planned.plan);
        let summary = await first.run();
        if (killing.killed) {
          killedRuns++;
          assert.equal(summary.outcome, 'failed', `killed at append ${killAt}`);
          summary = await resumeRun({ gateway: env.az.newGateway(), clock: env.az.clock, store: new JournalStore(env.dir), retry: testRetry }, first.runId).executor.run();
        }
        assert.equal(summary.outcome, 'completedWithFailures', `kill at ${killAt}`);
        const set = setOf(env);
        assert.deepEqual(disks(set).slice(0, 5), Array(5).fill('1.1.0@1.1.0'), `kill at ${killAt}`);
        assert.equal(set.instances[5].osImage.id, undefined, `kill at ${killAt}: back on the platform image`);
        assert.deepEqual(modelRef(set), { id: version('1.1.0') }, `kill at ${killAt}: the model ends on the target`);
      } finally {
        await env.dispose();
      }
    }
    assert.ok(killedRuns >= 4, `${killedRuns} of 5 runs were killed`);
  });

  it('refuses a bad id, a missing or unusable image, another OS type, and a platform-version target on a gallery-image set', async () => {
    const plan = async (scenario: Scenario, target: UpgradeTarget) => {
      const env = await withSimulator(scenario);
      try {
        const result = await planFromAzure(env.az.gateway, { ref, target, strategy: { kind: 'percentage' } }, env.az.clock, testRetry);
        assert.ok(!result.ok, `${JSON.stringify(target)} must be refused`);
        return result.errors.join('; ');
      } finally {
        await env.dispose();
      }
    };
    const platformSet = galleryFleet(healthy(2));
    assert.match(await plan(platformSet, { kind: 'image', id: '/subscriptions/x/images/nope' }), /is not a gallery image, gallery image version or managed image id/);
    assert.match(await plan(platformSet, { kind: 'image', id: `${group}/galleries/contoso/images/missing` }), /Azure has no image .*\/images\/missing \(O9\)/);
    assert.match(await plan(platformSet, { kind: 'image', id: version('9.9.9') }), /Azure has no image/);
    assert.match(await plan(platformSet, { kind: 'image', id: version('1.3.0') }), /not replicated to westeurope \(A4\)/);
    assert.match(await plan(platformSet, { kind: 'image', id: `${group}/galleries/contoso/images/win` }), /is a Windows image; the scale set runs Linux/);
    const gallerySet = galleryFleet(healthy(2), { id: web }, '1.0.0');
    assert.match(await plan(gallerySet, { kind: 'latest' }), /runs a gallery or custom image: a platform version target does not apply/);
    assert.match(await plan(gallerySet, { kind: 'version', version: '24.04.202411050' }), /platform version target does not apply/);
  });
});
