// Microsoft.Maintenance in the simulator (Maintenance.json 2023-04-01), called through our typed client
// on the real credential/pipeline (createClientFactory): configurations (Get, CreateOrUpdate, List),
// assignment to a scale set (201 create / 200 update, List, Get, Delete 200/204), api-version
// exactness, the OSImage rules Learn states, and automatic OS upgrades (A1/A4) confined to the window.
import { strict as assert } from 'node:assert';
import { isRestError } from '@azure/core-rest-pipeline';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { MaintenanceClient } from '../../../src/azure/maintenance/maintenanceClient';
import { ArmGateway } from '../../../src/azure/armGateway';
import type { MaintenanceConfiguration } from '../../../src/azure/maintenance/maintenanceTypes';
import { Simulator } from '../../../src/simulator/simulator';
import { credential } from './helpers/clients';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { image, scaleSet, scenario, sub1 } from './helpers/scenarios';

const minutes = (n: number) => n * 60_000;
const setId = (name: string) => `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`;
const autoPolicy = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } };

function osImageConfig(startDateTime: string, extra: Partial<NonNullable<MaintenanceConfiguration['properties']>['maintenanceWindow']> = {}): MaintenanceConfiguration {
  return { location: 'westeurope', properties: { maintenanceScope: 'OSImage', maintenanceWindow: { startDateTime, duration: '05:00', timeZone: 'UTC', recurEvery: 'Day', ...extra } } };
}

async function start() {
  const clock = new ManualClock(); // 2026-11-01T08:00:00Z
  const sim = await Simulator.start({ listen: false, clock, scenario: scenario([scaleSet('web', 6, { osVersion: '1.1.0', upgradePolicy: autoPolicy })]) });
  const factory = createClientFactory({ credential, endpoint: sim.url, httpClient: sim.httpClient, retry: { maxRetries: 0 } });
  const client = new MaintenanceClient(factory);
  const at = (ms: number) => {
    clock.advance(ms);
    sim.advance();
  };
  return { sim, clock, client, factory, at, set: () => sim.world.scaleSets[0] };
}

async function refused(p: Promise<unknown>): Promise<{ status?: number; code?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    assert.ok(isRestError(err), String(err));
    return { status: err.statusCode, code: err.code, message: err.message };
  }
  assert.fail('expected a refusal');
}

describe('simulator Microsoft.Maintenance (OS image maintenance configurations)', () => {
  it('creates, reads and lists a configuration through the typed client on the factory pipeline', async () => {
    const { client, factory } = await start();
    const put = await client.putConfiguration(sub1, 'rg-test', 'nightly', osImageConfig('2026-11-01 22:00', { timeZone: 'W. Europe Standard Time' }));
    assert.equal(put.type, 'Microsoft.Maintenance/maintenanceConfigurations');
    assert.equal(put.id, `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Maintenance/maintenanceConfigurations/nightly`);
    const got = await client.getConfiguration(sub1, 'rg-test', 'nightly');
    assert.deepEqual(got?.properties?.maintenanceWindow, { startDateTime: '2026-11-01 22:00', duration: '05:00', timeZone: 'W. Europe Standard Time', recurEvery: 'Day' });
    assert.equal(got?.properties?.maintenanceScope, 'OSImage');
    assert.deepEqual((await client.listConfigurations(sub1)).map((c) => c.name), ['nightly']);
    assert.equal(await client.getConfiguration(sub1, 'rg-test', 'missing'), undefined, '404 → undefined');
    assert.ok(factory.stats.calls >= 4, 'the calls went through the factory pipeline (call statistics)');
  });

  it('refuses an OSImage window shorter than 5 hours or not recurring daily (Learn), and changes nothing', async () => {
    const { client } = await start();
    const short = await refused(client.putConfiguration(sub1, 'rg-test', 'short', osImageConfig('2026-11-01 22:00', { duration: '04:00' })));
    assert.equal(short.status, 400);
    assert.match(short.message, /5 hours/);
    const weekly = await refused(client.putConfiguration(sub1, 'rg-test', 'weekly', osImageConfig('2026-11-01 22:00', { recurEvery: 'Week Saturday' })));
    assert.equal(weekly.status, 400);
    assert.match(weekly.message, /must be 'Day'/);
    assert.deepEqual(await client.listConfigurations(sub1), []);
  });

  it('answers another api-version with ARM’s NoRegisteredProviderFound naming the Maintenance type', async () => {
    const { sim } = await start();
    const res = await rawCall(sim, 'GET', `/subscriptions/${sub1}/providers/Microsoft.Maintenance/maintenanceConfigurations`, { apiVersion: '2023-10-01-preview' });
    assert.equal(res.status, 400);
    const error = (res.body as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'NoRegisteredProviderFound');
    assert.match(error.message, /for type 'maintenanceConfigurations'\. The supported api-versions are '2023-04-01'/);
    const assigned = await rawCall(sim, 'GET', `${setId('web')}/providers/Microsoft.Maintenance/configurationAssignments`, { apiVersion: '2026-03-01' });
    assert.match((assigned.body as { error: { message: string } }).error.message, /for type 'configurationAssignments'/, 'an extension resource is typed by its own provider');
  });

  it('assigns a configuration to a scale set: 201 then 200, listed, read, deleted (200, then 204)', async () => {
    const { sim, client } = await start();
    const config = await client.putConfiguration(sub1, 'rg-test', 'nightly', osImageConfig('2026-11-01 22:00'));
    const path = `${setId('web')}/providers/Microsoft.Maintenance/configurationAssignments/nightly-web`;
    const body = { location: 'westeurope', properties: { maintenanceConfigurationId: config.id } };
    assert.equal((await rawCall(sim, 'PUT', path, { body, apiVersion: '2023-04-01' })).status, 201);
    assert.equal((await rawCall(sim, 'PUT', path, { body, apiVersion: '2023-04-01' })).status, 200);
    const listed = await client.listScaleSetAssignments(setId('web'));
    assert.equal(listed.length, 1);
    assert.equal(listed[0].properties?.maintenanceConfigurationId, config.id);
    assert.equal(listed[0].properties?.resourceId, setId('web'));
    assert.equal(listed[0].type, 'Microsoft.Maintenance/configurationAssignments');
    assert.equal((await rawCall(sim, 'DELETE', path, { apiVersion: '2023-04-01' })).status, 200);
    assert.equal((await rawCall(sim, 'DELETE', path, { apiVersion: '2023-04-01' })).status, 204);
    assert.deepEqual(await client.listScaleSetAssignments(setId('web')), []);
    const unknown = await refused(client.assignToScaleSet(setId('web'), 'x', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Maintenance/maintenanceConfigurations/none`, 'westeurope'));
    assert.equal(unknown.status, 404);
    const noSet = await refused(client.listScaleSetAssignments(setId('nope')));
    assert.equal(noSet.status, 404);
  });

  it('a due automatic OS upgrade waits for the assigned window and starts when it opens (A4 + OSImage window)', async () => {
    const { sim, client, at, set } = await start();
    // Window 03:00–08:00 UTC daily; the release at 08:00 is due at 08:30, outside it.
    const config = await client.putConfiguration(sub1, 'rg-test', 'early', osImageConfig('2026-11-01 03:00'));
    await client.assignToScaleSet(setId('web'), 'early-web', config.id!, 'westeurope');
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(31));
    assert.equal(set().upgradeRuns.length, 0, 'not outside the window');
    at(minutes(60 * 18 + 28)); // 2026-11-02T02:59
    assert.equal(set().upgradeRuns.length, 0);
    at(minutes(2)); // 03:01
    assert.equal(set().upgradeRuns.length, 1);
    assert.equal(set().upgradeRuns[0].startedBy, 'Platform');
    at(minutes(60));
    assert.equal(set().upgradeRuns[0].code, 'Completed');
  });

  it('removing the assignment lets a waiting automatic upgrade start at once', async () => {
    const { sim, client, at, set } = await start();
    const config = await client.putConfiguration(sub1, 'rg-test', 'early', osImageConfig('2026-11-01 03:00'));
    await client.assignToScaleSet(setId('web'), 'early-web', config.id!, 'westeurope');
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    at(minutes(40));
    assert.equal(set().upgradeRuns.length, 0);
    await client.unassignFromScaleSet(setId('web'), 'early-web');
    at(0);
    assert.equal(set().upgradeRuns.length, 1);
  });

  it('a platform rollout starts no batch after the window closes and continues in the next window', async () => {
    const { sim, client, at, set } = await start();
    // Window 03:35–08:35 UTC: the rollout is due at 08:30 and has time for a few batches only.
    const config = await client.putConfiguration(sub1, 'rg-test', 'tight', osImageConfig('2026-11-01 03:35'));
    await client.assignToScaleSet(setId('web'), 'tight-web', config.id!, 'westeurope');
    sim.publishImageVersion({ ...image, version: '1.2.0' });
    const windowOpen = (t: number) => {
      const minuteOfDay = ((t / 60_000) % 1440 + 1440) % 1440;
      return minuteOfDay >= 3 * 60 + 35 && minuteOfDay < 8 * 60 + 35;
    };
    let batches = 0;
    let pausedAt: number | undefined;
    for (let i = 0; i < 24 * 60; i++) {
      at(minutes(1));
      const run = set().upgradeRuns[0];
      const now = sim.world.now;
      const count = run?.batches.length ?? 0;
      if (count > batches) assert.ok(windowOpen(now) || windowOpen(now - 60_000), `batch ${count} started at ${new Date(now).toISOString()}, outside the window`);
      if (run && count === batches && !windowOpen(now) && run.code === 'RollingForward') pausedAt ??= now;
      batches = count;
    }
    assert.ok(pausedAt !== undefined, 'the rollout was still going when the window closed');
    assert.equal(set().upgradeRuns[0].code, 'Completed', 'finished in the next window');
    assert.ok(set().instances.every((i) => i.osImage.version === '1.2.0'));
  });

  it('a scenario can hold configurations assigned to sets; a window Azure would refuse is a scenario error', async () => {
    const window = { startDateTime: '2026-11-01 03:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Day' };
    const spec = (w: typeof window) => scenario([scaleSet('web', 2, { osVersion: '1.1.0', upgradePolicy: autoPolicy })], { maintenanceConfigurations: [{ subscriptionId: sub1, resourceGroup: 'rg-test', name: 'early', location: 'westeurope', maintenanceWindow: w, assignedTo: ['web'] }] });
    const sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: spec(window) });
    const client = new MaintenanceClient(createClientFactory({ credential, endpoint: sim.url, httpClient: sim.httpClient }));
    const [assignment] = await client.listScaleSetAssignments(setId('web'));
    const config = await client.getConfigurationById(assignment.properties!.maintenanceConfigurationId!);
    assert.deepEqual(config?.properties?.maintenanceWindow, window);
    await assert.rejects(Simulator.start({ listen: false, clock: new ManualClock(), scenario: spec({ ...window, duration: '02:00' }) }), /5 hours/);
  });

  it('ArmGateway sets a set’s OS-image window (configuration + assignment) and reads it back; a window Azure would refuse writes nothing', async () => {
    const { sim, factory } = await start();
    const gateway = new ArmGateway(factory);
    const ref = { subscriptionId: sub1, resourceGroup: 'rg-test', name: 'web' };
    const window = { startDateTime: '2026-11-01 23:00', duration: '06:00', timeZone: 'Pacific Standard Time', recurEvery: 'Day' };
    const set = await gateway.setOsImageMaintenance(ref, 'westeurope', window);
    assert.match(set.configurationId, /maintenanceConfigurations\/web-osimage$/);
    const read = await gateway.osImageMaintenance(ref);
    assert.deepEqual(read?.window, window);
    assert.equal(read?.configurationId, set.configurationId);
    const before = sim.world.maintenance.configurations.length;
    await assert.rejects(gateway.setOsImageMaintenance(ref, 'westeurope', { ...window, duration: '03:00' }), /5 hours/);
    assert.equal(sim.world.maintenance.configurations.length, before);
    assert.deepEqual(sim.world.maintenance.configurations[0].window, window, 'unchanged');
  });
});
