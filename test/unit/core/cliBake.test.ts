// `plan` and `run` with --bake, --alert-gate and --on-breach (issue 16), against the simulator over HTTPS.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { Simulator } from '../../../src/simulator/simulator';
import { fleetScenario, oldVersion, ref, type FleetInstance } from './support/fleetScenario';
import { captureCli as capture } from '../support/captureCli';
import { startCliSimulator, stopCliSimulator } from '../support/cliSimulator';

describe('CLI --bake and --alert-gate (HTTPS simulator)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let dir: string;
  let flags: string[];

  before(async () => {
    const instances: FleetInstance[] = Array.from({ length: 4 }, () => ({ baseline: 'healthy', after: 'healthy' }));
    const scenario = fleetScenario({ seed: 3, instances, zones: 0, updateDomains: 2, faultDomains: 2, faults: [] });
    // Both clocks start at the real now (the CLI's clock always does): the alert gate compares Azure's alert
    // times with the run's own clock, as it does against Azure.
    delete scenario.startTime;
    const cli = await startCliSimulator(scenario, 'vmss-cli-bake-');
    ({ sim, dir } = cli);
    flags = ['--subscription', ref.subscriptionId, '--resource-group', ref.resourceGroup, '--name', ref.name, ...cli.connection, '--journal', path.join(dir, 'journal')];
  });

  after(() => stopCliSimulator({ sim, dir }));

  it('plan shows the bake and its gates, and counts the bakes in the duration', async () => {
    const without = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--max-batch', '50'], without), 0, without.err());
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--max-batch', '50', '--bake', 'PT10M', '--alert-gate', '--alert-severity', 'sev0,Sev1'], io), 0, io.err());
    const plain = JSON.parse(without.out()) as { predictedMs: number; batches: unknown[] };
    const baked = JSON.parse(io.out()) as { predictedMs: number; bake: unknown };
    assert.deepEqual(baked.bake, { bake: 'PT10M', bakeMs: 600_000, alerts: { scope: 'scaleSet', severities: ['Sev0', 'Sev1'] }, onBreach: 'rollback' });
    assert.equal(baked.predictedMs, plain.predictedMs + plain.batches.length * 600_000);
    const text = capture();
    assert.equal(await main(['plan', ...flags, '--bake', 'PT5M', '--alert-gate', '--alert-scope', 'resource-group', '--on-breach', 'pause'], text), 0, text.err());
    assert.match(text.out(), /Bake PT5M after every batch; gates: health held, no alert on the resource group; on a breach: pause for approval/);
    const metric = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--metric-gate', 'Percentage CPU>90', '--metric-gate', 'Available Memory Bytes < 1e8 min PT1M'], metric), 2, 'a threshold is a plain decimal number');
    const two = capture();
    assert.equal(await main(['plan', ...flags, '--metric-gate', 'Percentage CPU>90', '--metric-gate', 'Available Memory Bytes < 100000000 min PT1M'], two), 0, two.err());
    assert.match(two.out(), /Bake PT0S after every batch; gates: health held, Percentage CPU \(avg per PT5M\) stays at or below 90, Available Memory Bytes \(min per PT1M\) stays at or above 100000000; on a breach: roll the batch back and abort/);
  });

  it('refuses bad bake flags with a clear message (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--bake', 'P1M'], /--bake: 'P1M': years and months have no fixed length/],
      [['--bake', 'ten'], /--bake: 'ten' is not an ISO 8601 duration/],
      [['--alert-gate', '--alert-scope', 'world'], /--alert-scope must be scale-set or resource-group, got world/],
      [['--alert-gate', '--alert-severity', 'Sev9'], /Unknown alert severity: Sev9/],
      [['--on-breach', 'explode', '--bake', 'PT1M'], /--on-breach must be rollback or pause/],
      [['--alert-severity', 'Sev1'], /--alert-scope and --alert-severity go with --alert-gate/],
      [['--on-breach', 'pause'], /--on-breach goes with --bake, --alert-gate or --metric-gate/],
      [['--metric-gate', 'Percentage CPU 90'], /--metric-gate: "Percentage CPU 90" has no comparison/],
      [['--metric-gate', 'Percentage CPU>ninety'], /--metric-gate: The threshold "ninety" is not a number/],
      [['--metric-gate', 'Percentage CPU>90 avg PT7M'], /--metric-gate: The interval "PT7M" is not one of PT1M, PT5M/],
    ];
    for (const [extra, message] of cases) {
      const io = capture();
      assert.equal(await main(['plan', ...flags, ...extra], io), 2, extra.join(' '));
      assert.match(io.err(), message);
    }
  });

  it('run: an alert on the set during the first bake rolls the batch back and exits 5, saying which alert', async () => {
    const io = capture();
    // Fire the alert once the first batch has moved: the set's first upgraded instance is seen by polling the world.
    const fire = setInterval(() => {
      if (sim.world.scaleSets[0].instances.some((i) => i.osImage.version !== oldVersion)) {
        clearInterval(fire);
        sim.fireAlert({ name: 'error-rate', severity: 'Sev1', subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name });
      }
    }, 2);
    try {
      const code = await main(['run', ...flags, '--max-batch', '50', '--bake', 'PT30M', '--alert-gate'], io);
      assert.equal(code, 5, io.out() + io.err());
    } finally {
      clearInterval(fire);
    }
    assert.match(io.out(), /batch 1: bake breached · health ok: .* · alerts BREACHED: 1 alert\(s\) fired: 'error-rate' \(Sev1/);
    assert.match(io.out(), /aborted — A gate failed during the bake after batch 1 — alerts: .*'error-rate'.* The batch was rolled back/);
    assert.ok(sim.world.scaleSets[0].instances.every((i) => i.osImage.version === oldVersion), 'the batch went back; nothing else moved');
  });

  it('run: CPU above the metric gate during the first bake rolls the batch back and exits 5, saying which interval crossed', async () => {
    const io = capture();
    // The run's clock starts at the real now (the simulator's has run ahead during the earlier tests): CPU goes
    // to 97 fifteen of the run's minutes after its start — after the first batch began, before its bake ends.
    const runStart = Date.now();
    sim.setMetric({ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, name: 'Percentage CPU', steps: [{ at: runStart - 3_600_000, value: 30 }, { at: runStart + 900_000, value: 97 }] });
    const code = await main(['run', ...flags, '--max-batch', '50', '--bake', 'PT30M', '--metric-gate', 'Percentage CPU>90 max PT1M'], io);
    assert.equal(code, 5, io.out() + io.err());
    assert.match(io.out(), /batch 1: bake breached · health ok: .* · metric BREACHED: Percentage CPU>90 max PT1M: \d+ interval\(s\) crossed the threshold, first 97 at /);
    assert.match(io.out(), /aborted — A gate failed during the bake after batch 1 — metric: Percentage CPU>90 max PT1M: .* The batch was rolled back/);
    assert.ok(sim.world.scaleSets[0].instances.every((i) => i.osImage.version === oldVersion), 'the batch went back; nothing else moved');
  });
});
