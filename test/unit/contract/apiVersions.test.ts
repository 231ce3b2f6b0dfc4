// Issue #12 item 3: the simulator accepts exactly the api-version of the spec file each path is
// described by (src/simulator/contract/*.json) and refuses any other as ARM does — a provider's type
// with 400 NoRegisteredProviderFound listing the supported api-versions, ARM's own endpoints with 400
// InvalidApiVersionParameter listing them (error texts: Azure/azure-cli#28496, ansible-collections/azure#1739).
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, sdkClients } from '../simulator/helpers/clients';
import { ManualClock } from '../simulator/helpers/clocks';
import { errorCode, rawCall } from '../simulator/helpers/rawCall';
import { scaleSet, scenario, sub1 } from '../simulator/helpers/scenarios';

const rg = `/subscriptions/${sub1}/resourceGroups/rg-test`;
const vmss = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/web`;

function message(res: { body?: unknown }): string {
  return (res.body as { error: { message: string } }).error.message;
}

describe('api-version: exactly the versions of the implemented spec files (issue #12)', () => {
  let sim: Simulator;

  before(async () => {
    sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: scenario([scaleSet('web', 2)]) });
  });

  after(async () => {
    await sim.stop();
  });

  it('refuses 2099-12-31 on a scale set with NoRegisteredProviderFound, naming the type and listing 2026-03-01', async () => {
    const res = await rawCall(sim, 'GET', vmss, { apiVersion: '2099-12-31' });
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), 'NoRegisteredProviderFound');
    assert.match(message(res), /API version '2099-12-31' for type 'virtualMachineScaleSets'\. The supported api-versions are '2026-03-01'\./);
  });

  it('refuses Compute 2026-03-01 on a gallery path (galleries are GalleryRP 2025-03-03) and lists 2025-03-03', async () => {
    const res = await rawCall(sim, 'GET', `${rg}/providers/Microsoft.Compute/galleries/gal/images/app/versions`, { apiVersion: '2026-03-01' });
    assert.equal(errorCode(res), 'NoRegisteredProviderFound');
    assert.match(message(res), /for type 'galleries\/images\/versions'\. The supported api-versions are '2025-03-03'\./);
  });

  it('names the location when the path has one (VM image versions)', async () => {
    const res = await rawCall(sim, 'GET', `/subscriptions/${sub1}/providers/Microsoft.Compute/locations/westeurope/publishers/p/artifacttypes/vmimage/offers/o/skus/s/versions`, { apiVersion: '2024-07-01' });
    assert.equal(errorCode(res), 'NoRegisteredProviderFound');
    assert.match(message(res), /^No registered resource provider found for location 'westeurope' and API version '2024-07-01'/);
  });

  it('refuses another version on the Flexible-set VM paths and the scale-set batch reimage, now that the description has them', async () => {
    const paths: Array<[string, string, string]> = [
      ['GET', `${rg}/providers/Microsoft.Compute/virtualMachines`, 'virtualMachines'],
      ['GET', `/subscriptions/${sub1}/providers/Microsoft.Compute/virtualMachines`, 'virtualMachines'],
      ['GET', `${rg}/providers/Microsoft.Compute/virtualMachines/vm1`, 'virtualMachines'],
      ['GET', `${rg}/providers/Microsoft.Compute/virtualMachines/vm1/instanceView`, 'virtualMachines/instanceView'],
      ['POST', `${rg}/providers/Microsoft.Compute/virtualMachines/vm1/reimage`, 'virtualMachines/reimage'],
      ['POST', `${vmss}/reimage`, 'virtualMachineScaleSets/reimage'],
    ];
    for (const [method, path, type] of paths) {
      const res = await rawCall(sim, method, path, { apiVersion: '2024-07-01' });
      assert.equal(errorCode(res), 'NoRegisteredProviderFound', `${method} ${path}`);
      assert.match(message(res), new RegExp(`for type '${type}'\\. The supported api-versions are '2026-03-01'\\.`), `${method} ${path}`);
    }
  });

  it("refuses other versions of ARM's own endpoints with InvalidApiVersionParameter listing 2022-12-01", async () => {
    for (const path of ['/subscriptions', `/subscriptions/${sub1}`, '/tenants']) {
      const res = await rawCall(sim, 'GET', path, { apiVersion: '2099-12-31' });
      assert.equal(res.status, 400, path);
      assert.equal(errorCode(res), 'InvalidApiVersionParameter', path);
      assert.equal(message(res), "The api-version '2099-12-31' is invalid. The supported versions are '2022-12-01'.");
    }
  });

  it('refuses a Resource Graph query at another version, listing 2021-06-01-preview', async () => {
    const res = await rawCall(sim, 'POST', '/providers/Microsoft.ResourceGraph/resources', { apiVersion: '2022-10-01', body: { query: 'Resources' } });
    assert.equal(errorCode(res), 'NoRegisteredProviderFound');
    assert.match(message(res), /for type 'resources'\. The supported api-versions are '2021-06-01-preview'\./);
  });

  it('accepts what the SDKs send: Compute 2026-03-01, galleries 2025-03-03, Subscriptions 2022-12-01, Resource Graph 2021-06-01-preview', async () => {
    const clients = sdkClients(sim, 'memory');
    const compute = clients.compute(sub1);
    assert.equal((await compute.virtualMachineScaleSets.get('rg-test', 'web')).name, 'web');
    await assert.rejects(compute.galleryImages.get('rg-test', 'nope', 'app'), (err: { code?: string }) => err.code === 'ResourceNotFound');
    assert.ok((await collect(clients.subscriptions().subscriptions.list())).length > 0);
    const graph = await clients.graph().resources({ query: "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets'", subscriptions: [sub1] });
    assert.equal(graph.totalRecords >= 1, true);
  });
});
