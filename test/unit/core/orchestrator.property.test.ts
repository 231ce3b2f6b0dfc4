// Properties of the orchestrator over random fleets, policies, strategies and fault schedules, all
// through the real SDK against the simulator (in memory for volume; a few over HTTPS). Case counts can
// be raised with VMSS_PROPERTY_RUNS (a multiplier, default 1).
import fc from 'fast-check';
import { anyFaults, fleetShape, fleetSpec, rolloutChoice, smallFleetSizes } from './support/fleetArbitraries';
import { checkInvariants } from './support/invariants';
import { runCase } from './support/runCase';

const scale = Number(process.env.VMSS_PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * scale));

describe('orchestrator properties (real SDK → simulator)', function () {
  this.timeout(30 * 60_000);

  it('O1, O2, O4–O7 hold over random fleets and fault schedules (429, 5xx, dropped connections, failed LROs)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(smallFleetSizes, { flaky: true }), anyFaults, rolloutChoice, async (shape, faults, choice) => {
        const config = { fleet: fleetSpec(shape, faults), ...choice };
        checkInvariants(config, await runCase(config));
      }),
      { numRuns: runs(450) },
    );
  });

  it('the same over real HTTPS', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(fc.integer({ min: 1, max: 8 }), { flaky: false }), anyFaults, rolloutChoice, async (shape, faults, choice) => {
        const config = { fleet: fleetSpec(shape, faults), ...choice, https: true };
        checkInvariants(config, await runCase(config));
      }),
      { numRuns: runs(25) },
    );
  });

  it('large fleets (up to 1,000 instances)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetShape(fc.integer({ min: 200, max: 1000 }), { flaky: false }), anyFaults, rolloutChoice, async (shape, faults, choice) => {
        // Large fleets with one-at-a-time batches would take hours of simulated time; keep batches wide.
        const config = { fleet: fleetSpec(shape, faults), strategy: { kind: 'percentage' as const }, policy: { ...choice.policy, maxBatchInstancePercent: 25 + (shape.seed % 76) } };
        checkInvariants(config, await runCase(config));
      }),
      { numRuns: runs(3) },
    );
  });
});
