// The lease tag's value (issue 17) and the lease primitives against the simulator through the real SDK:
// Azure's tag limits (Learn, "Use tags to organize your Azure resources", Limitations: 50 tags per
// resource, values of at most 256 characters), and a property: however many drivers race for one set,
// exactly one wins and every other tag survives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Lease, formatLease, leaseTagName, maxTagValueLength, parseLease } from '../../../src/core/lease/leaseTag';
import { releaseLease, takeLease } from '../../../src/core/lease/scaleSetLease';
import { fleetScenario, ref, type FleetInstance } from './support/fleetScenario';
import { simulatedAzure } from './support/simulatedAzure';

const scale = Number(process.env.VMSS_PROPERTY_RUNS ?? '1');
const healthy: FleetInstance[] = [{ baseline: 'healthy', after: 'healthy' }];

function scenarioWith(tags: Record<string, string>) {
  const s = fleetScenario({ seed: 3, instances: healthy, zones: 0, updateDomains: 1, faultDomains: 1, faults: [] });
  (s.scaleSets[0] as { tags?: Record<string, string> }).tags = { ...tags };
  return s;
}

describe('lease tag (issue 17)', function () {
  this.timeout(120_000);

  it('round-trips holder, run and expiry; stays within 256 characters; separators in a holder cannot forge fields', () => {
    const lease: Lease = { holder: 'alice@build-01', runId: '20261204T070000Z-web-abc123', expiresAt: Date.parse('2026-12-04T07:15:00Z') };
    assert.equal(formatLease(lease), 'holder=alice@build-01; run=20261204T070000Z-web-abc123; expires=2026-12-04T07:15:00.000Z');
    assert.deepEqual(parseLease(formatLease(lease)), lease);
    const forged = parseLease(formatLease({ ...lease, holder: 'x; run=other; expires=2099-01-01T00:00:00Z' }));
    assert.equal(forged.runId, lease.runId);
    assert.equal(forged.expiresAt, lease.expiresAt);
    const long = formatLease({ ...lease, holder: 'h'.repeat(1000) });
    assert.ok(long.length <= maxTagValueLength, `${long.length}`);
    assert.deepEqual({ ...parseLease(long), holder: '' }, { ...lease, holder: '' });
  });

  it('an unreadable value is held by "unknown", already expired (it can be broken on purpose, never taken silently)', () => {
    const parsed = parseLease('someone wrote this by hand');
    assert.match(parsed.holder, /^unknown \(tag value 'someone wrote this by hand'\)$/);
    assert.deepEqual([parsed.runId, parsed.expiresAt], ['', 0]);
  });

  it('Azure allows 50 tags per resource: a set with 50 is refused, one with 49 gets the lease and its tags back on release', async () => {
    for (const count of [50, 49]) {
      const tags = Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, `v${i}`]));
      const az = await simulatedAzure(scenarioWith(tags));
      try {
        const result = await takeLease(az.gateway, ref, { holder: 'a', runId: 'r', now: az.clock.now(), durationMs: 60_000 });
        const set = az.sim.world.scaleSets[0];
        if (count === 50) {
          assert.deepEqual(result, { ok: false, refusal: { kind: 'tooManyTags', count: 50 } });
          assert.deepEqual(set.tags, tags);
        } else {
          assert.equal(result.ok, true);
          assert.equal(Object.keys(set.tags).length, 50);
          assert.equal(await releaseLease(az.gateway, ref, 'r'), true);
          assert.deepEqual(set.tags, tags);
        }
      } finally {
        await az.stop();
      }
    }
  });

  let raced = 0;
  after(() => assert.ok(raced > 0, 'at least one case raced to a 412'));

  it('property: of k drivers racing for one set exactly one wins, the others are refused naming it, and other tags survive', async () => {
    const tagName = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !/[<>%&\\?/]/.test(k) && k !== leaseTagName && k !== '__proto__' && k.trim() === k && k.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.dictionary(tagName, fc.string({ maxLength: 20 }), { maxKeys: 8 }), fc.array(fc.string({ maxLength: 30 }), { minLength: 6, maxLength: 6 }), async (k, generated, holders) => {
        const tags = { ...generated };
        const az = await simulatedAzure(scenarioWith(tags));
        try {
          const gateways = Array.from({ length: k }, () => az.newGateway());
          const now = az.clock.now();
          const results = await Promise.all(gateways.map((g, i) => takeLease(g, ref, { holder: `${holders[i]}#${i}`, runId: `run-${i}`, now, durationMs: 60_000 })));
          const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
          assert.equal(winners.length, 1, JSON.stringify(results));
          // The race is real: the losers' writes met 412 (If-Match on an ETag that had moved on), or they
          // read the winner's lease before writing.
          const refused412 = az.sim.requests().filter((r) => r.method === 'PATCH' && r.status === 412).length;
          assert.ok(refused412 <= k - 1);
          raced += refused412;
          for (const r of results) if (!r.ok) assert.deepEqual(r.refusal.kind === 'held' && r.refusal.by.runId, `run-${winners[0]}`);
          const { [leaseTagName]: lease, ...rest } = az.sim.world.scaleSets[0].tags;
          assert.equal(parseLease(lease ?? '').runId, `run-${winners[0]}`);
          assert.deepEqual(rest, tags);
          assert.equal(await releaseLease(gateways[winners[0]], ref, `run-${winners[0]}`), true);
          assert.deepEqual(az.sim.world.scaleSets[0].tags, tags);
        } finally {
          await az.stop();
        }
      }),
      { numRuns: Math.max(3, Math.round(25 * scale)) },
    );
  });
});
