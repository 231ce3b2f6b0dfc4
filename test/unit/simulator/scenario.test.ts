// Scenarios: validated against scenario.schema.json with clear errors; the default demo world has
// what the demo needs; the instance generator spreads zones and domains.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadScenario, ScenarioError } from '../../../src/simulator/scenario/loadScenario';
import { Simulator } from '../../../src/simulator/simulator';
import { healthSource, automaticOsUpgrade, modelImage } from '../../../src/simulator/state/modelView';
import { countsAsUnhealthy, instanceHealth } from '../../../src/simulator/state/health';
import { ManualClock } from './helpers/clocks';
import { scaleSet, scenario } from './helpers/scenarios';

describe('simulator scenarios', () => {
  it('refuses a scenario that does not match the schema, naming every problem by its JSON path', () => {
    const bad = scenario([scaleSet('x', 2000)]) as unknown as Record<string, unknown>;
    (bad.tenants as Record<string, unknown>[])[0].tenantId = 'not-a-guid';
    bad.colour = 'blue';
    assert.throws(
      () => loadScenario(bad as never),
      (e: Error) => e instanceof ScenarioError && /\/scaleSets\/0\/instances\/count: must be <= 1000/.test(e.message) && /\/tenants\/0\/tenantId: must match pattern/.test(e.message) && /additional properties \('colour'\)/.test(e.message),
    );
  });

  it('refuses a scale set Azure would refuse, and references that do not resolve', async () => {
    await assert.rejects(Simulator.start({ listen: false, scenario: scenario([scaleSet('x', 2, { upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 3 } } })]) }), /scaleSets\/0 \(x\): Azure would refuse this scale set: InvalidParameter/);
    await assert.rejects(Simulator.start({ listen: false, scenario: scenario([scaleSet('x', 2, { healthSignal: { kind: 'probe', loadBalancer: 'nope', probe: 'p' } })]) }), /load balancer 'nope'/);
    await assert.rejects(Simulator.start({ listen: false, scenario: scenario([scaleSet('x', 2, { osVersion: '3.0.0' })]) }), /osVersion 3\.0\.0 is not a published version/);
  });

  it('reads scenario files and reports unreadable or invalid JSON clearly', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-scenario-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(scenario([scaleSet('x', 1)])));
    assert.equal(loadScenario(good).scaleSets[0].name, 'x');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "tenants": [');
    assert.throws(() => loadScenario(broken), /is not valid JSON/);
    assert.throws(() => loadScenario(path.join(dir, 'missing.json')), /Cannot read scenario file/);
  });

  it('the default scenario has what the demo needs', async () => {
    const sim = await Simulator.start({ listen: false, clock: new ManualClock() });
    const w = sim.world;
    assert.ok(w.tenants.length >= 1 && w.subscriptions.length >= 2);
    const sizes = w.scaleSets.map((s) => s.instances.length);
    assert.ok(Math.min(...sizes) >= 3 && Math.max(...sizes) === 100);
    assert.ok(w.scaleSets.some((s) => (s.zones?.length ?? 0) >= 3), 'zones');
    const ctx = { now: w.now, seed: w.seed, timing: w.timing };
    assert.ok(w.scaleSets.some((s) => s.instances.some((i) => countsAsUnhealthy(instanceHealth(ctx, s, i)))), 'a set with unhealthy instances');
    assert.ok(w.scaleSets.some((s) => automaticOsUpgrade(s).enabled), 'a set with automatic OS upgrade on');
    assert.ok(w.scaleSets.some((s) => healthSource(s).kind === 'none' && modelImage(s).version !== 'latest'), 'a set that is not ready (no health signal, pinned version)');
    const twenty = w.scaleSets.find((s) => s.instances.length === 20)!;
    assert.equal(twenty.instances.filter((i) => i.behaviour.kind === 'neverHealthy').length, 1, 'a 20-instance set with one instance that never becomes healthy');
    assert.ok(w.scaleSets.some((s) => s.properties.orchestrationMode === 'Flexible'));
    const behind = w.scaleSets.filter((s) => modelImage(s).version === 'latest' && s.instances.some((i) => i.osImage.version !== w.images.newest(modelImage(s), s.location, w.now)));
    assert.ok(behind.length >= 3, 'newer image versions are available as upgrade targets');
  });

  it('generated instances spread round-robin over zones, then over update and fault domains', async () => {
    const sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: scenario([scaleSet('z', 12, { zones: ['1', '2', '3'], updateDomains: 2, faultDomains: 2 }), scaleSet('r', 7)]) });
    const [zonal, regional] = sim.world.scaleSets;
    assert.deepEqual(zonal.instances.map((i) => i.zone), ['1', '2', '3', '1', '2', '3', '1', '2', '3', '1', '2', '3']);
    assert.deepEqual(zonal.instances.map((i) => i.updateDomain), [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
    assert.deepEqual(regional.instances.map((i) => [i.updateDomain, i.faultDomain]), [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [0, 0], [1, 1]]);
  });

  it('per-instance overrides set placement, state and behaviour', async () => {
    const sim = await Simulator.start({
      listen: false,
      clock: new ManualClock(),
      scenario: scenario([scaleSet('o', 3, { instances: { count: 3, overrides: { '1': { zone: '2', updateDomain: 4, powerState: 'deallocated', afterUpgrade: { kind: 'flaky', unhealthyRatio: 0.5 } } } } })]),
    });
    const inst = sim.world.scaleSets[0].instances[1];
    assert.deepEqual([inst.zone, inst.updateDomain, inst.powerState, inst.behaviour], ['2', 4, 'deallocated', { kind: 'flaky', unhealthyRatio: 0.5, periodSeconds: 30 }]);
  });
});
