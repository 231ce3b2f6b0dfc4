// The live adapter (scale set as @azure/arm-compute 24.x returns it → ScaleSetModel) and the
// promise of design.md: the same scale set gives the same findings live and in a template.
import assert from 'node:assert/strict';
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { evaluateReadiness } from '../../../src/readiness/evaluateReadiness';
import { scaleSetModelFromLive, sdkComputeApiVersion } from '../../../src/readiness/fromLive';

const readyLinux: VirtualMachineScaleSet = {
  location: 'westeurope',
  name: 'web',
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web',
  upgradePolicy: {
    mode: 'Rolling',
    automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, useRollingUpgradePolicy: true },
    rollingUpgradePolicy: { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20, pauseTimeBetweenBatches: 'PT0S' },
  },
  virtualMachineProfile: {
    storageProfile: { imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: 'latest' } },
    osProfile: { linuxConfiguration: { patchSettings: { patchMode: 'ImageDefault' } } },
    extensionProfile: {
      extensions: [{ name: 'health', publisher: 'Microsoft.ManagedServices', typePropertiesType: 'ApplicationHealthLinux', typeHandlerVersion: '2.0', settings: { protocol: 'http', port: 80, requestPath: '/' } }],
    },
  },
};

function errorsOf(vmss: VirtualMachineScaleSet, facts = {}): string[] {
  return evaluateReadiness(scaleSetModelFromLive(vmss, facts))
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.rule);
}

describe('readiness: live scale set adapter (fromLive)', () => {
  it('judges a ready, enabled Linux set: no error, R12 reports the feature on', () => {
    const report = evaluateReadiness(scaleSetModelFromLive(readyLinux));
    assert.deepEqual(report.findings.filter((f) => f.severity !== 'information'), []);
    const r12 = report.findings.find((f) => f.rule === 'R12');
    assert.match(r12?.message ?? '', /is on/);
  });

  it('reads the flattened SDK model with SDK property paths as origins', () => {
    const model = scaleSetModelFromLive(readyLinux);
    assert.deepEqual(model.imageVersion, { state: 'set', value: 'latest', origin: { description: 'virtualMachineProfile.storageProfile.imageReference.version' } });
    assert.equal(model.extensions[0].type.state === 'set' && model.extensions[0].type.value, 'ApplicationHealthLinux');
    assert.equal(model.apiVersion.state === 'set' && model.apiVersion.value, sdkComputeApiVersion);
    assert.deepEqual(
      model.rollingUpgradePolicyProperties.map((p) => p.name),
      ['maxBatchInstancePercent', 'maxUnhealthyInstancePercent', 'maxUnhealthyUpgradedInstancePercent', 'pauseTimeBetweenBatches'],
    );
  });

  it('fails R3 and R15 without a health source, and R1 with a pinned version', () => {
    const unhealthy: VirtualMachineScaleSet = {
      ...readyLinux,
      virtualMachineProfile: {
        ...readyLinux.virtualMachineProfile,
        storageProfile: { imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: '22.04.202401010' } },
        extensionProfile: { extensions: [] },
      },
    };
    assert.deepEqual(errorsOf(unhealthy).sort(), ['R1', 'R15', 'R3']);
  });

  it('uses the caller-supplied load balancer SKU for R10 and the instance view for automatic repairs (RA1)', () => {
    const probeOnly: VirtualMachineScaleSet = {
      ...readyLinux,
      singlePlacementGroup: false,
      virtualMachineProfile: {
        ...readyLinux.virtualMachineProfile,
        networkProfile: { healthProbe: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb/probes/http' } },
        extensionProfile: { extensions: [] },
      },
    };
    assert.ok(errorsOf(probeOnly, { healthProbeLoadBalancerSku: null }).includes('R10'));
    assert.ok(!errorsOf(probeOnly, { healthProbeLoadBalancerSku: 'Standard' }).includes('R10'));
    const unread = evaluateReadiness(scaleSetModelFromLive(probeOnly)).findings.find((f) => f.rule === 'R10');
    assert.equal(unread?.kind, 'deployment-time');

    const noHealth: VirtualMachineScaleSet = { ...readyLinux, upgradePolicy: { mode: 'Manual' }, virtualMachineProfile: { ...readyLinux.virtualMachineProfile, extensionProfile: { extensions: [] } } };
    const repairsRunning = { instanceView: { orchestrationServices: [{ serviceName: 'AutomaticRepairs', serviceState: 'Running' }] } };
    assert.ok(errorsOf(noHealth, repairsRunning).includes('RA1'));
    assert.ok(!errorsOf(noHealth).includes('RA1'));
  });

  it('judges Service Fabric facts: extension version and durability against the supplied node type (R7–R9)', () => {
    const sf: VirtualMachineScaleSet = {
      ...readyLinux,
      upgradePolicy: { mode: 'Automatic' },
      virtualMachineProfile: {
        ...readyLinux.virtualMachineProfile,
        extensionProfile: {
          extensions: [{ name: 'sf', publisher: 'Microsoft.Azure.ServiceFabric', typePropertiesType: 'ServiceFabricLinuxNode', typeHandlerVersion: '1.0', settings: { durabilityLevel: 'Silver', nodeTypeRef: 'nt0' } }],
        },
      },
    };
    assert.deepEqual(errorsOf(sf, { serviceFabricNodeType: { name: 'nt0', durabilityLevel: 'Bronze' } }).sort(), ['R7', 'R8', 'R9']);
    assert.deepEqual(errorsOf(sf, { serviceFabricNodeType: { name: 'nt0', durabilityLevel: 'Silver' } }), ['R8']);
  });

  it('reports SAS URLs and storage keys in public extension settings (R11)', () => {
    const withScript: VirtualMachineScaleSet = {
      ...readyLinux,
      virtualMachineProfile: {
        ...readyLinux.virtualMachineProfile,
        extensionProfile: {
          extensions: [
            ...(readyLinux.virtualMachineProfile?.extensionProfile?.extensions ?? []),
            { name: 'script', publisher: 'Microsoft.Azure.Extensions', typePropertiesType: 'CustomScript', typeHandlerVersion: '2.1', settings: { fileUris: ['https://a.blob.core.windows.net/c/s.sh?sv=2020-08-04&se=2030-01-01&sig=abc'], storageAccountKey: 'k3y' } },
          ],
        },
      },
    };
    const r11 = evaluateReadiness(scaleSetModelFromLive(withScript)).findings.find((f) => f.rule === 'R11');
    assert.equal(r11?.severity, 'warning');
    assert.match(r11?.message ?? '', /SAS/);
    assert.match(r11?.message ?? '', /storageAccountKey/);
  });

  it('gives the same findings as the template linter for the same scale set', () => {
    const variants: VirtualMachineScaleSet[] = [
      readyLinux,
      { ...readyLinux, upgradePolicy: { mode: 'Manual' }, virtualMachineProfile: { ...readyLinux.virtualMachineProfile, extensionProfile: undefined } },
      {
        ...readyLinux,
        virtualMachineProfile: {
          ...readyLinux.virtualMachineProfile,
          storageProfile: { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2016-Datacenter', version: '14393.1' } },
          osProfile: { windowsConfiguration: { enableAutomaticUpdates: true, patchSettings: { patchMode: 'AutomaticByPlatform' } } },
        },
      },
    ];
    for (const vmss of variants) {
      const { id: _id, location, name, ...properties } = vmss;
      const template = {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [{ type: 'Microsoft.Compute/virtualMachineScaleSets', apiVersion: sdkComputeApiVersion, name, location, properties: toTemplateProperties(properties) }],
      };
      const fromTemplate = lintTemplateText(JSON.stringify(template, null, 2)).findings.map((f) => `${f.rule} ${f.severity} ${f.message}`).sort();
      const fromLive = evaluateReadiness(scaleSetModelFromLive(vmss)).findings.map((f) => `${f.rule} ${f.severity} ${f.message}`).sort();
      assert.deepEqual(fromLive, fromTemplate);
    }
  });

  it('R3/R15 on a Flexible set: only the Application Health extension counts, a load balancer probe does not (Learn: Orchestration modes; Configure rolling upgrades)', () => {
    const probeId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb/probes/http';
    const withProbe = (orchestrationMode: 'Uniform' | 'Flexible'): VirtualMachineScaleSet => ({
      ...readyLinux,
      orchestrationMode,
      virtualMachineProfile: { ...readyLinux.virtualMachineProfile, extensionProfile: { extensions: [] }, networkProfile: { healthProbe: { id: probeId } } },
    });
    const facts = { healthProbeLoadBalancerSku: 'Standard' };
    assert.deepEqual(errorsOf(withProbe('Uniform'), facts), []);
    const flexible = evaluateReadiness(scaleSetModelFromLive(withProbe('Flexible'), facts)).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(flexible.map((f) => f.rule).sort(), ['R15', 'R3']);
    assert.ok(flexible.every((f) => /Flexible/.test(f.message) && /Application Health extension/.test(f.message)));
    assert.deepEqual(errorsOf({ ...readyLinux, orchestrationMode: 'Flexible' }), [], 'the extension is enough on a Flexible set');
  });
});

/** The ARM shape of an SDK object: extension `typePropertiesType` is `properties.type` in a template. */
function toTemplateProperties(properties: Omit<VirtualMachineScaleSet, 'location' | 'name' | 'id'>): unknown {
  const profile = properties.virtualMachineProfile;
  return {
    ...properties,
    virtualMachineProfile: profile && {
      ...profile,
      extensionProfile: profile.extensionProfile && {
        extensions: (profile.extensionProfile.extensions ?? []).map(({ name, typePropertiesType, ...rest }) => ({ name, properties: { ...rest, type: typePropertiesType } })),
      },
    },
  };
}
