// The gateway's LRO helper (lroPolling.ts) against the simulator through the real SDK: polls wait through
// the injected sleep at the configured interval, a Retry-After on a poll response replaces that interval
// (as the SDK's own pollUntilDone does; azure-sdk.md), Retry-After: 0 does not, and the initial 202's
// Retry-After is not used for polls.
import * as assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ArmGateway } from '../../../src/azure/armGateway';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { parseRetryAfterMs } from '../../../src/azure/lroPolling';
import { staticTokenCredential } from '../../../src/cli/connect';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from '../simulator/helpers/clocks';
import { scaleSet, scenario, sub1 } from '../simulator/helpers/scenarios';

const ref = { subscriptionId: sub1, resourceGroup: 'rg-test', name: 'lro' };

/** Stands in for a server that sends Retry-After on LRO responses (operation polls, or the initial 202). */
function retryAfterOn(pattern: RegExp, value: string): PipelinePolicy {
  return {
    name: 'testRetryAfter',
    async sendRequest(request, next) {
      const response = await next(request);
      if (pattern.test(new URL(request.url).pathname) && (request.method === 'GET' || response.status === 202)) response.headers.set('retry-after', value);
      return response;
    },
  };
}

/**
 * `serverRetryAfterSeconds`: the simulator's own Retry-After (Compute sends 10; FIDELITY.md). 0 sends
 * `Retry-After: 0`, which the SDK ignores, so the tests of the client's interval see none.
 */
async function reimageWith(policies: PipelinePolicy[], serverRetryAfterSeconds = 0): Promise<{ sleeps: number[]; polls: number }> {
  const clock = new ManualClock();
  const base = scenario([scaleSet('lro', 2)]);
  const world = scenario([scaleSet('lro', 2)], { timing: { ...base.timing, lroRetryAfterSeconds: serverRetryAfterSeconds } });
  const sim = await Simulator.start({ scenario: world, listen: false, clock });
  try {
    const sleeps: number[] = [];
    const factory = createClientFactory(
      {
        credential: staticTokenCredential(),
        endpoint: sim.url,
        httpClient: sim.httpClient,
        policies,
        pollSleep: async (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
      },
      2000,
    );
    await new ArmGateway(factory).reimageInstances(ref, ['0', '1'], { exactVersion: '1.1.0' });
    const polls = sim.requests().filter((r) => /\/operations\//i.test(r.path)).length;
    assert.ok(sim.world.scaleSets[0].instances.every((i) => i.osImage.version === '1.1.0'), 'the LRO ran to its end');
    return { sleeps, polls };
  } finally {
    await sim.stop();
  }
}

describe('LRO polling: interval and Retry-After (real SDK → simulator)', () => {
  it('polls at the configured interval on the injected clock (the SDK default 2 s): a 60 s reimage is 31 status polls and the result read', async () => {
    const { sleeps, polls } = await reimageWith([]);
    assert.ok(sleeps.length > 0 && sleeps.every((ms) => ms === 2000), `sleeps ${sleeps.join(',')}`);
    // Status polls at 0, 2, …, 60 s (31), then the SDK reads the result from Location (1).
    assert.equal(polls, 32);
  });

  it("honours the server's Retry-After on poll responses instead of the fixed interval", async () => {
    const { sleeps, polls } = await reimageWith([retryAfterOn(/\/operations\//i, '15')]);
    assert.ok(sleeps.length > 0 && sleeps.every((ms) => ms === 15_000), `sleeps ${sleeps.join(',')}`);
    assert.equal(polls, 6, 'status polls at 0, 15, 30, 45, 60 s, then the result read');
  });

  it("honours the simulator's own Retry-After (Compute's 10 s) on its polls", async () => {
    const { sleeps, polls } = await reimageWith([], 10);
    assert.ok(sleeps.length > 0 && sleeps.every((ms) => ms === 10_000), `sleeps ${sleeps.join(',')}`);
    assert.equal(polls, 8, 'status polls at 0, 10, …, 60 s, then the result read');
  });

  it('Retry-After: 0 keeps the interval (as the SDK does)', async () => {
    const { sleeps } = await reimageWith([retryAfterOn(/\/operations\//i, '0')]);
    assert.ok(sleeps.every((ms) => ms === 2000), `sleeps ${sleeps.join(',')}`);
  });

  it("the initial 202's Retry-After is not a poll interval (the SDK ignores it too)", async () => {
    const { sleeps } = await reimageWith([retryAfterOn(/\/reimage$/i, '30')]);
    assert.ok(sleeps.every((ms) => ms === 2000), `sleeps ${sleeps.join(',')}`);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfterMs('7'), 7000);
    assert.equal(parseRetryAfterMs('Sun, 01 Nov 2026 00:00:10 GMT', Date.parse('2026-11-01T00:00:00Z')), 10_000);
    assert.equal(parseRetryAfterMs(undefined), undefined);
    assert.equal(parseRetryAfterMs('soon'), undefined);
  });
});
