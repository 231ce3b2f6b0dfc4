// VMSS_SIM_RECORD: the simulator appends every Azure exchange to <dir>/exchanges-<pid>.jsonl, over HTTPS
// and over the in-memory transport alike, and skips its own /_simulator/ control routes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flushRecording, RECORD_ENV, type RecordedExchange } from '../../../src/simulator/http/exchangeRecorder';
import { Simulator } from '../../../src/simulator/simulator';
import { sdkClients } from '../simulator/helpers/clients';
import { ManualClock } from '../simulator/helpers/clocks';
import { rawCall } from '../simulator/helpers/rawCall';
import { scaleSet, scenario, sub1 } from '../simulator/helpers/scenarios';

function readRecorded(dir: string): RecordedExchange[] {
  return readdirSync(dir).flatMap((name) =>
    readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RecordedExchange),
  );
}

describe('exchange recording for the contract test (VMSS_SIM_RECORD)', () => {
  const previous = process.env[RECORD_ENV];
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vmss-record-'));
    process.env[RECORD_ENV] = dir;
  });

  afterEach(() => {
    if (previous === undefined) delete process.env[RECORD_ENV];
    else process.env[RECORD_ENV] = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const transport of ['https', 'memory'] as const) {
    it(`records an SDK call over ${transport}: method, URL with api-version, status and body`, async () => {
      const sim = await Simulator.start({ listen: transport === 'https', clock: new ManualClock(), scenario: scenario([scaleSet('web', 2)]) });
      const clients = sdkClients(sim, transport);
      try {
        await clients.compute(sub1).virtualMachineScaleSets.get('rg-test', 'web');
        await rawCall(sim, 'GET', '/_simulator/clock', { apiVersion: null });
      } finally {
        clients.close();
        await sim.stop();
      }
      flushRecording();
      const recorded = readRecorded(dir);
      assert.equal(recorded.length, 1, 'one Azure exchange, the control route skipped');
      const [get] = recorded;
      assert.equal(get.method, 'GET');
      assert.match(get.url, /\/virtualMachineScaleSets\/web\?api-version=2026-03-01$/);
      assert.equal(get.status, 200);
      assert.equal((get.responseBody as { name: string }).name, 'web');
    });
  }

  it('keeps the rate-limit header and marks an answer a fault rule shaped', async () => {
    const web = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;
    const sim = await Simulator.start({
      listen: false,
      clock: new ManualClock(),
      scenario: { ...scenario([scaleSet('web', 2)]), faults: [{ method: 'GET', path: 'virtualMachineScaleSets/web$', occurrences: [2], status: 429 }], throttling: { budgets: [{ name: 'Microsoft.Compute/HighCostGet3Min', windowSeconds: 180, limit: 10 }] } },
    });
    try {
      await rawCall(sim, 'GET', web);
      await rawCall(sim, 'GET', web);
    } finally {
      await sim.stop();
    }
    flushRecording();
    const [counted, injected] = readRecorded(dir);
    assert.equal(counted.responseHeaders['x-ms-ratelimit-remaining-resource'], 'Microsoft.Compute/HighCostGet3Min;9');
    assert.equal(counted.injectedFault, undefined);
    assert.equal(injected.status, 429);
    assert.equal(injected.injectedFault, true);
  });

  it('records nothing when the variable is not set', async () => {
    delete process.env[RECORD_ENV];
    const sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: scenario([scaleSet('web', 2)]) });
    await rawCall(sim, 'GET', `/subscriptions/${sub1}`, { apiVersion: '2022-12-01' });
    await sim.stop();
    flushRecording();
    assert.deepEqual(readdirSync(dir), []);
  });
});
