import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HealthState } from '../../../src/azure/gateway';
import type { PlannedBatch, RolloutPlan, StrategyKind } from '../../../src/core/contract';
import { planRollout, surgeDeleteMs, type PlanInput } from '../../../src/core/planner/planRollout';
import { fleet, newVersion, policy, reimageTarget } from './planFixtures';

const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'instances'>): RolloutPlan =>
  planRollout({ scaleSetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', target: reimageTarget, policy: policy(), strategy: { kind: 'percentage' }, ...input });

const ids = (b: PlannedBatch) => b.instances.map((i) => i.instanceId);
const allPlanned = (p: RolloutPlan) => p.batches.flatMap(ids);

describe('planner (dry run)', () => {
  it('O2: batches of maxBatchInstancePercent of the instance count', () => {
    const p = plan({ instances: fleet(100) });
    assert.equal(p.batchLimit, 20);
    assert.deepEqual(p.batches.map((b) => b.instances.length), [20, 20, 20, 20, 20]);
    const p35 = plan({ instances: fleet(100), policy: policy({ maxBatchInstancePercent: 35 }) });
    assert.deepEqual(p35.batches.map((b) => b.instances.length), [35, 35, 30]);
  });

  it('O2: sets of five or fewer go one instance at a time, whatever the strategy', () => {
    for (const kind of ['percentage', 'updateDomain', 'faultDomain', 'zoneThenUpdateDomain', 'crossZone'] as const) {
      const p = plan({ instances: fleet(5, { zones: 2 }), strategy: { kind }, policy: policy({ maxBatchInstancePercent: 100 }) });
      assert.deepEqual(p.batches.map((b) => b.instances.length), [1, 1, 1, 1, 1], kind);
    }
    const six = plan({ instances: fleet(6), policy: policy({ maxBatchInstancePercent: 50 }) });
    assert.deepEqual(six.batches.map((b) => b.instances.length), [3, 3]);
  });

  it('skips instances already on the target and lists them', () => {
    const p = plan({ instances: fleet(10, { version: (i) => (i % 2 === 0 ? newVersion : '1.0.0') }) });
    assert.equal(p.skipped.length, 5);
    assert.ok(p.skipped.every((s) => s.reason === 'onTarget' && Number(s.instance.instanceId) % 2 === 0));
    assert.deepEqual(allPlanned(p).sort(), ['1', '3', '5', '7', '9']);
  });

  it('a fixed count per batch', () => {
    const p = plan({ instances: fleet(10), strategy: { kind: 'count', count: 3 } });
    assert.deepEqual(p.batches.map((b) => b.instances.length), [3, 3, 3, 1]);
    assert.throws(() => plan({ instances: fleet(10), strategy: { kind: 'count', count: 0 } }), RangeError);
  });

  it('O9: one update domain at a time, and one fault domain at a time', () => {
    const ud = plan({ instances: fleet(20, { updateDomains: 4 }), strategy: { kind: 'updateDomain' } });
    assert.equal(ud.batches.length, 4);
    for (const b of ud.batches) assert.equal(b.updateDomains.length, 1);
    const fd = plan({ instances: fleet(20, { faultDomains: 2 }), strategy: { kind: 'faultDomain' } });
    assert.deepEqual(fd.batches.map((b) => b.faultDomains), [[0], [1]]);
  });

  it('O9 on a Flexible set (fault domains, no update domains): one update domain at a time is refused instead of moving the whole set at once', () => {
    const flexible = fleet(20, { zones: 2, faultDomains: 1 }).map(({ updateDomain: _ud, ...rest }) => rest);
    assert.throws(() => plan({ instances: flexible, strategy: { kind: 'updateDomain' } }), (e: Error) => e instanceof RangeError && /no instance reports an update domain/i.test(e.message));
    const fd = plan({ instances: flexible, strategy: { kind: 'zoneThenUpdateDomain' } });
    assert.ok(fd.batches.every((b) => b.instances.length <= fd.batchLimit && b.zone !== undefined), 'the default strategy still respects the batch limit, zone by zone');
    assert.throws(() => plan({ instances: flexible.map(({ faultDomain: _fd, ...rest }) => rest), strategy: { kind: 'faultDomain' } }), RangeError);
  });

  it('O8 default: zone by zone, whole update domains packed up to the batch limit (O2), never split when they fit', () => {
    // 60 instances, 20% → 12 per batch; 20 per zone, 4 per update domain: UDs 0–2 (12), then UDs 3–4 (8).
    const p = plan({ instances: fleet(60, { zones: 3, updateDomains: 5 }), strategy: { kind: 'zoneThenUpdateDomain' } });
    const zonesInOrder = p.batches.map((b) => b.zone);
    assert.equal(p.batchLimit, 12);
    assert.deepEqual(p.batches.map((b) => b.updateDomains), [[0, 1, 2], [3, 4], [0, 1, 2], [3, 4], [0, 1, 2], [3, 4]]);
    assert.ok(p.batches.every((b) => b.zone !== undefined && b.instances.length <= p.batchLimit));
    assert.deepEqual([...new Set(zonesInOrder)], ['1', '2', '3']);
    // Once a zone is left it is never returned to.
    const firstSeen = zonesInOrder.map((z) => zonesInOrder.indexOf(z));
    assert.deepEqual(firstSeen, [...firstSeen].sort((a, b) => a - b));
  });

  it('O8 enableCrossZoneUpgrade: update-domain batches may span zones', () => {
    const p = plan({ instances: fleet(60, { zones: 3, updateDomains: 5 }), strategy: { kind: 'crossZone' } });
    assert.ok(p.batches.every((b) => b.updateDomains.length === 1));
    assert.ok(p.batches.some((b) => b.zone === undefined), 'some batch holds more than one zone');
  });

  it('T1: an explicit list of instances, in the given batches; the rest is not selected', () => {
    const p = plan({ instances: fleet(10), strategy: { kind: 'explicit', batches: [['3', '1'], ['7', '3', '42']] } });
    assert.deepEqual(p.batches.map(ids), [['3', '1'], ['7']]);
    assert.equal(p.skipped.filter((s) => s.reason === 'notSelected').length, 7);
    assert.ok(p.warnings.some((w) => /3 is listed more than once/.test(w)));
    assert.ok(p.warnings.some((w) => /42 is not in the set/.test(w)));
  });

  it('a canary first batch of healthy instances, with a gate after it', () => {
    const p = plan({ instances: fleet(50, { health: (i) => (i < 3 ? 'unhealthy' : 'healthy') }), strategy: { kind: 'percentage', canary: 2 }, gates: { afterCanary: true } });
    assert.equal(p.batches[0].kind, 'canary');
    assert.equal(p.batches[0].instances.length, 2);
    assert.ok(p.batches[0].instances.every((i) => i.health === 'healthy'));
    assert.equal(p.batches[0].gateAfter, 'canary');
    assert.equal(new Set(allPlanned(p)).size, 50);
  });

  it('O8 prioritizeUnhealthyInstances: unhealthy instances are moved first', () => {
    const unhealthy = new Set([7, 21, 33]);
    const p = plan({ instances: fleet(40, { health: (i) => (unhealthy.has(i) ? 'unhealthy' : 'healthy') }), policy: policy({ prioritizeUnhealthyInstances: true }) });
    assert.deepEqual(ids(p.batches[0]), ['7', '21', '33']);
  });

  it('O2: unhealthy instances elsewhere shrink the batches of healthy ones', () => {
    const p = plan({ instances: fleet(50, { health: (i) => (i < 4 ? 'unhealthy' : 'healthy') }) });
    assert.equal(p.batchLimit, 10);
    assert.ok(p.batches.every((b) => b.instances.length <= 6));
    assert.ok(p.warnings.some((w) => /shrink from 10 to 6/.test(w)));
  });

  it('gates after each zone open where the zone changes, and never after the last batch', () => {
    const p = plan({ instances: fleet(30, { zones: 3, updateDomains: 1 }), strategy: { kind: 'zoneThenUpdateDomain' }, gates: { afterEachZone: true } });
    const gated = p.batches.filter((b) => b.gateAfter === 'zone').map((b) => b.zone);
    assert.deepEqual(gated, ['1', '2']);
    assert.equal(p.batches.at(-1)!.gateAfter, undefined);
  });

  it('predicts each batch as move plus health confirmation, plus the pauses between batches (O8)', () => {
    const p = plan({ instances: fleet(10), policy: policy({ maxBatchInstancePercent: 50, pauseTimeBetweenBatches: 'PT1M' }), estimates: { moveMs: 100_000, healthMs: 20_000 } });
    assert.equal(p.batches.length, 2);
    assert.ok(p.batches.every((b) => b.predictedMs === 120_000));
    assert.equal(p.predictedMs, 2 * 120_000 + 60_000);
  });

  it('O8 maxSurge: warns when a batch on top of the set would pass the 1,000 instances a scale set may have (those batches move in place)', () => {
    const p = plan({ instances: fleet(950), policy: policy({ maxSurge: true }) });
    assert.ok(p.warnings.some((w) => /maxSurge: 950 \+ 190 new instances would exceed a scale set's 1000/.test(w)), p.warnings.join(' | '));
    assert.equal(plan({ instances: fleet(800), policy: policy({ maxSurge: true }) }).warnings.some((w) => /maxSurge/.test(w)), false, '800 + 160 fits');
  });

  it('O8 maxSurge: each batch says how many new instances it creates, predicts the deletion after the health wait, and warns of nothing', () => {
    const p = plan({ instances: fleet(10), policy: policy({ maxBatchInstancePercent: 50, maxSurge: true }), estimates: { moveMs: 100_000, healthMs: 20_000 } });
    assert.deepEqual(p.batches.map((b) => b.surge), [5, 5]);
    assert.ok(p.batches.every((b) => b.predictedMs === 120_000 + surgeDeleteMs));
    assert.equal(p.warnings.some((w) => /maxSurge/.test(w)), false);
    const inPlace = plan({ instances: fleet(10), policy: policy({ maxBatchInstancePercent: 50 }) });
    assert.ok(inPlace.batches.every((b) => b.surge === undefined));
  });

  const health = fc.constantFrom<HealthState>('healthy', 'healthy', 'healthy', 'unhealthy', 'initializing', 'unknown');
  const fleetArb = fc
    .record({ size: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 12 }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 1000 }), weight: 1 }), zones: fc.integer({ min: 0, max: 3 }), uds: fc.integer({ min: 1, max: 20 }), fds: fc.integer({ min: 1, max: 5 }), seed: fc.array(health, { minLength: 1, maxLength: 50 }), onTarget: fc.integer({ min: 0, max: 100 }) })
    .map(({ size, zones, uds, fds, seed, onTarget }) => fleet(size, { zones, updateDomains: uds, faultDomains: fds, health: (i) => seed[i % seed.length], version: (i) => ((i * 37) % 100 < onTarget ? newVersion : '1.0.0') }));
  const kinds: StrategyKind[] = ['percentage', 'count', 'updateDomain', 'faultDomain', 'zoneThenUpdateDomain', 'crossZone'];

  it('property: every instance not on the target is planned exactly once; size-limited batches stay within the limit', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fleetArb, fc.constantFrom(...kinds), fc.integer({ min: 5, max: 100 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (instances, kind, percent, canary, prioritize) => {
        const p = plan({ instances, strategy: { kind, count: 7, canary }, policy: policy({ maxBatchInstancePercent: percent, prioritizeUnhealthyInstances: prioritize }) });
        const planned = allPlanned(p);
        const eligible = instances.filter((i) => i.image.exactVersion !== newVersion).map((i) => i.instanceId);
        assert.equal(planned.length, new Set(planned).size, 'no instance twice');
        assert.deepEqual([...planned].sort(), [...eligible].sort());
        if (instances.length <= 5) assert.ok(p.batches.every((b) => b.instances.length === 1), 'O2 small set');
        if (kind !== 'updateDomain' && kind !== 'faultDomain') assert.ok(p.batches.every((b) => b.instances.length <= p.batchLimit), 'within the batch limit');
        if (kind === 'zoneThenUpdateDomain') assert.ok(p.batches.every((b) => b.kind === 'canary' || new Set(b.instances.map((i) => i.zone)).size === 1), 'one zone per batch');
        if (kind === 'updateDomain' || kind === 'crossZone') assert.ok(p.batches.every((b) => b.kind === 'canary' || b.updateDomains.length <= 1), 'one UD per batch');
        if (kind === 'zoneThenUpdateDomain' && !prioritize) {
          // A zone's update domains come in order and are never interleaved: a domain's batches are consecutive.
          const seen = p.batches.filter((b) => b.kind !== 'canary').flatMap((b, index) => [...new Set(b.instances.map((i) => `${i.zone}/${i.updateDomain}`))].map((domain) => ({ domain, index })));
          for (const { domain } of seen) {
            const at = seen.filter((s) => s.domain === domain).map((s) => s.index);
            assert.equal(at[at.length - 1] - at[0], at.length - 1, `update domain ${domain} in batches ${at.join(',')}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
