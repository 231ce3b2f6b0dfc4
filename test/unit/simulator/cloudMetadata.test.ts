// ARM's cloud metadata, `GET /metadata/endpoints?api-version=2022-09-01` (routes/metadata.ts): answered
// without a token, outside ARM's per-principal throttling, with the object hashicorp/go-azure-sdk and
// `az cloud register` read — Resource Manager being the simulator itself. The extension opens its
// connections with it while the user signs in (issue 18).
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from './helpers/clocks';
import { errorCode, rawCall } from './helpers/rawCall';
import { scaleSet, scenario } from './helpers/scenarios';

describe("ARM's cloud metadata in the simulator (issue 18)", function () {
  this.timeout(30_000);

  it('answers without a token, with the cloud object whose Resource Manager is the simulator, and counts in no throttling bucket', async () => {
    const sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: scenario([scaleSet('web', 1)]) });
    try {
      const res = await rawCall(sim, 'GET', '/metadata/endpoints', { apiVersion: '2022-09-01', headers: { authorization: '' } });
      assert.equal(res.status, 200);
      const body = res.body as { name: string; resourceManager: string; authentication: { loginEndpoint: string; audiences: string[]; tenant: string; identityProvider: string }; suffixes: Record<string, string> };
      assert.equal(body.resourceManager, `${new URL(sim.url).origin}/`);
      assert.equal(body.name, 'AzureCloud');
      assert.deepEqual(body.authentication.audiences, ['https://management.core.windows.net/', 'https://management.azure.com/']);
      assert.equal(body.authentication.identityProvider, 'AAD');
      assert.equal(body.suffixes.keyVaultDns, 'vault.azure.net');
      assert.deepEqual(Object.keys(res.headers).filter((h) => h.startsWith('x-ms-ratelimit')), [], 'no principal, no bucket');
      // ARM's own endpoints still need a token.
      assert.equal((await rawCall(sim, 'GET', '/subscriptions', { apiVersion: '2022-12-01', headers: { authorization: '' } })).status, 401);
    } finally {
      await sim.stop();
    }
  });

  it('refuses other api-versions as ARM refuses them on its own endpoints, and a missing one', async () => {
    const sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: scenario([scaleSet('web', 1)]) });
    try {
      const old = await rawCall(sim, 'GET', '/metadata/endpoints', { apiVersion: '2019-05-01' });
      assert.equal(old.status, 400);
      assert.equal(errorCode(old), 'InvalidApiVersionParameter');
      assert.match((old.body as { error: { message: string } }).error.message, /supported versions are '2022-09-01'/);
      const missing = await rawCall(sim, 'GET', '/metadata/endpoints', { apiVersion: null });
      assert.equal(errorCode(missing), 'MissingApiVersionParameter');
      assert.equal((await rawCall(sim, 'POST', '/metadata/endpoints', { apiVersion: '2022-09-01' })).status, 405);
    } finally {
      await sim.stop();
    }
  });
});
