// The simulator's Azure Monitor alerts (AlertsManagement 2019-03-01, Alerts_GetAll) through our typed
// ServiceClient (@azure/core-client, same factory and pipeline as the ARM clients): filters, the time
// window, paging by nextLink, api-version exactness, refusals; and scenario alerts that fire at a time.
import * as assert from 'node:assert/strict';
import { ArmAlerts } from '../../../src/azure/alerts/alertsClient';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { staticTokenCredential } from '../../../src/cli/connect';
import { startSimulator } from '../../../src/simulator/simulator-entry';
import type { Simulator } from '../../../src/simulator/simulator';
import { fleetScenario, ref } from '../core/support/fleetScenario';
import { VirtualClock } from '../core/support/virtualClock';
import { errorCode, rawCall } from './helpers/rawCall';

const start = Date.parse('2026-11-01T00:00:00Z');
const group = { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup };

function scenario() {
  const s = fleetScenario({ seed: 1, instances: [{ baseline: 'healthy', after: 'healthy' }], zones: 0, updateDomains: 1, faultDomains: 1, faults: [] });
  s.startTime = new Date(start).toISOString();
  s.alerts = [
    { atSeconds: 600, name: 'cpu-high', severity: 'Sev1', ...group, scaleSet: ref.name },
    { atSeconds: 900, name: 'vm-heartbeat', severity: 'Sev2', ...group, scaleSet: ref.name, instanceId: '0', resolveAfterSeconds: 60 },
    { atSeconds: 1200, name: 'rg-budget', severity: 'Sev4', ...group },
  ];
  return s;
}

async function withSim(test: (sim: Simulator, clock: VirtualClock, alerts: ArmAlerts) => Promise<void>, https = false): Promise<void> {
  const clock = new VirtualClock(start);
  const sim = await startSimulator({ scenario: scenario(), clock, listen: https });
  const factory = createClientFactory({ credential: staticTokenCredential(), endpoint: sim.url, ...(https ? { ca: sim.ca } : { httpClient: sim.httpClient }), allowedHosts: ['127.0.0.1'], retry: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 2 } });
  try {
    await test(sim, clock, new ArmAlerts(factory));
  } finally {
    clock.stop();
    await sim.stop();
  }
}

const names = (alerts: { name?: string }[]) => alerts.map((a) => a.name).sort();

describe('simulator: Azure Monitor alerts (Alerts_GetAll 2019-03-01)', function () {
  this.timeout(60_000);

  for (const https of [false, true]) {
    it(`a scenario alert is listed from its time on, with the spec's shape (${https ? 'HTTPS' : 'in memory'})`, async () => {
      await withSim(async (sim, clock, alerts) => {
        assert.deepEqual(await alerts.listAlerts(ref.subscriptionId, {}), [], 'nothing has fired yet');
        await clock.sleep(1000 * 1000);
        const listed = await alerts.listAlerts(ref.subscriptionId, {});
        assert.deepEqual(names(listed), ['cpu-high', 'vm-heartbeat']);
        const heartbeat = listed.find((a) => a.name === 'vm-heartbeat')!;
        const e = heartbeat.properties!.essentials!;
        assert.equal(heartbeat.type, 'Microsoft.AlertsManagement/alerts');
        assert.match(heartbeat.id ?? '', /\/virtualMachineScaleSets\/fleet\/virtualMachines\/0\/providers\/Microsoft\.AlertsManagement\/alerts\/[0-9a-f-]{36}$/);
        assert.equal(e.severity, 'Sev2');
        assert.equal(e.monitorCondition, 'Resolved', 'resolved 60 s after it fired');
        assert.equal(e.startDateTime, new Date(start + 900_000).toISOString());
        assert.equal(e.targetResourceGroup, ref.resourceGroup);
        assert.equal(e.targetResourceType, 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines');
        assert.equal(sim.world.alerts.length, 3);
      }, https);
    });
  }

  it('filters: target resource, resource group, severity, monitor condition and a custom time range', async () => {
    await withSim(async (_sim, clock, alerts) => {
      await clock.sleep(2000 * 1000);
      const setId = `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${ref.name}`;
      assert.deepEqual(names(await alerts.listAlerts(ref.subscriptionId, { targetResource: setId })), ['cpu-high']);
      assert.deepEqual(names(await alerts.listAlerts(ref.subscriptionId, { targetResourceGroup: ref.resourceGroup.toUpperCase() })), ['cpu-high', 'rg-budget', 'vm-heartbeat']);
      assert.deepEqual(names(await alerts.listAlerts(ref.subscriptionId, { targetResourceGroup: 'elsewhere' })), []);
      assert.deepEqual(names(await alerts.listAlerts(ref.subscriptionId, { severity: 'Sev4' })), ['rg-budget']);
      assert.deepEqual(names(await alerts.listAlerts(ref.subscriptionId, { monitorCondition: 'Fired' })), ['cpu-high', 'rg-budget']);
      const window = { from: new Date(start + 800_000), to: new Date(start + 1000_000) };
      assert.deepEqual(names(await alerts.listAlerts(ref.subscriptionId, { customTimeRange: window })), ['vm-heartbeat']);
    });
  });

  it('pages by nextLink (pageCount) and the client follows every page', async () => {
    await withSim(async (sim, _clock, alerts) => {
      for (let i = 0; i < 7; i++) sim.fireAlert({ name: `burst-${i}`, ...group, scaleSet: ref.name });
      const first = await rawCall(sim, 'GET', `/subscriptions/${ref.subscriptionId}/providers/Microsoft.AlertsManagement/alerts`, { apiVersion: '2019-03-01', query: 'pageCount=3' });
      assert.equal(first.status, 200);
      const body = first.body as { value: unknown[]; nextLink?: string };
      assert.equal(body.value.length, 3);
      assert.match(body.nextLink ?? '', /^https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*ctoken=/);
      assert.equal((await alerts.listAlerts(ref.subscriptionId, { pageCount: 3 })).length, 7);
    });
  });

  it('refuses another api-version, both time ranges at once, and a bad page size', async () => {
    await withSim(async (sim) => {
      const path = `/subscriptions/${ref.subscriptionId}/providers/Microsoft.AlertsManagement/alerts`;
      const wrong = await rawCall(sim, 'GET', path, { apiVersion: '2018-05-05' });
      assert.equal(wrong.status, 400);
      assert.equal(errorCode(wrong), 'NoRegisteredProviderFound');
      assert.match(JSON.stringify(wrong.body), /The supported api-versions are '2019-03-01'/);
      const both = await rawCall(sim, 'GET', path, { apiVersion: '2019-03-01', query: 'timeRange=1h&customTimeRange=2026-11-01T00:00:00Z/2026-11-01T01:00:00Z' });
      assert.equal(both.status, 400);
      const page = await rawCall(sim, 'GET', path, { apiVersion: '2019-03-01', query: 'pageCount=251' });
      assert.equal(page.status, 400);
      const missing = await rawCall(sim, 'GET', '/subscriptions/00000000-0000-4000-8000-0000000000ff/providers/Microsoft.AlertsManagement/alerts', { apiVersion: '2019-03-01' });
      assert.equal(missing.status, 404);
    });
  });

  it('a scenario alert on an unknown scale set is refused when the scenario loads', async () => {
    const s = scenario();
    s.alerts = [{ atSeconds: 1, name: 'x', ...group, scaleSet: 'nope' }];
    await assert.rejects(startSimulator({ scenario: s, listen: false }), /alerts: scale set rg-fleet\/nope is not in scaleSets/);
  });
});
