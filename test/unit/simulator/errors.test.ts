// Every bad input gets Azure's ARM error (code and status) and changes nothing.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, sdkClients, type Clients } from './helpers/clients';
import { ManualClock } from './helpers/clocks';
import { errorCode, rawCall, snapshot, type RawOptions } from './helpers/rawCall';
import { image, scaleSet, scenario, sub1 } from './helpers/scenarios';

const rg = `/subscriptions/${sub1}/resourceGroups/rg-test`;
const vmss = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/web`;

describe('simulator ARM errors (a refused request changes nothing)', () => {
  let sim: Simulator;

  before(async () => {
    sim = await Simulator.start({
      listen: false,
      clock: new ManualClock(),
      scenario: scenario(
        [
          scaleSet('web', 5, { upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 20 } } }),
          scaleSet('bare', 2, { healthSignal: { kind: 'none' } }),
          scaleSet('pinned', 2, { image: { ...image, version: '1.0.0' } }),
        ],
        { loadBalancers: [{ subscriptionId: sub1, resourceGroup: 'rg-test', name: 'lb-basic', location: 'westeurope', sku: 'Basic', probes: ['http'] }] },
      ),
    });
  });

  async function refused(method: string, path: string, options: RawOptions, status: number, code: string): Promise<void> {
    const before = snapshot(sim);
    const res = await rawCall(sim, method, path, options);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);
    assert.equal(errorCode(res), code);
    assert.ok((res.body as { error: { message: string } }).error.message.length > 0);
    assert.equal(snapshot(sim), before, 'state changed');
  }

  const patch = (properties: unknown) => ({ body: { properties } });
  const rolling = (policy: Record<string, unknown>) => patch({ upgradePolicy: { rollingUpgradePolicy: policy } });

  it('401 AuthenticationFailed without a bearer token, InvalidAuthenticationToken with a malformed one', async () => {
    await refused('GET', vmss, { headers: { authorization: '' } }, 401, 'AuthenticationFailed');
    await refused('GET', vmss, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }, 401, 'InvalidAuthenticationToken');
    await refused('PATCH', vmss, { headers: { authorization: 'Bearer' }, ...rolling({ maxBatchInstancePercent: 50 }) }, 401, 'InvalidAuthenticationToken');
  });

  it('400 MissingApiVersionParameter / InvalidApiVersionParameter', async () => {
    await refused('GET', vmss, { apiVersion: null }, 400, 'MissingApiVersionParameter');
    await refused('GET', vmss, { apiVersion: 'latest' }, 400, 'InvalidApiVersionParameter');
  });

  it('404 for unknown routes, subscriptions, resource groups, scale sets and instances; 405 for a wrong method', async () => {
    await refused('GET', `${vmss}/somethingElse`, {}, 404, 'NotFound');
    await refused('GET', `/subscriptions/99999999-9999-4999-8999-999999999999/providers/Microsoft.Compute/virtualMachineScaleSets`, {}, 404, 'SubscriptionNotFound');
    await refused('GET', `/subscriptions/${sub1}/resourceGroups/rg-none/providers/Microsoft.Compute/virtualMachineScaleSets`, {}, 404, 'ResourceGroupNotFound');
    await refused('GET', `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/nope`, {}, 404, 'ResourceNotFound');
    await refused('GET', `${vmss}/virtualMachines/42`, {}, 404, 'NotFound');
    await refused('DELETE', `${vmss}/rollingUpgrades/latest`, {}, 405, 'MethodNotAllowed');
    await refused('GET', `${vmss}/rollingUpgrades/latest`, {}, 404, 'NotFound');
    await refused('GET', `/subscriptions/${sub1}/providers/Microsoft.Compute/locations/westeurope/publishers/Nobody/artifacttypes/vmimage/offers/x/skus/y/versions`, {}, 404, 'NotFound');
  });

  it('paths match case-insensitively', async () => {
    const res = await rawCall(sim, 'GET', vmss.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'));
    assert.equal(res.status, 200);
  });

  it('400 InvalidRequestContent for malformed JSON', async () => {
    await refused('PATCH', vmss, { body: '{"properties": {' }, 400, 'InvalidRequestContent');
    await refused('POST', `${vmss}/manualupgrade`, { body: '[1,' }, 400, 'InvalidRequestContent');
  });

  it('400 InvalidParameter for rolling upgrade policy values out of range (5–100, 5–100, 0–100) and bad ISO 8601 pauses', async () => {
    for (const value of [4, 101, 20.5, '20']) await refused('PATCH', vmss, rolling({ maxBatchInstancePercent: value }), 400, 'InvalidParameter');
    for (const value of [4, 101]) await refused('PATCH', vmss, rolling({ maxUnhealthyInstancePercent: value }), 400, 'InvalidParameter');
    for (const value of [-1, 101]) await refused('PATCH', vmss, rolling({ maxUnhealthyUpgradedInstancePercent: value }), 400, 'InvalidParameter');
    for (const value of ['30s', 'PT', 'P1M', 'PT1H30', 5]) await refused('PATCH', vmss, rolling({ pauseTimeBetweenBatches: value }), 400, 'InvalidParameter');
    await refused('PATCH', vmss, patch({ upgradePolicy: { mode: 'Sometimes' } }), 400, 'InvalidParameter');
    const res = await rawCall(sim, 'PATCH', vmss, rolling({ maxUnhealthyUpgradedInstancePercent: 0, pauseTimeBetweenBatches: 'PT1M30S', maxBatchInstancePercent: 5 }));
    assert.equal(res.status, 200, 'the limits themselves are accepted');
  });

  it('the target of an out-of-range error names the property', async () => {
    const res = await rawCall(sim, 'PATCH', vmss, rolling({ maxBatchInstancePercent: 120 }));
    assert.equal((res.body as { error: { target: string } }).error.target, 'rollingUpgradePolicy.maxBatchInstancePercent');
  });

  it('A3: 409 PropertyChangeNotAllowed when publisher or offer change; 404 PlatformImageNotFound for an unknown version', async () => {
    const imageRef = (ref: Record<string, string>) => patch({ virtualMachineProfile: { storageProfile: { imageReference: ref } } });
    await refused('PATCH', vmss, imageRef({ publisher: 'MicrosoftWindowsServer' }), 409, 'PropertyChangeNotAllowed');
    await refused('PATCH', vmss, imageRef({ offer: 'other-offer' }), 409, 'PropertyChangeNotAllowed');
    await refused('PATCH', vmss, imageRef({ version: '9.9.9' }), 404, 'PlatformImageNotFound');
  });

  it('A1/R15/H2/R10: automatic upgrades and Rolling mode need a health signal and version latest; probes must exist; multiple placement groups need a Standard LB', async () => {
    const bare = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/bare`;
    const pinned = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/pinned`;
    // Compute's code for these is BadRequest (see FIDELITY.md), not InvalidParameter.
    await refused('PATCH', bare, patch({ upgradePolicy: { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } }), 400, 'BadRequest');
    await refused('PATCH', pinned, patch({ upgradePolicy: { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } }), 400, 'BadRequest');
    await refused('PATCH', bare, patch({ upgradePolicy: { mode: 'Rolling' } }), 400, 'BadRequest');
    const probe = (name: string) => ({ virtualMachineProfile: { networkProfile: { healthProbe: { id: `${rg}/providers/Microsoft.Network/loadBalancers/lb-basic/probes/${name}` } } } });
    await refused('PATCH', bare, patch(probe('missing')), 400, 'InvalidResourceReference');
    await refused('PATCH', bare, patch({ ...probe('http'), singlePlacementGroup: false }), 400, 'InvalidParameter');
    // H3: probe and extension together are one health source too many.
    await refused('PATCH', vmss, patch(probe('http')), 400, 'InvalidParameter');
    // Compute's messages for automatic OS upgrades: no health signal, or two.
    const message = async (path: string, properties: unknown) => ((await rawCall(sim, 'PATCH', path, patch(properties))).body as { error: { message: string } }).error.message;
    const auto = { upgradePolicy: { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } };
    assert.match(await message(bare, auto), /^Automatic OS Upgrade is not supported .* health probe or health extension was not specified\.$/);
    await refused('PATCH', vmss, patch({ ...probe('http'), ...auto }), 400, 'BadRequest');
    assert.match(await message(vmss, { ...probe('http'), ...auto }), /both a health probe and a health extension were provided/);
    assert.match(await message(bare, { upgradePolicy: { mode: 'Rolling' } }), /^Rolling Upgrade mode is not supported .* health probe or health extension was not provided\.$/);
  });

  it('412 PreconditionFailed on an ETag mismatch; the matching ETag is accepted', async () => {
    const current = await rawCall(sim, 'GET', vmss);
    const etag = current.headers.etag;
    assert.match(etag, /^"\d+"$/);
    assert.equal((current.body as { etag: string }).etag, etag);
    await refused('PATCH', vmss, { headers: { 'if-match': '"999"' }, body: { tags: { a: 'b' } } }, 412, 'PreconditionFailed');
    await refused('PUT', vmss, { headers: { 'if-none-match': '*' }, body: { location: 'westeurope', properties: {} } }, 412, 'PreconditionFailed');
    const ok = await rawCall(sim, 'PATCH', vmss, { headers: { 'if-match': etag }, body: { tags: { a: 'b' } } });
    assert.equal(ok.status, 200);
    assert.notEqual(ok.headers.etag, etag);
  });

  it('manualupgrade and reimage validate instance ids and versions', async () => {
    await refused('POST', `${vmss}/manualupgrade`, {}, 400, 'InvalidParameter');
    await refused('POST', `${vmss}/manualupgrade`, { body: { instanceIds: [] } }, 400, 'InvalidParameter');
    await refused('POST', `${vmss}/manualupgrade`, { body: { instanceIds: ['0', '77'] } }, 400, 'InvalidParameter');
    await refused('POST', `${vmss}/virtualMachines/1/reimage`, { body: { exactVersion: '7.7.7' } }, 404, 'PlatformImageNotFound');
  });

  it('A4: 409 OperationNotAllowed for an OS rolling upgrade on a set pinned to an image version (no completed no-op run)', async () => {
    const pinned = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/pinned`;
    await refused('POST', `${pinned}/osRollingUpgrade`, {}, 409, 'OperationNotAllowed');
    const res = await rawCall(sim, 'POST', `${pinned}/osRollingUpgrade`);
    assert.match((res.body as { error: { message: string } }).error.message, /imageReference\.version set to latest/);
    await refused('GET', `${pinned}/rollingUpgrades/latest`, {}, 404, 'NotFound');
  });

  it('409 for a second rolling upgrade (RollingUpgradeInProgress) and for a cancel with none running', async () => {
    await refused('POST', `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/pinned/rollingUpgrades/cancel`, {}, 409, 'OperationNotAllowed');
    const first = await rawCall(sim, 'POST', `${vmss}/osRollingUpgrade`);
    assert.equal(first.status, 202);
    await refused('POST', `${vmss}/osRollingUpgrade`, {}, 409, 'RollingUpgradeInProgress');
  });

  it('Resource Graph answers 400 BadRequest/InvalidQuery for queries it does not understand', async () => {
    for (const query of ['Resources | summarize count() by type', "ResourceContainers | where type =~ 'x'", "Resources | where name contains 'web'", "Resources | where type =~ 'unterminated"]) {
      const before = snapshot(sim);
      const res = await rawCall(sim, 'POST', '/providers/Microsoft.ResourceGraph/resources', { apiVersion: '2021-06-01-preview', body: { query } });
      assert.equal(res.status, 400, query);
      assert.equal(errorCode(res), 'BadRequest');
      assert.equal((res.body as { error: { details: { code: string }[] } }).error.details[0].code, 'InvalidQuery');
      assert.equal(snapshot(sim), before);
    }
  });

  it('refuses requests that do not come from 127.0.0.1', async () => {
    await refused('GET', vmss, { remoteAddress: '10.0.0.5' }, 403, 'Forbidden');
  });

  describe('through the SDK', () => {
    let clients: Clients;
    before(() => (clients = sdkClients(sim, 'memory')));

    it('errors surface as RestError with code and statusCode', async () => {
      await assert.rejects(clients.compute(sub1).virtualMachineScaleSets.get('rg-test', 'nope'), (e: { code?: string; statusCode?: number }) => e.code === 'ResourceNotFound' && e.statusCode === 404);
      await assert.rejects(
        clients.compute(sub1).virtualMachineScaleSetRollingUpgrades.startOSUpgrade('rg-test', 'web', { updateIntervalInMs: 0 }).pollUntilDone(),
        (e: { code?: string; statusCode?: number }) => e.code === 'RollingUpgradeInProgress' && e.statusCode === 409,
      );
      await assert.rejects(collect(clients.compute(sub1).virtualMachineScaleSets.list('rg-none')), (e: { code?: string }) => e.code === 'ResourceGroupNotFound');
    });
  });
});
