// Issue 17 on the command line: two `run`s on one scale set from two "machines" (two journal
// directories, two holders) against the HTTPS simulator — one proceeds, the other exits 4 naming the
// holder; a stale lease is broken only with --break-lease; --help documents exit code 4.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { formatLease, leaseTagName } from '../../../src/core/lease/leaseTag';
import type { Simulator } from '../../../src/simulator/simulator';
import { fleetScenario, ref, type FleetInstance } from './support/fleetScenario';
import { captureCli as capture } from '../support/captureCli';
import { startCliSimulator, stopCliSimulator } from '../support/cliSimulator';

describe('CLI: the scale set lease (issue 17, HTTPS simulator)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let dir: string;
  let flags: string[];

  before(async () => {
    const instances: FleetInstance[] = Array.from({ length: 4 }, () => ({ baseline: 'healthy', after: 'healthy' }));
    const scenario = fleetScenario({ seed: 5, instances, zones: 0, updateDomains: 2, faultDomains: 2, faults: [] });
    (scenario.scaleSets[0] as { tags?: Record<string, string> }).tags = { owner: 'team-a' };
    const cli = await startCliSimulator(scenario, 'vmss-lease-cli-');
    ({ sim, dir } = cli);
    flags = ['--subscription', ref.subscriptionId, '--resource-group', ref.resourceGroup, '--name', ref.name, ...cli.connection, '--max-batch', '50'];
  });

  after(() => stopCliSimulator({ sim, dir }));

  it('two concurrent runs: exactly one exits 0, the other exits 4 naming the holder; the other tags stay', async () => {
    const [a, b] = [capture(), capture()];
    const codes = await Promise.all([
      main(['run', ...flags, '--journal', path.join(dir, 'one'), '--lease-holder', 'alice@one'], a),
      main(['run', ...flags, '--journal', path.join(dir, 'two'), '--lease-holder', 'bob@two'], b),
    ]);
    assert.deepEqual([...codes].sort(), [0, 4], `${a.out()}\n${b.out()}`);
    const [loser, winnerHolder] = codes[0] === 4 ? [a, 'bob@two'] : [b, 'alice@one'];
    assert.match(loser.out(), new RegExp(`refused — Another run drives this scale set: its lease is held by ${winnerHolder} \\(run [\\w.-]+\\), until \\d{4}-`));
    assert.deepEqual(sim.world.scaleSets[0].tags, { owner: 'team-a' });
  });

  it('a stale lease: refused (exit 4, --json names the holder) until --break-lease', async () => {
    sim.world.scaleSets[0].tags[leaseTagName] = formatLease({ holder: 'ci pipeline 77', runId: 'ghost', expiresAt: Date.parse('2026-01-01T00:00:00Z') });
    const refused = capture();
    assert.equal(await main(['run', ...flags, '--journal', path.join(dir, 'one'), '--json', '--version', '24.04.202410020'], refused), 4, refused.err());
    const json = JSON.parse(refused.out()) as { outcome: string; summary: { leaseHeldBy?: { holder: string; expired: boolean } } };
    assert.deepEqual([json.outcome, json.summary.leaseHeldBy?.holder, json.summary.leaseHeldBy?.expired], ['refused', 'ci pipeline 77', true]);
    const broke = capture();
    assert.equal(await main(['run', ...flags, '--journal', path.join(dir, 'one'), '--break-lease', '--version', '24.04.202410020'], broke), 0, broke.out() + broke.err());
    assert.match(broke.out(), /note: Broke the stale lease of ci pipeline 77 \(run ghost\), expired at 2026-01-01T00:00:00\.000Z/);
    assert.deepEqual(sim.world.scaleSets[0].tags, { owner: 'team-a' });
  });

  it('--help documents the lease options and exit code 4', async () => {
    for (const command of ['run', 'resume']) {
      const io = capture();
      assert.equal(await main([command, '--help'], io), 0);
      assert.match(io.out(), /--break-lease/);
      assert.match(io.out(), command === 'run' ? /4 refused \(O1, A6, or another run holds the scale set's\nlease/ : /exits 4 and stays resumable/);
    }
  });
});
