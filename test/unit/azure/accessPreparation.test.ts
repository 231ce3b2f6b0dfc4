// Issue 18: what the first load needs before it sends anything, made while the user signs in. An access
// prepares its gateways and SDK clients without a request or a token; the subscriptions' Compute clients of
// a tenant then share one pipeline, so their first calls ask the credential for one token, not one each.
import * as assert from 'node:assert/strict';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createAzureAccess } from '../../../src/connection/createAzureAccess';
import { simulatorCredential } from '../../../src/connection/simulatorCredential';
import { loadScenario, startSimulator, type Simulator } from '../../../src/simulator/simulator-entry';

/** The simulator's credential, counting the tokens asked for. */
function countingCredential(): TokenCredential & { readonly asked: number } {
  const credential = {
    asked: 0,
    async getToken(...args: Parameters<TokenCredential['getToken']>): Promise<AccessToken | null> {
      credential.asked++;
      return simulatorCredential.getToken(...args);
    },
  };
  return credential;
}

describe('an access prepared ahead of the first load (issue 18)', function () {
  this.timeout(30_000);
  let simulator: Simulator;
  const subscriptions = loadScenario('default').subscriptions.map((s) => s.subscriptionId);

  before(async () => {
    simulator = await startSimulator({ scenario: 'default', timeScale: 1, listen: false });
  });
  after(async () => {
    await simulator.stop();
  });

  function accessWith(credential: TokenCredential) {
    return createAzureAccess({
      cloud: 'Simulator',
      credentialFor: () => credential,
      clientOptions: { endpoint: simulator.url, httpClient: simulator.httpClient, allowedHosts: ['127.0.0.1'] },
    });
  }

  it('prepares without sending a request or asking for a token', () => {
    const credential = countingCredential();
    const before = simulator.requests().length;
    accessWith(credential).prepare!(subscriptions.map((subscriptionId) => ({ subscriptionId })));
    assert.equal(credential.asked, 0);
    assert.equal(simulator.requests().length, before);
  });

  it("a tenant's subscriptions share one Compute pipeline: their scale-set lists ask for one token", async () => {
    assert.ok(subscriptions.length >= 2, 'the default scenario has several subscriptions');
    for (const prepared of [true, false]) {
      const credential = countingCredential();
      const access = accessWith(credential);
      if (prepared) access.prepare!(subscriptions.map((subscriptionId) => ({ subscriptionId })));
      const lists = await Promise.all(subscriptions.map((id) => access.gateway().listScaleSets(id)));
      assert.ok(lists.some((sets) => sets.length > 0), 'the lists are read');
      assert.equal(credential.asked, 1, `one token for ${subscriptions.length} subscriptions (${prepared ? 'prepared' : 'not prepared'})`);
    }
  });
});
