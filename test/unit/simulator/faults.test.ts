// Faults and throttling as the SDK meets them (azure-sdk.md): 429 with Retry-After is honoured, 429
// without it is not retried, 5xx and dropped connections are retried with backoff, a failed LRO
// rejects; Compute budgets answer 429 with Retry-After and report what is left.
import { strict as assert } from 'node:assert';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { ScaledClock } from '../../../src/shared/clock';
import type { FaultRule } from '../../../src/simulator/http/faults';
import type { Budget } from '../../../src/simulator/http/throttling';
import { Simulator } from '../../../src/simulator/simulator';
import { poll, sdkClients } from './helpers/clients';
import { ManualClock, StepClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1, sub2 } from './helpers/scenarios';

const getWeb = /virtualMachineScaleSets\/web$/.source;

async function simWith(faults: FaultRule[], options: { listen?: boolean; budgets?: Budget[]; clock?: ScaledClock | StepClock | ManualClock; seed?: number } = {}): Promise<Simulator> {
  return Simulator.start({
    listen: options.listen ?? false,
    clock: options.clock ?? new StepClock(1_000),
    scenario: scenario([scaleSet('web', 3)], { faults, seed: options.seed ?? 7, ...(options.budgets ? { throttling: { budgets: options.budgets } } : {}) }),
  });
}

async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}

function attemptsOf(sim: Simulator, pathPattern: string) {
  return sim.requests().filter((r) => new RegExp(pathPattern, 'i').test(r.path));
}

describe('simulator faults and throttling, as the SDK sees them', function () {
  this.timeout(20_000);

  it('429 with Retry-After is retried after that many seconds', async () => {
    const sim = await simWith([{ method: 'GET', path: getWeb, occurrences: [1], status: 429, retryAfterSeconds: 1 }]);
    const started = Date.now();
    const set = await sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.get('rg-test', 'web');
    assert.equal(set.name, 'web');
    const attempts = attemptsOf(sim, getWeb);
    assert.deepEqual(attempts.map((a) => [a.status, a.attempt]), [[429, 1], [200, 2]]);
    assert.ok(Date.now() - started >= 950, `waited only ${Date.now() - started} ms`);
  });

  it('429 without Retry-After is not retried', async () => {
    const sim = await simWith([{ method: 'GET', path: getWeb, occurrences: [1], status: 429 }]);
    await assert.rejects(sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.get('rg-test', 'web'), (e: { statusCode?: number; code?: string }) => e.statusCode === 429 && e.code === 'TooManyRequests');
    assert.equal(attemptsOf(sim, getWeb).length, 1);
  });

  it('5xx answers are retried with backoff until one succeeds', async () => {
    const sim = await simWith([{ method: 'GET', path: getWeb, occurrences: [1, 2], status: 503 }, { method: 'GET', path: getWeb, occurrences: [3], status: 500 }]);
    const set = await sdkClients(sim, 'memory', { maxRetries: 3, retryDelayInMs: 20, maxRetryDelayInMs: 200 }).compute(sub1).virtualMachineScaleSets.get('rg-test', 'web');
    assert.equal(set.name, 'web');
    const attempts = attemptsOf(sim, getWeb);
    assert.deepEqual(attempts.map((a) => a.status), [503, 503, 500, 200]);
    const gaps = attempts.slice(1).map((a, i) => Date.parse(a.realTime) - Date.parse(attempts[i].realTime));
    assert.ok(gaps.every((g) => g >= 5), `no backoff between retries: ${gaps.join(', ')} ms`);
  });

  it('5xx beyond maxRetries rejects with the last error', async () => {
    const sim = await simWith([{ method: 'GET', path: getWeb, status: 500 }]);
    await assert.rejects(sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.get('rg-test', 'web'), (e: { statusCode?: number }) => e.statusCode === 500);
    assert.equal(attemptsOf(sim, getWeb).length, 4);
  });

  for (const transport of ['https', 'memory'] as const) {
    it(`a dropped connection is retried (${transport})`, async () => {
      const sim = await simWith([{ method: 'GET', path: getWeb, occurrences: [1], drop: true }], { listen: transport === 'https' });
      const clients = sdkClients(sim, transport);
      try {
        const set = await clients.compute(sub1).virtualMachineScaleSets.get('rg-test', 'web');
        assert.equal(set.name, 'web');
        assert.deepEqual(attemptsOf(sim, getWeb).map((a) => a.status), ['dropped', 200]);
      } finally {
        clients.close();
        await sim.stop();
      }
    });
  }

  it('a POST is retried too: a dropped reimage means a second POST', async () => {
    const sim = await simWith([{ method: 'POST', path: '/reimage$', occurrences: [1], drop: true }]);
    await sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSetVMs.reimage('rg-test', 'web', '0', poll).pollUntilDone();
    assert.deepEqual(attemptsOf(sim, '/reimage$').map((a) => a.status), ['dropped', 202]);
  });

  it('a failed LRO rejects with its error code; the request itself was accepted', async () => {
    const sim = await simWith([{ method: 'POST', path: '/reimage$', failOperation: { code: 'InternalExecutionError', message: 'Disk replacement failed.' } }]);
    await assert.rejects(sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSetVMs.reimage('rg-test', 'web', '1', poll).pollUntilDone(), /InternalExecutionError/);
    assert.equal(attemptsOf(sim, '/reimage$')[0].status, 202);
  });

  it('slow responses are delayed by delayMs', async () => {
    const sim = await simWith([{ method: 'GET', path: getWeb, delayMs: 150 }]);
    const started = Date.now();
    await sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSets.get('rg-test', 'web');
    assert.ok(Date.now() - started >= 145);
  });

  for (const transport of ['memory', 'https'] as const) {
    it(`a delayed answer is the state when the request was handled, not after its delay (${transport})`, async () => {
      const sim = await simWith([{ method: 'GET', path: getWeb, delayMs: 300 }], { listen: transport === 'https' });
      try {
        const reading = sdkClients(sim, transport).compute(sub1).virtualMachineScaleSets.get('rg-test', 'web');
        await waitUntil(() => attemptsOf(sim, getWeb).length > 0);
        const patched = await rawCall(sim, 'PATCH', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`, { body: { tags: { changed: 'during the delay' } } });
        assert.ok(patched.status === 200 || patched.status === 202, `PATCH answered ${patched.status}`);
        assert.equal((await reading).tags?.changed, undefined, 'the read was answered as handled, before the PATCH (the delay is the network)');
      } finally {
        await sim.stop();
      }
    });
  }

  it('with latency, a new connection\'s first request waits two round trips more (TCP and TLS handshakes), one opened before does not', async () => {
    const roundTrip = 200;
    const sim = await Simulator.start({ listen: true, clock: new StepClock(1_000), scenario: { ...scenario([scaleSet('web', 1)]), latencyMs: roundTrip } });
    const agent = new https.Agent({ keepAlive: true, ca: sim.ca! });
    const url = `${sim.url}/metadata/endpoints?api-version=2022-09-01`;
    const timed = (options: https.RequestOptions) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        https.get(url, options, (res) => res.resume().on('end', () => resolve(performance.now() - started))).on('error', reject);
      });
    try {
      const onNew = await timed({ agent });
      assert.ok(onNew >= 3 * roundTrip - 10, `the first request on a new connection took ${onNew.toFixed(0)} ms: TCP, TLS and the request, three round trips`);
      const reused = await timed({ agent });
      assert.ok(reused >= roundTrip - 10 && reused < 2 * roundTrip, `a request on an open connection took ${reused.toFixed(0)} ms: one round trip`);
      // A connection opened well before its first request: its handshakes are long done.
      const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(sim.url).port), ca: sim.ca! });
      await new Promise((resolve) => socket.once('secureConnect', resolve));
      await new Promise((resolve) => setTimeout(resolve, 2 * roundTrip + 50));
      const onOpenedAhead = await timed({ createConnection: () => socket });
      assert.ok(onOpenedAhead < 2 * roundTrip, `the first request on a connection opened ahead took ${onOpenedAhead.toFixed(0)} ms: its handshakes were done`);
    } finally {
      agent.destroy();
      await sim.stop();
    }
  });

  it('faults by rate are reproducible for a seed', async () => {
    const statuses = async (seed: number) => {
      const sim = await simWith([{ method: 'GET', path: getWeb, rate: 0.5, status: 503 }], { seed });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await rawCall(sim, 'GET', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`)).status);
      return out;
    };
    const a = await statuses(11);
    assert.deepEqual(await statuses(11), a);
    assert.ok(a.includes(503) && a.includes(200));
    assert.notDeepEqual(await statuses(12), a);
  });

  it('Compute budgets report what is left and answer 429 OperationNotAllowed with Retry-After once spent', async () => {
    const sim = await simWith([], { clock: new ManualClock(), budgets: [{ name: 'Microsoft.Compute/HighCostGet3Min', windowSeconds: 180, limit: 3, method: 'GET' }] });
    const path = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;
    const left: string[] = [];
    for (let i = 0; i < 3; i++) left.push((await rawCall(sim, 'GET', path)).headers['x-ms-ratelimit-remaining-resource']);
    assert.deepEqual(left, ['Microsoft.Compute/HighCostGet3Min;2', 'Microsoft.Compute/HighCostGet3Min;1', 'Microsoft.Compute/HighCostGet3Min;0']);
    const throttled = await rawCall(sim, 'GET', path);
    assert.equal(throttled.status, 429);
    assert.equal((throttled.body as { error: { code: string } }).error.code, 'OperationNotAllowed');
    assert.equal(throttled.headers['retry-after'], '180');
    const post = await rawCall(sim, 'GET', `/subscriptions/${sub1}/providers/Microsoft.Compute/virtualMachineScaleSets`);
    assert.equal(post.status, 429, 'the budget counts every Compute GET');
    assert.equal((await rawCall(sim, 'GET', '/subscriptions', { apiVersion: '2022-12-01' })).status, 200, 'non-Compute calls are not in the budget');
  });

  it('budgets count per subscription, are reported on refusals too, and a 429 lists every exhausted policy (learn: Troubleshooting API throttling errors)', async () => {
    const budgets: Budget[] = [
      { name: 'Microsoft.Compute/GetVMScaleSet3Min', windowSeconds: 180, limit: 2, method: 'GET' },
      { name: 'Microsoft.Compute/GetVMScaleSet30Min', windowSeconds: 1800, limit: 2, method: 'GET' },
    ];
    const sim = await simWith([], { clock: new ManualClock(), budgets });
    const web = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;
    assert.equal((await rawCall(sim, 'GET', web)).status, 200);
    const missing = await rawCall(sim, 'GET', `${web}/virtualMachines/99`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['x-ms-ratelimit-remaining-resource'], 'Microsoft.Compute/GetVMScaleSet3Min;0,Microsoft.Compute/GetVMScaleSet30Min;0', 'a refused call is counted and reported');
    const otherSubscription = await rawCall(sim, 'GET', `/subscriptions/${sub2}/providers/Microsoft.Compute/virtualMachineScaleSets`);
    assert.equal(otherSubscription.status, 200, 'another subscription has its own budget');
    assert.equal(otherSubscription.headers['x-ms-ratelimit-remaining-resource'], 'Microsoft.Compute/GetVMScaleSet3Min;1,Microsoft.Compute/GetVMScaleSet30Min;1');
    const throttled = await rawCall(sim, 'GET', web);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '1800', 'the longest wait of the spent policies');
    assert.equal(throttled.headers['x-ms-ratelimit-remaining-resource'], 'Microsoft.Compute/GetVMScaleSet3Min;0,Microsoft.Compute/GetVMScaleSet30Min;0');
    const details = (throttled.body as { error: { details: { code: string; target: string; message: string }[] } }).error.details;
    assert.deepEqual(details.map((d) => [d.code, d.target]), [['TooManyRequests', 'GetVMScaleSet3Min'], ['TooManyRequests', 'GetVMScaleSet30Min']]);
    assert.deepEqual(JSON.parse(details[1].message), { operationGroup: 'GetVMScaleSet30Min', startTime: '2026-11-01T07:30:00.0000000+00:00', endTime: '2026-11-01T08:00:00.0000000+00:00', allowedRequestCount: 2, measuredRequestCount: 3 });
  });

  it('the SDK waits out a spent budget (Retry-After in real seconds at the time scale)', async () => {
    const sim = await simWith([], { clock: new ScaledClock(120), budgets: [{ name: 'Microsoft.Compute/HighCostGet3Min', windowSeconds: 60, limit: 1, method: 'GET' }] });
    const compute = sdkClients(sim, 'memory').compute(sub1);
    await compute.virtualMachineScaleSets.get('rg-test', 'web');
    const again = await compute.virtualMachineScaleSets.get('rg-test', 'web');
    assert.equal(again.name, 'web');
    assert.deepEqual(attemptsOf(sim, getWeb).map((a) => a.status), [200, 429, 200]);
  });
});
