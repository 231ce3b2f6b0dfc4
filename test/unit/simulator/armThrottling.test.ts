// Azure Resource Manager's own throttling (Learn, "Understand how Azure Resource Manager throttles
// requests": token buckets per subscription and per tenant — reads 250 refilled at 25/s, writes and
// deletes 200 at 10/s — reported in x-ms-ratelimit-remaining-{subscription|tenant}-{reads|writes|deletes},
// 429 with Retry-After once empty), ahead of Compute's own budgets (issue 12).
import { strict as assert } from 'node:assert';
import type { Scenario } from '../../../src/simulator/scenario/scenarioTypes';
import { Simulator } from '../../../src/simulator/simulator';
import { sdkClients } from './helpers/clients';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1, sub2 } from './helpers/scenarios';

const web = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;

function simWith(clock: ManualClock, arm?: NonNullable<Scenario['throttling']>['arm']): Promise<Simulator> {
  return Simulator.start({ listen: false, clock, scenario: scenario([scaleSet('web', 3)], arm ? { throttling: { arm } } : {}) });
}

describe("Azure Resource Manager's throttling in the simulator (issue 12)", function () {
  this.timeout(60_000);

  it('reports what is left per operation type and scope, from the documented bucket sizes', async () => {
    const sim = await simWith(new ManualClock());
    assert.equal((await rawCall(sim, 'GET', web)).headers['x-ms-ratelimit-remaining-subscription-reads'], '249');
    assert.equal((await rawCall(sim, 'GET', web)).headers['x-ms-ratelimit-remaining-subscription-reads'], '248');
    const patch = await rawCall(sim, 'PATCH', web, { body: { tags: { a: 'b' } } });
    assert.equal(patch.headers['x-ms-ratelimit-remaining-subscription-writes'], '199');
    assert.equal(patch.headers['x-ms-ratelimit-remaining-subscription-reads'], undefined, 'a write reports writes only');
    const other = await rawCall(sim, 'GET', `/subscriptions/${sub2}/providers/Microsoft.Compute/virtualMachineScaleSets`);
    assert.equal(other.headers['x-ms-ratelimit-remaining-subscription-reads'], '249', 'each subscription has its own bucket');
    const tenant = await rawCall(sim, 'GET', '/subscriptions', { apiVersion: '2022-12-01' });
    assert.equal(tenant.headers['x-ms-ratelimit-remaining-tenant-reads'], '249', 'listing subscriptions is a tenant-level request');
    await sim.stop();
  });

  it('an empty bucket answers 429 SubscriptionRequestsThrottled with Retry-After; other buckets still answer; time refills it', async () => {
    const clock = new ManualClock();
    const sim = await simWith(clock, { reads: { size: 2, refillPerSecond: 0.1 } });
    assert.equal((await rawCall(sim, 'GET', web)).status, 200);
    assert.equal((await rawCall(sim, 'GET', web)).status, 200);
    const throttled = await rawCall(sim, 'GET', web);
    assert.equal(throttled.status, 429);
    assert.equal((throttled.body as { error: { code: string } }).error.code, 'SubscriptionRequestsThrottled');
    assert.ok(Number(throttled.headers['retry-after']) >= 1);
    assert.equal(throttled.headers['x-ms-ratelimit-remaining-subscription-reads'], '0');
    assert.equal((await rawCall(sim, 'PATCH', web, { body: { tags: { a: 'b' } } })).status, 200, 'writes have their own bucket');
    assert.equal((await rawCall(sim, 'GET', `/subscriptions/${sub2}/providers/Microsoft.Compute/virtualMachineScaleSets`)).status, 200);
    clock.advance(10_000);
    assert.equal((await rawCall(sim, 'GET', web)).status, 200, '10 s at 0.1 a second is one token back');
    assert.equal((await rawCall(sim, 'GET', web)).status, 429);
    await sim.stop();
  });

  it('the real SDK waits out the Retry-After and gets its answer', async () => {
    const clock = new ManualClock();
    const sim = await simWith(clock, { reads: { size: 1, refillPerSecond: 1 } });
    const compute = sdkClients(sim, 'memory').compute(sub1);
    await compute.virtualMachineScaleSets.get('rg-test', 'web');
    // The bucket is empty; real time (at least the one-second Retry-After) refills it for the retry.
    const started = Date.now();
    const set = await compute.virtualMachineScaleSets.get('rg-test', 'web');
    assert.equal(set.name, 'web');
    assert.ok(Date.now() - started >= 900, 'the SDK waited for Retry-After');
    assert.deepEqual(sim.requests().filter((r) => /virtualMachineScaleSets\/web$/.test(r.path)).map((r) => r.status), [200, 429, 200]);
    await sim.stop();
  });
});
