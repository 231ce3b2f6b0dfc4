import * as assert from 'node:assert/strict';
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { fixes } from '../../../../src/readiness/fixIntents';
import { isLiveFix, liveFixUpdate, parseHealthEndpoint } from '../../../../src/commands/liveFixes';

const platformSet: VirtualMachineScaleSet = {
  location: 'westeurope',
  virtualMachineProfile: {
    storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '24.04.202501010' } },
    extensionProfile: { extensions: [{ name: 'CustomScript', publisher: 'Microsoft.Azure.Extensions', typePropertiesType: 'CustomScript', typeHandlerVersion: '2.1' }] },
    osProfile: { windowsConfiguration: { provisionVMAgent: true } },
  },
};

describe('live readiness fixes → PATCH of the scale set model', () => {
  it('R1: sets a pinned platform image to latest, keeping publisher, offer and sku', () => {
    const update = liveFixUpdate(fixes.setImageVersionLatest(), platformSet);
    assert.deepEqual(update?.virtualMachineProfile?.storageProfile?.imageReference, { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' });
  });

  it('R1: points a gallery image version at its image definition', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/web';
    const set = { location: 'x', virtualMachineProfile: { storageProfile: { imageReference: { id: `${id}/versions/1.2.3` } } } };
    assert.deepEqual(liveFixUpdate(fixes.setImageVersionLatest(), set)?.virtualMachineProfile?.storageProfile?.imageReference, { id });
  });

  it('R3/H3: appends the Application Health extension and keeps the existing extensions', () => {
    const update = liveFixUpdate(fixes.addHealthExtension('Linux'), platformSet, { protocol: 'http', port: 8080, requestPath: '/healthz' });
    const extensions = update?.virtualMachineProfile?.extensionProfile?.extensions ?? [];
    assert.deepEqual(extensions.map((e) => e.name), ['CustomScript', 'HealthExtension']);
    assert.equal(extensions[1].publisher, 'Microsoft.ManagedServices');
    assert.equal(extensions[1].typePropertiesType, 'ApplicationHealthLinux');
    assert.deepEqual(extensions[1].settings, { protocol: 'http', port: 8080, requestPath: '/healthz' });
  });

  it('R5: turns Windows automatic updates off and keeps the rest of windowsConfiguration', () => {
    const update = liveFixUpdate(fixes.disableWindowsAutomaticUpdates(), platformSet);
    assert.deepEqual(update?.virtualMachineProfile?.osProfile?.windowsConfiguration, { provisionVMAgent: true, enableAutomaticUpdates: false });
  });

  it('template-only fixes have no live form', () => {
    assert.equal(isLiveFix(fixes.raiseApiVersion()), false);
    assert.equal(liveFixUpdate(fixes.raiseApiVersion(), platformSet), undefined);
    assert.equal(isLiveFix(fixes.addHealthExtension('Windows')), true);
  });

  it('parses health endpoints and refuses malformed ones', () => {
    assert.deepEqual(parseHealthEndpoint('http:80/health'), { protocol: 'http', port: 80, requestPath: '/health' });
    assert.deepEqual(parseHealthEndpoint('HTTPS:443'), { protocol: 'https', port: 443, requestPath: '/' });
    assert.deepEqual(parseHealthEndpoint('tcp:22'), { protocol: 'tcp', port: 22 });
    for (const bad of ['tcp:22/x', 'http:0/', 'http:70000/', 'ftp:21', 'http80']) assert.equal(parseHealthEndpoint(bad), undefined, bad);
  });
});
