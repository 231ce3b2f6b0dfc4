// Issue 13: the plan's predicted duration, calibrated from the set's own OS upgrade history (A5) and its
// health extension's settings (H2), within ±25% of the actual run on the simulator for a few fleet sizes
// and policies; without history, documented defaults, and the plan says which basis it used.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { UpgradeOperationHistoricalStatusInfo } from '../../../src/azure/gateway';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { calibrateEstimates, platformBatchCount } from '../../../src/core/planner/calibrateEstimates';
import { healthTimingOf } from '../../../src/core/planner/healthTiming';
import { defaultEstimates } from '../../../src/core/planner/planRollout';
import { planFromAzure, startRun } from '../../../src/core/rollout';
import type { Scenario } from '../../../src/simulator/simulator-entry';
import { image, newVersion, oldVersion, subscriptionId } from './support/fleetScenario';
import { testRetry } from './support/runCase';
import { simulatedAzure } from './support/simulatedAzure';

const midVersion = '24.04.202410200';
const ref = { subscriptionId, resourceGroup: 'rg-plan', name: 'timed' };

function scenarioFor(count: number, zones: number, timing: { instanceUpgradeSeconds: number; healthGraceSeconds: number }): Scenario {
  return {
    name: 'plan-duration',
    seed: 7,
    startTime: '2026-11-01T00:00:00Z',
    timing: { ...timing, healthWaitSeconds: 600, modelUpdateSeconds: 5 },
    tenants: [{ tenantId: '00000000-0000-4000-8000-0000000000aa', displayName: 'Plan' }],
    subscriptions: [{ subscriptionId, displayName: 'Plan', tenantId: '00000000-0000-4000-8000-0000000000aa' }],
    images: [{ ...image, locations: ['westeurope'], versions: [oldVersion, midVersion] }],
    scaleSets: [
      {
        subscriptionId,
        resourceGroup: ref.resourceGroup,
        name: ref.name,
        location: 'westeurope',
        ...(zones > 0 ? { zones: Array.from({ length: zones }, (_, z) => String(z + 1)) } : {}),
        image: { ...image, version: 'latest' },
        osVersion: oldVersion,
        healthSignal: { kind: 'extension' },
        upgradePolicy: { mode: 'Manual' },
        updateDomains: 5,
        faultDomains: 3,
        instances: { count },
      },
    ],
  } as unknown as Scenario;
}

interface Case {
  readonly count: number;
  readonly zones: number;
  readonly percent: number;
  readonly pause: string;
  readonly timing: { instanceUpgradeSeconds: number; healthGraceSeconds: number };
}

async function predictedAndActual(c: Case, withHistory: boolean): Promise<{ predictedMs: number; actualMs: number; basis: string }> {
  const az = await simulatedAzure(scenarioFor(c.count, c.zones, c.timing), { simulatedPollMs: 2000 });
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-plan-'));
  try {
    const rollingUpgradePolicy = { maxBatchInstancePercent: c.percent, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20, pauseTimeBetweenBatches: c.pause };
    if (withHistory) {
      // The set's history: one platform OS upgrade with this policy, then a newer release.
      const set = az.sim.world.scaleSets[0];
      (set.properties as { upgradePolicy: Record<string, unknown> }).upgradePolicy = { mode: 'Manual', rollingUpgradePolicy };
      await az.newGateway().startOsRollingUpgrade(ref);
      await az.clock.sleep(c.timing.healthGraceSeconds * 1000);
    }
    az.sim.publishImageVersion({ ...image, version: newVersion, location: 'westeurope' });
    const gateway = az.newGateway();
    const planned = await planFromAzure(gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'zoneThenUpdateDomain' }, policy: rollingUpgradePolicy }, az.clock, testRetry);
    assert.ok(planned.ok, planned.ok ? '' : planned.errors.join('; '));
    const summary = await startRun({ gateway, clock: az.clock, store: new JournalStore(dir), retry: testRetry }, ref, planned.plan).run();
    assert.equal(summary.outcome, 'succeeded');
    return { predictedMs: planned.plan.predictedMs, actualMs: summary.durationMs, basis: planned.plan.estimates.basis ?? '' };
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('plan duration calibrated from the set (issue 13)', function () {
  this.timeout(120_000);

  const cases: Case[] = [
    { count: 30, zones: 0, percent: 20, pause: 'PT0S', timing: { instanceUpgradeSeconds: 60, healthGraceSeconds: 30 } },
    { count: 90, zones: 3, percent: 34, pause: 'PT0S', timing: { instanceUpgradeSeconds: 120, healthGraceSeconds: 45 } },
    { count: 60, zones: 3, percent: 25, pause: 'PT30S', timing: { instanceUpgradeSeconds: 90, healthGraceSeconds: 20 } },
  ];
  for (const c of cases) {
    it(`${c.count} instances, ${c.zones} zones, ${c.percent}% batches, pause ${c.pause}, reimage ${c.timing.instanceUpgradeSeconds} s: predicted within ±25% of the run`, async () => {
      const { predictedMs, actualMs, basis } = await predictedAndActual(c, true);
      assert.match(basis, /completed OS upgrade/);
      const off = Math.abs(predictedMs - actualMs) / actualMs;
      assert.ok(off <= 0.25, `predicted ${predictedMs} ms, actual ${actualMs} ms (${(off * 100).toFixed(0)}% off)`);
    });
  }

  it('without history the plan says it used the default estimates, with the health share from the extension', async () => {
    const { basis } = await predictedAndActual(cases[0], false);
    assert.match(basis, /^default estimates/);
    assert.match(basis, /grace period 30 s/);
  });

  it('calibration: the median batch of completed upgrades, net of pauses; unfinished or empty upgrades do not count', () => {
    const at = (s: number) => new Date(Date.parse('2026-10-01T00:00:00Z') + s * 1000);
    const item = (code: string, seconds: number, successful: number): UpgradeOperationHistoricalStatusInfo =>
      ({ properties: { runningStatus: { code, startTime: at(0), endTime: at(seconds) }, progress: { successfulInstanceCount: successful, failedInstanceCount: 0 } } }) as UpgradeOperationHistoricalStatusInfo;
    const estimates = calibrateEstimates({
      history: [item('Completed', 4 * 100 + 3 * 10, 40), item('Faulted', 50, 40), item('Completed', 4 * 120 + 3 * 10, 40), item('Completed', 0, 0)],
      health: { graceMs: 20_000, checkIntervalMs: 5_000 },
      batchesFor: () => 4,
      pauseBetweenBatchesMs: 10_000,
    });
    assert.equal(estimates.moveMs + estimates.healthMs, 110_000, 'median of 100 s and 120 s');
    assert.equal(estimates.healthMs, 25_000);
    assert.equal(estimates.healthGraceMs, 20_000);
    assert.match(estimates.basis ?? '', /last 2 completed OS upgrades/);
    const none = calibrateEstimates({ history: [], health: {}, batchesFor: () => 1, pauseBetweenBatchesMs: 0 });
    assert.deepEqual({ moveMs: none.moveMs, healthMs: none.healthMs }, defaultEstimates);
  });

  it('the platform batch count: zone by zone, each zone in batches of the O2 limit', () => {
    const zones = [...Array(10).fill('1'), ...Array(10).fill('2'), ...Array(10).fill('3')];
    assert.equal(platformBatchCount(zones, 20, 30), 6, 'limit 6 → 2 batches per zone of 10');
    assert.equal(platformBatchCount(Array(30).fill(undefined), 20, 30), 5);
  });

  it("health timing from the Application Health extension's settings; none assumed without them", () => {
    const set = (settings: Record<string, unknown>) => ({ virtualMachineProfile: { extensionProfile: { extensions: [{ name: 'h', typePropertiesType: 'ApplicationHealthLinux', settings }] } } });
    assert.deepEqual(healthTimingOf(set({ gracePeriod: 600, intervalInSeconds: 10, numberOfProbes: 3 })), { graceMs: 600_000, checkIntervalMs: 30_000 });
    assert.deepEqual(healthTimingOf(set({})), {});
    assert.deepEqual(healthTimingOf({ virtualMachineProfile: {} }), {});
  });
});
