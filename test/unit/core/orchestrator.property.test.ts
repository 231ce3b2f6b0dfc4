// Properties of the orchestrator over random fleets, policies, strategies and fault schedules, all
// through the real SDK against the simulator (in memory for volume; a few over HTTPS). Case counts can
// be scaled with VMSS_PROPERTY_RUNS (a multiplier, default 1). With resume.property.test.ts the default
// is 1,000 cases: 720 + 38 + 2 here, 240 there.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyFaults, caseFrom, fleetShape, rolloutChoice, smallFleetSizes } from './support/fleetArbitraries';
import { checkInvariants } from './support/invariants';
import { runCase } from './support/runCase';

const scale = Number(process.env.VMSS_PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * scale));

describe('orchestrator properties (real SDK → simulator)', function () {
  this.timeout(30 * 60_000);

  it('O1, O2, O4–O7 hold over random fleets and fault schedules (429, 5xx, dropped connections, failed LROs)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(smallFleetSizes, { flaky: true }), anyFaults, rolloutChoice, async (shape, faults, choice) => {
        const config = caseFrom(shape, faults, choice);
        checkInvariants(config, await runCase(config));
      }),
      { numRuns: runs(720) },
    );
  });

  it('the same over real HTTPS', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(fc.integer({ min: 1, max: 8 }), { flaky: false }), anyFaults, rolloutChoice, async (shape, faults, choice) => {
        const config = { ...caseFrom(shape, faults, choice), https: true };
        checkInvariants(config, await runCase(config));
      }),
      { numRuns: runs(38) },
    );
  });

  it('large fleets (up to 1,000 instances)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(fc.integer({ min: 150, max: 1000 }), { flaky: false }), anyFaults, rolloutChoice, async (shape, faults, choice) => {
        // Wide batches keep a large case to minutes of real time; few unhealthy instances so that it runs (O1).
        const base = caseFrom({ ...shape, unhealthyBaseline: Math.min(shape.unhealthyBaseline, 50) }, faults, choice);
        const config = { ...base, strategy: { kind: 'percentage' as const }, policy: { ...choice.policy, maxBatchInstancePercent: 25 + (shape.seed % 76), maxUnhealthyInstancePercent: 20 } };
        const result = await runCase(config);
        checkInvariants(config, result);
        assert.ok(result.summary.batches.finished > 0, `a large fleet runs: ${result.summary.outcome} ${result.summary.reason ?? ''}`);
      }),
      { numRuns: runs(2) },
    );
  });
});
