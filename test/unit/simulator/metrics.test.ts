// The simulator's Azure Monitor metrics (metrics:getBatch, 2024-02-01) through the real
// @azure/monitor-query-metrics MetricsClient built by our client factory (same credential, trust, pipeline):
// a scenario timeline aggregated per interval, no data before it, the spec's shape, refusals; and the
// endpoint of a region for the real clouds.
import * as assert from 'node:assert/strict';
import { ArmGateway } from '../../../src/azure/armGateway';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { ArmMetrics } from '../../../src/azure/metrics/metricsClient';
import { metricsEndpoint } from '../../../src/azure/metrics/metricsEndpoint';
import { staticTokenCredential } from '../../../src/cli/connect';
import { startSimulator } from '../../../src/simulator/simulator-entry';
import type { Simulator } from '../../../src/simulator/simulator';
import { fleetScenario, ref } from '../core/support/fleetScenario';
import { VirtualClock } from '../core/support/virtualClock';
import { errorCode, rawCall } from './helpers/rawCall';

const start = Date.parse('2026-11-01T00:00:00Z');
const at = (minutes: number) => new Date(start + minutes * 60_000);
const setId = `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${ref.name}`;
const path = `/subscriptions/${ref.subscriptionId}/metrics:getBatch`;

function scenario() {
  const s = fleetScenario({ seed: 1, instances: [{ baseline: 'healthy', after: 'healthy' }], zones: 0, updateDomains: 1, faultDomains: 1, faults: [] });
  s.startTime = new Date(start).toISOString();
  // CPU 20 from minute 2, 95 for minutes 7–8, then 30.
  s.metrics = [{ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, name: 'Percentage CPU', points: [{ atSeconds: 120, value: 20 }, { atSeconds: 420, value: 95 }, { atSeconds: 540, value: 30 }] }];
  return s;
}

async function withSim(test: (sim: Simulator, clock: VirtualClock, metrics: ArmMetrics) => Promise<void>, https = false): Promise<void> {
  const clock = new VirtualClock(start);
  const sim = await startSimulator({ scenario: scenario(), clock, listen: https });
  const factory = createClientFactory({ credential: staticTokenCredential(), endpoint: sim.url, ...(https ? { ca: sim.ca } : { httpClient: sim.httpClient }), allowedHosts: ['127.0.0.1'], retry: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 2 } });
  try {
    await test(sim, clock, new ArmMetrics(factory, new ArmGateway(factory)));
  } finally {
    clock.stop();
    await sim.stop();
  }
}

const query = (interval: string, aggregation: 'Average' | 'Maximum' | 'Count' = 'Average', to = 15) => ({ metric: 'Percentage CPU', namespace: 'Microsoft.Compute/virtualMachineScaleSets', aggregation, interval, from: at(0), to: at(to) });

describe('simulator: Azure Monitor metrics (metrics:getBatch 2024-02-01) through @azure/monitor-query-metrics', function () {
  this.timeout(60_000);

  for (const https of [false, true]) {
    it(`aggregates the scenario timeline per interval, only up to now (${https ? 'HTTPS' : 'in memory'})`, async () => {
      await withSim(async (_sim, clock, metrics) => {
        await clock.sleep(12 * 60_000);
        const series = await metrics.readMetric(ref, query('PT5M'));
        assert.equal(series.unit, 'Percent');
        // 00:00–05:00: samples at minutes 2,3,4 = 20; 05:00–10:00: 20,20,95,95,30 → 52; 10:00–15:00: minutes 10–12 (now) = 30.
        assert.deepEqual(series.points, [
          { timeStamp: at(0).toISOString(), value: 20 },
          { timeStamp: at(5).toISOString(), value: 52 },
          { timeStamp: at(10).toISOString(), value: 30 },
        ]);
        const max = await metrics.readMetric(ref, query('PT5M', 'Maximum'));
        assert.deepEqual(max.points.map((p) => p.value), [20, 95, 30]);
        const count = await metrics.readMetric(ref, query('PT5M', 'Count'));
        assert.deepEqual(count.points.map((p) => p.value), [3, 5, 3], 'one sample a minute, none before the first step or after now');
      }, https);
    });
  }

  it('a known metric without a timeline, or an interval before the first step, has no value (timeStamp alone)', async () => {
    await withSim(async (sim, clock, metrics) => {
      await clock.sleep(3 * 60_000);
      const early = await metrics.readMetric(ref, query('PT1M', 'Average', 3));
      assert.deepEqual(early.points.slice(0, 2), [{ timeStamp: at(0).toISOString() }, { timeStamp: at(1).toISOString() }]);
      const memory = await metrics.readMetric(ref, { ...query('PT1M', 'Average', 3), metric: 'Available Memory Bytes' });
      assert.equal(memory.unit, 'Bytes');
      assert.ok(memory.points.length === 3 && memory.points.every((p) => p.value === undefined));
      // A step set through the control API counts from its time on.
      sim.setMetric({ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: ref.name, name: 'Available Memory Bytes', steps: [{ at: at(1).getTime(), value: 1e9 }] });
      const after = await metrics.readMetric(ref, { ...query('PT1M', 'Average', 3), metric: 'Available Memory Bytes' });
      assert.deepEqual(after.points.map((p) => p.value), [undefined, 1e9, 1e9]);
    });
  });

  it("answers the spec's shape: values per resource with starttime, endtime, interval, region and each metric's time series", async () => {
    await withSim(async (sim, clock) => {
      await clock.sleep(10 * 60_000);
      const res = await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: `metricnamespace=Microsoft.Compute/virtualMachineScaleSets&metricnames=Percentage CPU&interval=FULL&aggregation=maximum,count&starttime=${at(0).toISOString()}&endtime=${at(10).toISOString()}`, body: { resourceids: [setId] } });
      assert.equal(res.status, 200);
      const body = res.body as { values: { starttime: string; endtime: string; interval: string; resourceid: string; resourceregion: string; value: { id: string; type: string; name: { value: string }; errorCode: string; unit: string; timeseries: { data: Record<string, unknown>[] }[] }[] }[] };
      const item = body.values[0];
      assert.equal(item.resourceid, setId);
      assert.equal(item.interval, 'FULL');
      assert.equal(item.starttime, at(0).toISOString());
      assert.ok(item.resourceregion.length > 0);
      const metric = item.value[0];
      assert.equal(metric.type, 'Microsoft.Insights/metrics');
      assert.equal(metric.name.value, 'Percentage CPU');
      assert.equal(metric.errorCode, 'Success');
      // FULL: one point for the whole span, samples of minutes 2–9 (the span's end is exclusive, as every interval's).
      assert.deepEqual(metric.timeseries[0].data, [{ timeStamp: at(0).toISOString(), maximum: 95, count: 8 }]);
    });
  });

  it('refuses another api-version, an unknown metric or namespace, a bad interval, a batch of another subscription, and an unknown set', async () => {
    await withSim(async (sim) => {
      const ok = 'metricnamespace=Microsoft.Compute/virtualMachineScaleSets&metricnames=Percentage CPU';
      const body = { resourceids: [setId] };
      const wrong = await rawCall(sim, 'POST', path, { apiVersion: '2023-10-01', query: ok, body });
      assert.equal(wrong.status, 400);
      assert.match(JSON.stringify(wrong.body), /2024-02-01/);
      const unknown = await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: 'metricnamespace=Microsoft.Compute/virtualMachineScaleSets&metricnames=Bogus Metric', body });
      assert.equal(unknown.status, 400);
      assert.match(JSON.stringify(unknown.body), /Bogus Metric/);
      assert.equal((await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: 'metricnamespace=Microsoft.Storage/storageAccounts&metricnames=Percentage CPU', body })).status, 400);
      assert.equal((await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: `${ok}&interval=PT7M`, body })).status, 400);
      const other = await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: ok, body: { resourceids: [setId.replace(ref.subscriptionId, '00000000-0000-4000-8000-0000000000ff')] } });
      assert.equal(other.status, 400);
      const missing = await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: ok, body: { resourceids: [setId.replace(/\/[^/]+$/, '/nope')] } });
      assert.equal(missing.status, 404);
      assert.equal(errorCode(missing), 'ResourceNotFound');
    });
  });

  it('is not counted by Resource Manager throttling (a regional data-plane endpoint): no ARM rate-limit header', async () => {
    await withSim(async (sim) => {
      const res = await rawCall(sim, 'POST', path, { apiVersion: '2024-02-01', query: 'metricnamespace=Microsoft.Compute/virtualMachineScaleSets&metricnames=Percentage CPU', body: { resourceids: [setId] } });
      assert.equal(res.status, 200);
      assert.ok(!Object.keys(res.headers ?? {}).some((h) => h.toLowerCase().startsWith('x-ms-ratelimit-remaining-subscription')));
    });
  });

  it('a scenario metric on an unknown scale set is refused when the scenario loads', async () => {
    const s = scenario();
    s.metrics = [{ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, scaleSet: 'nope', name: 'Percentage CPU', points: [{ atSeconds: 0, value: 1 }] }];
    await assert.rejects(startSimulator({ scenario: s, listen: false }), /metrics: scale set rg-fleet\/nope is not in scaleSets/);
  });

  it('the endpoint of a region: regional data plane for the public and China clouds, the simulator itself otherwise', () => {
    assert.equal(metricsEndpoint('https://management.azure.com', 'West Europe'), 'https://westeurope.metrics.monitor.azure.com');
    assert.equal(metricsEndpoint('https://management.chinacloudapi.cn/', 'chinanorth'), 'https://chinanorth.metrics.monitor.azure.cn');
    assert.equal(metricsEndpoint('https://127.0.0.1:4443', 'westeurope'), 'https://127.0.0.1:4443');
    assert.throws(() => metricsEndpoint('https://management.azure.com', 'west/europe'), /cannot name a metrics endpoint/);
  });
});
