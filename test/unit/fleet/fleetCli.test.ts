// End to end: `vmss-upgrades fleet plan|run|status|approve` against the simulator over HTTPS with its
// certificate, through the real SDK, on the canned 'fleet' scenario: a two-stage rollout over sets in two
// subscriptions and two regions, a group on Azure's rolling upgrade whose set is not ready (listed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { loadScenario } from '../../../src/simulator/scenario/loadScenario';
import type { Simulator } from '../../../src/simulator/simulator';
import { captureCli as capture } from '../support/captureCli';
import { startCliSimulator, stopCliSimulator } from '../support/cliSimulator';

const scenario = loadScenario('fleet');
const [subA, subB] = scenario.subscriptions.map((s) => s.subscriptionId);
const newVersion = '24.04.202411050';

describe('CLI fleet plan, run, status, approve (HTTPS simulator, canned fleet scenario)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let dir: string;
  let flags: string[];
  let file: string;

  before(async () => {
    const cli = await startCliSimulator('fleet', 'vmss-fleet-cli-');
    ({ sim, dir } = cli);
    flags = [...cli.connection, '--journal', path.join(dir, 'journal')];
    file = path.join(dir, 'november.fleet.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: 'november',
        target: { kind: 'latest' },
        stages: [
          { name: 'canary', groups: [{ name: 'web-canary', tags: { app: 'web', ring: '0' }, subscriptions: [subA, subB] }], gates: [{ kind: 'health' }], waitAfter: 'PT5M' },
          {
            name: 'europe',
            groups: [
              { name: 'web', query: "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' and location in~ ('westeurope', 'swedencentral') and name !~ 'web-we-01' and resourceGroup !~ 'rg-legacy' | project id", subscriptions: [subA, subB], engine: { kind: 'embedded', strategy: 'count', count: 2 } },
              { name: 'legacy', tags: { app: 'legacy' }, subscriptions: [subB], engine: { kind: 'platform' } },
            ],
          },
        ],
        safety: { canaryMaxSets: 1 },
      }),
    );
  });

  after(() => stopCliSimulator({ sim, dir }));

  const versions = (name: string) => sim.world.scaleSets.find((s) => s.name === name)!.instances.map((i) => i.osImage.version);

  it('fleet plan --json: two stages over two subscriptions and two regions; the legacy set is listed as not ready; nothing changes', async () => {
    const io = capture();
    assert.equal(await main(['fleet', 'plan', file, ...flags, '--json'], io), 0, io.err());
    const plan = JSON.parse(io.out()) as { stages: { groups: { sets: { name: string; subscriptionId: string; location: string; status: string; reasons: string[] }[] }[] }[]; findings: { check: string; message: string }[] };
    const europe = plan.stages[1].groups.flatMap((g) => g.sets);
    assert.deepEqual(new Set(europe.map((s) => s.subscriptionId)), new Set([subA, subB]));
    assert.deepEqual(new Set(europe.map((s) => s.location)), new Set(['westeurope', 'swedencentral']));
    const legacy = europe.find((s) => s.name === 'legacy-sc')!;
    assert.equal(legacy.status, 'notReady');
    assert.match(legacy.reasons.join(' '), /R1|R3/);
    assert.ok(plan.findings.some((f) => f.check === 'serviceFabric' && /sf-frontend, sf-backend|sf-backend, sf-frontend/.test(f.message)));
    assert.ok(versions('web-we-01').every((v) => v !== newVersion));
  });

  it('fleet plan refuses a file with a mistake, pointing at line and column (exit 2)', async () => {
    const bad = path.join(dir, 'bad.fleet.json');
    fs.writeFileSync(bad, '{\n  "name": "x",\n  "target": { "kind": "newest" },\n  "stages": []\n}\n');
    const io = capture();
    assert.equal(await main(['fleet', 'plan', bad, ...flags], io), 2);
    assert.match(io.err(), /bad\.fleet\.json:3:23: target\/kind must be one of latest, version, sku, image; got 'newest'/);
    assert.match(io.err(), /bad\.fleet\.json:4:13: stages must be a non-empty array/);
  });

  it('fleet run moves both stages end to end (exit 0); fleet status prints stages × sets', async () => {
    const io = capture();
    assert.equal(await main(['fleet', 'run', file, ...flags, '--json'], io), 0, io.err() + io.out());
    const result = JSON.parse(io.out()) as { outcome: string; sets: { succeeded: number; notReady: number } };
    assert.equal(result.outcome, 'succeeded');
    assert.equal(result.sets.notReady, 1);
    for (const name of ['web-we-01', 'web-we-05', 'web-sc-03', 'sf-frontend', 'sf-backend']) assert.ok(versions(name).every((v) => v === newVersion), name);
    assert.ok(versions('legacy-sc').every((v) => v !== newVersion), 'the set that is not ready was not moved');
    const status = capture();
    assert.equal(await main(['fleet', 'status', file, '--journal', path.join(dir, 'journal')], status), 0, status.err());
    assert.match(status.out(), /'november' → the latest version of each set's image: finished \(succeeded\)/);
    assert.match(status.out(), /^canary: finished, gates health passed, wait 5m00s$/m);
    assert.match(status.out(), /^ {2}web-sc-08 +swedencentral +web +succeeded +4\/4/m);
    assert.match(status.out(), /^ {2}legacy-sc +swedencentral +legacy +notReady/m);
  });

  it('fleet approve from another shell lets a stage that waits for a person start', async () => {
    const gated = path.join(dir, 'gated.fleet.json');
    const rollout = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; stages: { requiresApproval?: boolean; groups: unknown[] }[]; target: unknown };
    rollout.name = 'gated';
    rollout.target = { kind: 'latest' };
    rollout.stages[1].requiresApproval = true;
    fs.writeFileSync(gated, JSON.stringify(rollout));
    const io = capture();
    const running = main(['fleet', 'run', gated, ...flags], io);
    for (let i = 0; i < 400 && !/waits for approval/.test(io.err()); i++) await new Promise((r) => setTimeout(r, 25));
    assert.match(io.err(), /Stage 'europe' waits for approval: vmss-upgrades fleet approve .*gated\.fleet\.json --stage "europe"/);
    const approve = capture();
    assert.equal(await main(['fleet', 'approve', gated, '--stage', 'europe', '--by', 'carol', '--journal', path.join(dir, 'journal')], approve), 0, approve.err());
    assert.match(approve.out(), /Stage 'europe' of fleet run .* approved by carol/);
    // Every set is already on the target (the run before): the stage runs and ends at once.
    assert.equal(await running, 0, io.err());
    assert.match(io.out(), /Stage 'europe' approved by carol/);
  });
});
