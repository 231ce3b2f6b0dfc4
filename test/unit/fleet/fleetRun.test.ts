// Fleet plans and runs against the simulator through the real SDK (in memory, virtual clock): selectors
// across two subscriptions and three regions, stage order, failure allowance, Service Fabric node types
// one at a time, stop and resume from the journal, approvals from another process, the health gate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FleetJournalStore, type FleetEntry } from '../../../src/core/fleet/fleetJournal';
import type { FleetPlan } from '../../../src/core/fleet/fleetPlan';
import { parseRolloutFile } from '../../../src/core/fleet/parseRolloutFile';
import { planFleet } from '../../../src/core/fleet/planFleet';
import { type FleetDeps, resumeFleet, startFleet } from '../../../src/core/fleet/runFleet';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { formatLease, leaseTagName } from '../../../src/core/lease/leaseTag';
import { planFromAzure, startRun } from '../../../src/core/rollout';
import type { Scenario } from '../../../src/simulator/scenario/scenarioTypes';
import { simulatedAzure, type SimulatedAzure } from '../core/support/simulatedAzure';
import { fleetSet, fleetWorld, newVersion, serviceFabricNodeType, setId, standardFleet, subA, subB } from './support/fleetWorld';

const ring = (n: number) => ({ tags: { ring: String(n) }, subscriptions: [subA, subB] });

function rolloutText(stages: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: 'test-fleet', target: { kind: 'version', version: newVersion }, stages, ...extra });
}

function rollout(text: string) {
  const parsed = parseRolloutFile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rollout;
}

const twoStages = rolloutText([
  { name: 'canary', groups: [{ name: 'ring0', ...ring(0) }], gates: [{ kind: 'health' }], waitAfter: 'PT10M' },
  { name: 'ring1', groups: [{ name: 'ring1', ...ring(1), engine: { kind: 'embedded', strategy: 'count', count: 3 } }] },
]);

describe('fleet plan and run (simulator, real SDK)', function () {
  this.timeout(120_000);
  let az: SimulatedAzure;
  let dir: string;
  let deps: FleetDeps;

  async function world(scenario: Scenario): Promise<void> {
    az = await simulatedAzure(scenario);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmss-fleet-'));
    deps = { gateway: az.gateway, clock: az.clock, store: new JournalStore(dir), fleetStore: new FleetJournalStore(dir), approvalPollMs: 10 };
  }

  afterEach(async () => {
    await az?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const versionsOf = (name: string) => az.sim.world.scaleSets.find((s) => s.name === name)!.instances.map((i) => i.osImage.version);
  const entries = (fleetId: string) => deps.fleetStore.read(fleetId).entries;
  const plan = (text: string) => planFleet(az.gateway, rollout(text), { clock: az.clock });

  it('plans sets found by tags across two subscriptions, lists the one already on the target, and changes nothing', async () => {
    await world(standardFleet());
    const p = await plan(twoStages);
    assert.deepEqual(p.stages.map((s) => s.groups[0].sets.map((x) => `${x.name}:${x.status}`).sort()), [['web-we-0:ready'], ['web-done:onTarget', 'web-sc-1:ready', 'web-we-1:ready']]);
    assert.deepEqual(new Set(p.stages[1].groups[0].sets.map((s) => s.subscriptionId)), new Set([subA, subB]));
    assert.ok(p.findings.some((f) => f.check === 'onTarget' && f.sets?.[0] === 'web-done'));
    assert.deepEqual(p.findings.filter((f) => f.severity === 'error'), []);
    assert.ok(versionsOf('web-we-0').every((v) => v !== newVersion));
  });

  it('selects sets with a Resource Graph query, and marks a set without a health signal not ready for Azure\'s rolling upgrade (R3)', async () => {
    await world(fleetWorld([fleetSet('web-we-0', subA, 'westeurope'), fleetSet('plain-sc', subB, 'swedencentral', { healthSignal: { kind: 'none' } }), fleetSet('web-sc', subB, 'swedencentral')]));
    const text = JSON.stringify({
      name: 'q',
      target: { kind: 'latest' },
      stages: [
        { name: 'canary', groups: [{ name: 'c', sets: [setId(subA, 'rg-fleet', 'web-we-0')] }] },
        { name: 'sweden', groups: [{ name: 'graph', query: "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' and location =~ 'swedencentral' | project id", subscriptions: [subA, subB], engine: { kind: 'platform' } }] },
      ],
    });
    const p = await plan(text);
    const sweden = p.stages[1].groups[0].sets;
    assert.deepEqual(sweden.map((s) => s.name).sort(), ['plain-sc', 'web-sc']);
    const plain = sweden.find((s) => s.name === 'plain-sc')!;
    assert.equal(plain.status, 'notReady');
    assert.match(plain.reasons.join(' '), /R3/);
    assert.ok(p.findings.some((f) => f.check === 'notReady' && /plain-sc is not ready/.test(f.message)));
  });

  it('refuses paired regions in one stage at plan time, and the run refuses to start (nothing moves)', async () => {
    await world(standardFleet());
    const p = await plan(rolloutText([{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'rest', groups: [{ name: 'r1', ...ring(1) }, { name: 'r2', ...ring(2) }] }]));
    assert.ok(p.findings.some((f) => f.check === 'regionPair' && /northeurope \(web-ne-2\) and westeurope \(web-we-1\)/.test(f.message)));
    const summary = await startFleet(deps, p).run();
    assert.equal(summary.outcome, 'refused');
    assert.ok(versionsOf('web-we-0').every((v) => v !== newVersion));
  });

  it('runs stage after stage: the canary, its health gate and wait, then the next stage; every set on the target', async () => {
    await world(standardFleet());
    const runner = startFleet(deps, await plan(twoStages));
    const summary = await runner.run();
    assert.equal(summary.outcome, 'succeeded', summary.reason);
    for (const name of ['web-we-0', 'web-we-1', 'web-sc-1']) assert.deepEqual(versionsOf(name), [newVersion, newVersion, newVersion], name);
    const log = entries(runner.fleetId);
    const at = (pred: (e: FleetEntry) => boolean) => log.find(pred)!;
    const canaryDone = at((e) => e.type === 'stageFinished' && e.stage === 'canary');
    const gate = at((e) => e.type === 'gate');
    const wait = at((e) => e.type === 'waitStarted') as Extract<FleetEntry, { type: 'waitStarted' }>;
    const ring1Start = at((e) => e.type === 'setStarted' && e.stage === 'ring1');
    assert.ok(gate.type === 'gate' && gate.ok, 'the health gate passed');
    assert.ok(gate.seq < wait.seq && wait.seq < canaryDone.seq && canaryDone.seq < ring1Start.seq, 'gate, wait, then the next stage');
    assert.ok(ring1Start.at >= wait.until, 'the next stage starts after the wait');
    assert.deepEqual(summary.sets, { total: 4, succeeded: 3, failed: 0, notReady: 0, onTarget: 1, notStarted: 0 });
  });

  it("a group on Azure's rolling upgrade (platform engine, A6) moves its sets with the set's own policy and reports progress", async () => {
    await world(fleetWorld([
      fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }),
      fleetSet('roll-sc-1', subB, 'swedencentral', { tags: { ring: '1' }, upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 34 } } }),
    ]));
    const text = JSON.stringify({ name: 'platform', target: { kind: 'latest' }, stages: [{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', groups: [{ name: 'r1', ...ring(1), engine: { kind: 'platform' } }] }] });
    const runner = startFleet({ ...deps, platformPollMs: 20_000 }, await plan(text));
    const progress: number[] = [];
    runner.subscribe((e) => {
      if (e.type === 'changed') progress.push(e.view.stages[1].sets[0].done);
    });
    const summary = await runner.run();
    assert.equal(summary.outcome, 'succeeded', summary.reason);
    assert.deepEqual(versionsOf('roll-sc-1'), [newVersion, newVersion, newVersion]);
    assert.equal(az.sim.world.scaleSets.find((s) => s.name === 'roll-sc-1')!.upgradeRuns.length, 1, "one platform rolling upgrade");
    assert.equal(progress.at(-1), 3);
  });

  it("Azure's rolling upgrade started by a fleet holds the set's lease (issue 17): refused while another driver holds it, released when it ends", async () => {
    const held = formatLease({ holder: 'bob@old-laptop', runId: 'run-of-bob', expiresAt: Date.parse('2099-01-01T00:00:00Z') });
    await world(fleetWorld([
      fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }),
      fleetSet('roll-sc-1', subB, 'swedencentral', { tags: { ring: '1', [leaseTagName]: held }, upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 34 } } }),
      fleetSet('roll-ne-1', subB, 'northeurope', { tags: { ring: '1' }, upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 34 } } }),
    ]));
    const text = JSON.stringify({ name: 'platform', target: { kind: 'latest' }, maxFailedSets: 1, stages: [{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', groups: [{ name: 'r1', ...ring(1), engine: { kind: 'platform' } }] }] });
    const tagsDuring: (string | undefined)[] = [];
    const runner = startFleet({ ...deps, platformPollMs: 20_000 }, await plan(text));
    runner.subscribe(() => tagsDuring.push(az.sim.world.scaleSets.find((s) => s.name === 'roll-ne-1')!.tags[leaseTagName]));
    const summary = await runner.run();
    const setOf = (name: string) => az.sim.world.scaleSets.find((s) => s.name === name)!;
    assert.equal(setOf('roll-sc-1').upgradeRuns.length, 0, 'no rolling upgrade on a set another driver holds');
    assert.equal(setOf('roll-sc-1').tags[leaseTagName], held, "the other driver's lease is left as it was");
    const refused = runner.view().stages[1].sets.find((x) => x.name === 'roll-sc-1')!;
    assert.match(refused.detail ?? '', /not started: its lease is held by bob@old-laptop/);
    assert.equal(setOf('roll-ne-1').upgradeRuns.length, 1);
    assert.ok(tagsDuring.some((t) => t !== undefined && /^holder=/.test(t)), 'the lease was on the set while Azure upgraded it');
    assert.equal(setOf('roll-ne-1').tags[leaseTagName], undefined, 'and released at the end');
    assert.equal(summary.outcome, 'completedWithFailures', summary.reason);
  });

  it('a failed set stops the stage and the rollout when no failure is allowed', async () => {
    await world(fleetWorld([
      fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }),
      fleetSet('bad-we-1', subA, 'westeurope', { tags: { ring: '1' }, instances: { count: 3, overrides: { '0': { afterUpgrade: 'neverHealthy' } } } }),
      fleetSet('web-ne-2', subB, 'northeurope', { tags: { ring: '2' } }),
    ]));
    const three = (extra: Record<string, unknown>) => rolloutText([{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', groups: [{ name: 'r1', ...ring(1) }] }, { name: 'ring2', groups: [{ name: 'r2', ...ring(2) }] }], extra);
    const summary = await startFleet(deps, await plan(three({}))).run();
    assert.equal(summary.outcome, 'aborted');
    assert.match(summary.reason ?? '', /1 set\(s\) failed; the rollout allows 0/);
    assert.equal(summary.view.stages[2].sets[0].state, 'notStarted');
    assert.ok(versionsOf('web-ne-2').every((v) => v !== newVersion), 'the next stage never started');
  });

  it('with maxFailedSets 1 the rollout goes on past a failed set and completes with failures', async () => {
    await world(fleetWorld([
      fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }),
      fleetSet('bad-we-1', subA, 'westeurope', { tags: { ring: '1' }, instances: { count: 3, overrides: { '0': { afterUpgrade: 'neverHealthy' } } } }),
      fleetSet('web-ne-2', subB, 'northeurope', { tags: { ring: '2' } }),
    ]));
    const text = rolloutText([{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', groups: [{ name: 'r1', ...ring(1) }] }, { name: 'ring2', groups: [{ name: 'r2', ...ring(2) }] }], { maxFailedSets: 1 });
    const summary = await startFleet(deps, await plan(text)).run();
    assert.equal(summary.outcome, 'completedWithFailures');
    assert.equal(summary.sets.failed, 1);
    assert.deepEqual(versionsOf('web-ne-2'), [newVersion, newVersion, newVersion]);
  });

  it('a failed health gate after a stage stops the rollout (the failed set was allowed, its unhealthy instance is not)', async () => {
    await world(fleetWorld([
      fleetSet('bad-we-0', subA, 'westeurope', { tags: { ring: '0' }, instances: { count: 3, overrides: { '0': { afterUpgrade: 'neverHealthy' } } } }),
      fleetSet('web-ne-1', subB, 'northeurope', { tags: { ring: '1' } }),
    ]));
    const text = rolloutText([
      { name: 'canary', groups: [{ name: 'c', ...ring(0), engine: { kind: 'embedded', policy: { rollbackFailedInstances: false } } }], gates: [{ kind: 'health', maxUnhealthyPercent: 0 }] },
      { name: 'ring1', groups: [{ name: 'r1', ...ring(1) }] },
    ], { maxFailedSets: 1 });
    const summary = await startFleet(deps, await plan(text)).run();
    assert.equal(summary.outcome, 'aborted');
    assert.match(summary.reason ?? '', /gate 'health' after stage 'canary' failed: 1\/3 instance\(s\) not healthy \(limit 0%\): bad-we-0\/0/);
    assert.ok(versionsOf('web-ne-1').every((v) => v !== newVersion));
  });

  it('moves the node types of one Service Fabric cluster one after another, never at the same time', async () => {
    await world(fleetWorld([fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }), serviceFabricNodeType('sf-nt1', { tags: { ring: '1' } }), serviceFabricNodeType('sf-nt2', { tags: { ring: '1' } }), fleetSet('web-sc-1', subB, 'swedencentral', { tags: { ring: '1' } })]));
    const p = await plan(twoStages);
    assert.ok(p.findings.some((f) => f.check === 'serviceFabric' && f.sets?.length === 2));
    const runner = startFleet(deps, p);
    const summary = await runner.run();
    assert.equal(summary.outcome, 'succeeded', summary.reason);
    const log = entries(runner.fleetId);
    const span = (name: string) => [log.find((e) => e.type === 'setStarted' && e.setId.endsWith(`/${name}`))!, log.find((e) => e.type === 'setFinished' && e.setId.endsWith(`/${name}`))!];
    const [a, b] = [span('sf-nt1'), span('sf-nt2')].sort((x, y) => x[0].seq - y[0].seq);
    assert.ok(a[1].seq < b[0].seq, 'the second node type starts after the first finished');
    const other = span('web-sc-1');
    assert.ok(other[0].seq < a[1].seq, 'a set of another cluster moves alongside');
  });

  it('a stop lets the moving sets finish and starts nothing new; resume continues from the journal without moving a set twice', async () => {
    await world(fleetWorld([
      fleetSet('web-we-0', subA, 'westeurope', { tags: { ring: '0' } }),
      fleetSet('web-we-1', subA, 'westeurope', { tags: { ring: '1' } }),
      fleetSet('web-sc-1', subB, 'swedencentral', { tags: { ring: '1' } }),
      fleetSet('web-sc-2', subB, 'swedencentral', { tags: { ring: '1' } }),
    ]));
    const text = rolloutText([{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', groups: [{ name: 'r1', ...ring(1), maxParallel: 1 }] }]);
    const runner = startFleet(deps, await plan(text));
    let stopped = false;
    runner.subscribe((e) => {
      if (e.type === 'changed' && !stopped && e.view.stages[1].sets.some((s) => s.state === 'running')) {
        stopped = true;
        runner.send({ type: 'stop' });
      }
    });
    const first = await runner.run();
    assert.equal(first.outcome, 'stopped');
    const moved = first.view.stages[1].sets.filter((s) => s.state === 'succeeded');
    assert.equal(moved.length, 1, 'the set that was moving finished; no other started');
    assert.equal(first.view.stages[1].sets.filter((s) => s.state === 'notStarted').length, 2);
    const resumed = resumeFleet(deps, runner.fleetId);
    const second = await resumed.run();
    assert.equal(second.outcome, 'succeeded', second.reason);
    for (const name of ['web-we-1', 'web-sc-1', 'web-sc-2']) assert.deepEqual(versionsOf(name), [newVersion, newVersion, newVersion]);
    const runsPerSet = new Map<string, number>();
    for (const r of deps.store.list()) runsPerSet.set(r.scaleSetId!, (runsPerSet.get(r.scaleSetId!) ?? 0) + 1);
    assert.deepEqual([...runsPerSet.values()], [1, 1, 1, 1], 'one run per set across both processes');
  });

  it('resume after a crash continues the set\'s own unfinished run (its journal), not a new one', async () => {
    await world(standardFleet());
    const p: FleetPlan = await plan(twoStages);
    const runner = startFleet(deps, p);
    // The crash: the fleet journaled the canary's start and its run's id, the run journaled its plan, and
    // the process died before either went further.
    const canary = p.stages[0].groups[0].sets[0];
    const ref = { subscriptionId: subA, resourceGroup: 'rg-fleet', name: canary.name };
    const setPlan = await planFromAzure(az.gateway, { ref, target: { kind: 'version', version: newVersion }, strategy: { kind: 'zoneThenUpdateDomain' } }, az.clock);
    assert.ok(setPlan.ok);
    const executor = startRun(deps, ref, setPlan.plan);
    deps.fleetStore.appendExternal(runner.fleetId, { type: 'stageStarted', stage: 'canary' }, az.clock.now());
    deps.fleetStore.appendExternal(runner.fleetId, { type: 'setStarted', stage: 'canary', setId: canary.id, engine: 'embedded' }, az.clock.now());
    deps.fleetStore.appendExternal(runner.fleetId, { type: 'setRun', setId: canary.id, runId: executor.runId }, az.clock.now());
    const resumed = await resumeFleet(deps, runner.fleetId).run();
    assert.equal(resumed.outcome, 'succeeded', resumed.reason);
    const runs = deps.store.list().filter((r) => r.scaleSetId?.endsWith('/web-we-0'));
    assert.deepEqual(runs.map((r) => [r.runId, r.outcome]), [[executor.runId, 'succeeded']], 'the same run finished; no second run');
  });

  it('stop now cancels the moving sets after their batch; they are not counted as failed and resume finishes them', async () => {
    await world(standardFleet());
    const runner = startFleet(deps, await plan(twoStages));
    runner.subscribe((e) => {
      if (e.type === 'changed' && e.view.state === 'running' && e.view.stages[0].sets[0].done > 0) runner.send({ type: 'stopNow' });
    });
    const first = await runner.run();
    assert.equal(first.outcome, 'stopped');
    assert.equal(first.sets.failed, 0);
    const second = await resumeFleet(deps, runner.fleetId).run();
    assert.equal(second.outcome, 'succeeded', second.reason);
    assert.deepEqual(versionsOf('web-we-0'), [newVersion, newVersion, newVersion]);
  });

  it('a stage that needs approval waits until another process approves it in the journal (fleet approve)', async () => {
    await world(standardFleet());
    const text = rolloutText([{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', requiresApproval: true, groups: [{ name: 'r1', ...ring(1) }] }]);
    const runner = startFleet(deps, await plan(text));
    let approvedAt = 0;
    runner.subscribe((e) => {
      if (e.type === 'changed' && e.view.stages[1].approval === 'waiting' && !approvedAt) {
        approvedAt = az.clock.now();
        assert.ok(versionsOf('web-we-1').every((v) => v !== newVersion), 'nothing of the stage moved before the approval');
        setTimeout(() => deps.fleetStore.appendExternal(runner.fleetId, { type: 'approval', stage: 'ring1', state: 'approved', by: 'alice' }, az.clock.now()), 30);
      }
    });
    const summary = await runner.run();
    assert.equal(summary.outcome, 'succeeded', summary.reason);
    assert.ok(approvedAt > 0);
    assert.equal(summary.view.stages[1].approval, 'approved');
  });

  it('a refused approval ends the rollout before the stage (rejected)', async () => {
    await world(standardFleet());
    const text = rolloutText([{ name: 'canary', groups: [{ name: 'c', ...ring(0) }] }, { name: 'ring1', requiresApproval: true, groups: [{ name: 'r1', ...ring(1) }] }]);
    const runner = startFleet(deps, await plan(text));
    runner.subscribe((e) => {
      if (e.type === 'changed' && e.view.stages[1].approval === 'waiting') queueMicrotask(() => runner.send({ type: 'reject', stage: 'ring1', by: 'bob' }));
    });
    const summary = await runner.run();
    assert.equal(summary.outcome, 'rejected');
    assert.ok(versionsOf('web-we-1').every((v) => v !== newVersion));
  });
});
