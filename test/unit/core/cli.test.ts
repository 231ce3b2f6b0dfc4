// The CLI commands over the shared core, against the simulator over HTTPS with its certificate (the
// `--endpoint URL --ca FILE` path with a static bearer token).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { Simulator } from '../../../src/simulator/simulator';
import { fleetScenario, newVersion, ref, type FleetInstance } from './support/fleetScenario';
import { captureCli as capture } from '../support/captureCli';
import { startCliSimulator, stopCliSimulator } from '../support/cliSimulator';

describe('CLI plan, run, resume, history (HTTPS simulator)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let dir: string;
  let flags: string[];

  before(async () => {
    const instances: FleetInstance[] = Array.from({ length: 6 }, () => ({ baseline: 'healthy', after: 'healthy' }));
    const cli = await startCliSimulator(fleetScenario({ seed: 3, instances, zones: 0, updateDomains: 3, faultDomains: 2, faults: [] }), 'vmss-cli-');
    ({ sim, dir } = cli);
    flags = ['--subscription', ref.subscriptionId, '--resource-group', ref.resourceGroup, '--name', ref.name, ...cli.connection, '--journal', path.join(dir, 'journal')];
  });

  after(() => stopCliSimulator({ sim, dir }));

  it('plan --json lists the batches with instance ids and changes nothing', async () => {
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--strategy', 'count', '--count', '4'], io), 0, io.err());
    const plan = JSON.parse(io.out()) as { batches: { instanceIds: string[] }[]; method: string };
    assert.deepEqual(plan.batches.map((b) => b.instanceIds), [['0', '1', '2', '3'], ['4', '5']]);
    assert.equal(plan.method, 'reimage');
    assert.ok(sim.world.scaleSets[0].instances.every((i) => i.osImage.version !== newVersion));
  });

  it('plan --max-surge says per batch how many new instances it creates (O8)', async () => {
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--max-surge', '--max-batch', '50'], io), 0, io.err());
    const plan = JSON.parse(io.out()) as { batches: { surge?: number; instanceIds: string[] }[] };
    assert.ok(plan.batches.every((b) => b.surge === b.instanceIds.length));
    assert.equal(plan.batches.reduce((n, b) => n + (b.surge ?? 0), 0), 6);
    const text = capture();
    assert.equal(await main(['plan', ...flags, '--max-surge', '--max-batch', '50'], text), 0, text.err());
    assert.match(text.out(), /Batch 1: (\d) instance\(s\) \(maxSurge: \1 new first, then the old deleted\)/);
    assert.equal(sim.world.scaleSets[0].sku.capacity, 6, 'planning changes nothing');
  });

  it('plan rejects an out-of-range policy and an unknown strategy with a clear message', async () => {
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--max-batch', '3'], io), 1);
    assert.match(io.err(), /maxBatchInstancePercent must be a whole number from 5 to 100/);
    const io2 = capture();
    assert.equal(await main(['plan', ...flags, '--strategy', 'sideways'], io2), 2);
    assert.match(io2.err(), /Unknown strategy 'sideways'/);
  });

  it('run --json moves every instance and prints the final state per instance; history lists the run', async () => {
    const io = capture();
    assert.equal(await main(['run', ...flags, '--json', '--max-batch', '50'], io), 0, io.err());
    const result = JSON.parse(io.out()) as { outcome: string; instances: Record<string, string> };
    assert.equal(result.outcome, 'succeeded');
    assert.deepEqual(Object.values(result.instances), Array(6).fill('succeeded'));
    assert.ok(sim.world.scaleSets[0].instances.every((i) => i.osImage.version === newVersion));
    const history = capture();
    assert.equal(await main(['history', '--journal', path.join(dir, 'journal'), '--json'], history), 0);
    const runs = (JSON.parse(history.out()) as { runs: { outcome: string }[] }).runs;
    assert.deepEqual(runs.map((r) => r.outcome), ['succeeded']);
    const resume = capture();
    assert.equal(await main(['resume', '--journal', path.join(dir, 'journal')], resume), 0);
    assert.match(resume.out(), /No unfinished runs/);
  });
});
