// `vmss-upgrades explain RUN_ID` and `explain --platform` over HTTPS against the failures world.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { gatewayFrom } from '../../../src/cli/connect';
import { main } from '../../../src/cli/main';
import type { Explanation } from '../../../src/core/explain/explanation';
import type { Simulator } from '../../../src/simulator/simulator';
import { failuresScenario, setRef } from './failureScenarios';
import { captureCli as capture } from '../support/captureCli';
import { startCliSimulator, stopCliSimulator } from '../support/cliSimulator';

describe('CLI explain (HTTPS simulator, failures.json)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let dir: string;
  let conn: string[];
  const setFlags = (name: string) => ['--subscription', setRef(name).subscriptionId, '--resource-group', setRef(name).resourceGroup, '--name', name];

  before(async () => {
    const cli = await startCliSimulator(failuresScenario(), 'vmss-explain-cli-');
    ({ sim, dir } = cli);
    conn = [...cli.connection, '--journal', path.join(dir, 'journal')];
  });

  after(() => stopCliSimulator({ sim, dir }));

  it('explain RUN_ID --json names the O1 cause and instances of a refused run; text says why and how to fix', async () => {
    const run = capture();
    await main(['run', ...setFlags('unhealthy-before'), ...conn, '--json'], run);
    const runId = (JSON.parse(run.out()) as { runId: string }).runId;
    assert.ok(runId, run.out() + run.err());
    const io = capture();
    assert.equal(await main(['explain', runId, ...conn, '--json'], io), 0, io.err());
    const x = JSON.parse(io.out()) as Explanation;
    assert.equal(x.status, 'refused');
    assert.equal(x.failures[0].id, 'unhealthyBeforeUpgrade');
    assert.deepEqual(x.failures[0].instances.map((i) => i.instanceId), ['2', '5', '7']);
    const text = capture();
    assert.equal(await main(['explain', runId, ...conn], text), 0, text.err());
    assert.match(text.out(), /Why: Too many instances were unhealthy before the upgrade started \[MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade\] \(O1\)/);
    assert.match(text.out(), /5 \(batch|5: health unhealthy.*extensions: HealthExtension: Provisioning failed/);
    assert.match(text.out(), /vmss-upgrades plan --subscription .* --name unhealthy-before/);
    assert.match(text.out(), /risk: /);
    assert.match(text.out(), /Learn: .*https:\/\/learn\.microsoft\.com\//);
  });

  it('explain --platform --json explains Azure\'s faulted rolling upgrade', async () => {
    const ref = setRef('bad-image');
    const gateway = await gatewayFrom({ endpoint: sim.url, ca: path.join(dir, 'ca.pem'), 'poll-interval': '5' });
    await gateway.startOsRollingUpgrade(ref).catch(() => undefined);
    const io = capture();
    assert.equal(await main(['explain', '--platform', ...setFlags('bad-image'), ...conn, '--json'], io), 0, io.err());
    const x = JSON.parse(io.out()) as Explanation;
    assert.equal(x.source, 'platform');
    assert.equal(x.failures[0].code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
    assert.ok(x.failures[0].fixes.some((f) => /az vmss rolling-upgrade start .*-n bad-image/.test(f.command ?? '')));
  });

  it('bad input: no run id, an unknown run, a run id with --platform', async () => {
    const none = capture();
    assert.equal(await main(['explain', ...conn], none), 2);
    assert.match(none.err(), /Name a run/);
    const unknown = capture();
    assert.equal(await main(['explain', 'no-such-run', ...conn], unknown), 2);
    assert.match(unknown.err(), /No run no-such-run in /);
    const both = capture();
    assert.equal(await main(['explain', 'x', '--platform', ...setFlags('busy'), ...conn], both), 2);
    assert.match(both.err(), /--platform takes the scale set options/);
  });
});
