// Issue 15, "rehearse a live scale set": `snapshot` writes a scenario that reproduces the live set as
// Azure reports it (read back through the real SDK from a simulator built from that scenario), and
// `rehearse` runs the plan on a private simulator of it — with faults — without touching the live set.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArmGateway } from '../../../src/azure/armGateway';
import { createClientFactory } from '../../../src/azure/clientFactory';
import type { InstanceSnapshot, ScaleSetRef } from '../../../src/azure/gateway';
import { main } from '../../../src/cli/main';
import type { RehearsalReport } from '../../../src/rehearsal/rehearsalReport';
import { loadScenario, startSimulator, type Scenario } from '../../../src/simulator/simulator-entry';
import type { Simulator } from '../../../src/simulator/simulator';
import { captureCli as capture } from '../support/captureCli';

function gatewayOf(sim: Simulator): ArmGateway {
  const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  return new ArmGateway(createClientFactory({ credential, endpoint: sim.url, ca: sim.ca!, allowedHosts: ['127.0.0.1'] }, 5));
}

/** What a snapshot must keep of each instance. */
function placement(i: InstanceSnapshot) {
  return { id: i.instanceId, zone: i.zone, ud: i.updateDomain, fd: i.faultDomain, power: i.powerState, health: i.health, version: i.image.exactVersion, extensionProblems: i.extensionProblems.length > 0 };
}

describe('snapshot and rehearse a live scale set (issue 15)', function () {
  this.timeout(120_000);
  let live: Simulator;
  let dir: string;
  const flagsFor = (name: string, subscription: string, resourceGroup: string) => ['--subscription', subscription, '--resource-group', resourceGroup, '--name', name, '--endpoint', live.url, '--ca', path.join(dir, 'ca.pem'), '--poll-interval', '5'];
  const setOf = (name: string) => live.world.scaleSets.find((s) => s.name === name)!;
  const flags = (name: string) => flagsFor(name, setOf(name).subscriptionId, setOf(name).resourceGroup);
  const refOf = (name: string): ScaleSetRef => ({ subscriptionId: setOf(name).subscriptionId, resourceGroup: setOf(name).resourceGroup, name });

  before(async () => {
    live = await startSimulator({ scenario: 'default', timeScale: 60 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmss-rehearse-'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), live.ca!);
  });

  after(async () => {
    await live.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function snapshot(name: string, ...extra: string[]): Promise<{ file: string; scenario: Scenario; err: string }> {
    const file = path.join(dir, `${name}${extra.length ? '-x' : ''}.json`);
    const io = capture();
    assert.equal(await main(['snapshot', ...flags(name), '--out', file, ...extra], io), 0, io.err());
    return { file, scenario: JSON.parse(fs.readFileSync(file, 'utf8')) as Scenario, err: io.err() };
  }

  for (const name of ['web-frontend', 'api-gateway', 'jobs-flex']) {
    it(`a simulator built from the snapshot of ${name} serves the same instances, model and policy`, async () => {
      const { file } = await snapshot(name);
      const copy = await startSimulator({ scenario: loadScenario(file), timeScale: 60 });
      try {
        const [a, b] = [gatewayOf(live), gatewayOf(copy)];
        const ref = refOf(name);
        assert.deepEqual((await b.listInstances(ref)).map(placement), (await a.listInstances(ref)).map(placement));
        const [setA, setB] = [await a.getScaleSet(ref), await b.getScaleSet(ref)];
        assert.deepEqual(setB.upgradePolicy, setA.upgradePolicy);
        assert.equal(setB.orchestrationMode, setA.orchestrationMode);
        assert.deepEqual(setB.virtualMachineProfile?.storageProfile?.imageReference, setA.virtualMachineProfile?.storageProfile?.imageReference);
        assert.deepEqual(setB.zones, setA.zones);
        assert.equal(setB.virtualMachineProfile?.networkProfile?.healthProbe?.id, setA.virtualMachineProfile?.networkProfile?.healthProbe?.id);
      } finally {
        await copy.stop();
      }
    });
  }

  it('--redact leaves no subscription, group or set name, and the scenario still loads', async () => {
    const { file } = await snapshot('jobs-flex', '--redact');
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of [setOf('jobs-flex').subscriptionId, setOf('jobs-flex').resourceGroup, 'jobs-flex']) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `${secret} is in the redacted snapshot`);
    const scenario = loadScenario(file);
    assert.equal(scenario.scaleSets[0].instances.count, setOf('jobs-flex').instances.length);
  });

  it('rehearse without faults succeeds, batch by batch, and changes nothing on the live set', async () => {
    const before = setOf('web-frontend').instances.map((i) => i.osImage.version);
    const io = capture();
    const code = await main(['rehearse', ...flags('web-frontend'), '--json', '--strategy', 'count', '--count', '5'], io);
    const report = JSON.parse(io.out()) as RehearsalReport;
    assert.equal(report.rehearsal, true);
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report, null, 2));
    assert.equal(code, 0);
    assert.deepEqual(report.batches.map((b) => b.instanceIds.length), [5, 5, 5, 5]);
    assert.ok(report.batches.every((b) => b.result === 'succeeded'));
    assert.ok((report.durationMs ?? 0) > 0 && (report.arm?.calls ?? 0) > 0);
    assert.deepEqual(setOf('web-frontend').instances.map((i) => i.osImage.version), before);
  });

  it('--never-healthy 1 makes the first moved instance fail, rolled back (O5), and the exit code says so', async () => {
    const io = capture();
    const code = await main(['rehearse', ...flags('web-frontend'), '--json', '--strategy', 'count', '--count', '5', '--never-healthy', '1', '--max-unhealthy-upgraded', '0'], io);
    const report = JSON.parse(io.out()) as RehearsalReport;
    const firstMoved = report.batches[0].instanceIds[0];
    assert.deepEqual(report.batches[0].failed, [firstMoved]);
    assert.deepEqual(report.batches[0].rolledBack, [firstMoved]);
    assert.equal(report.outcome, 'aborted');
    assert.equal(report.stoppedAt?.batch, 1);
    assert.ok(report.batches.slice(1).every((b) => b.result === 'notStarted'));
    assert.equal(code, 5);
    assert.ok(report.assumptions.some((a) => a.includes(`never healthy on the new image: ${firstMoved}`)));
  });

  it('--slow names instances by id and --throttle shows throttled calls that the run rides out', async () => {
    const io = capture();
    const ids = setOf('cache-tier').instances.slice(0, 2).map((i) => i.instanceId);
    await main(['rehearse', ...flags('cache-tier'), '--json', '--strategy', 'count', '--count', '5', '--slow', `${ids.join(',')}:90`, '--throttle', '0.2', '--max-unhealthy', '40'], io);
    const report = JSON.parse(io.out()) as RehearsalReport;
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report, null, 2));
    assert.ok((report.arm?.throttled ?? 0) > 0, 'throttled calls are counted');
    assert.ok(report.assumptions.some((a) => a.includes(`healthy only 90 s after the new disk: ${ids.join(', ')}`)));
  });

  it('rehearse --snapshot FILE needs no connection, and a bad flag is a usage error (exit 2)', async () => {
    const { file } = await snapshot('cache-tier');
    const io = capture();
    // cache-tier has 3 of 10 instances unhealthy: the rehearsal predicts the O1 refusal the real run would meet.
    assert.equal(await main(['rehearse', '--snapshot', file, '--json', '--strategy', 'count', '--count', '10'], io), 4, io.err());
    const refused = JSON.parse(io.out()) as RehearsalReport;
    assert.equal(refused.outcome, 'refused');
    assert.match(refused.reason ?? '', /^O1: 3 of 10 instances are unhealthy/);
    assert.equal(refused.stoppedAt?.batch, 1);
    const io2 = capture();
    assert.equal(await main(['rehearse', '--snapshot', file, '--json', '--strategy', 'count', '--count', '10', '--max-unhealthy', '40'], io2), 0, io2.err());
    // Three unhealthy instances shrink the batch of 10 to 7 (O2), as the plan on the live set says.
    assert.deepEqual((JSON.parse(io2.out()) as RehearsalReport).batches.map((b) => b.instanceIds.length), [7, 3]);
    const bad = capture();
    assert.equal(await main(['rehearse', '--snapshot', file, '--throttle', '3'], bad), 2);
    assert.match(bad.err(), /--throttle needs a fraction/);
    const unknown = capture();
    assert.equal(await main(['rehearse', '--snapshot', file, '--never-healthy', '99,100', '--max-unhealthy', '40'], unknown), 2);
    assert.match(unknown.err(), /not in the plan/);
  });
});
