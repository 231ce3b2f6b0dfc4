// The ARM model (`properties`) of a scenario scale set: what a real deployment of such a set returns —
// OS profile, image, network (with the probe or a backend pool), extensions (the Application Health
// extension when the health signal is the extension), upgrade policy.
import { loadBalancerId, probeId } from '../state/ids';
import type { LoadBalancer } from '../state/model';
import type { ScaleSetSpec } from './scenarioTypes';

export function scaleSetProperties(spec: ScaleSetSpec, balancer: LoadBalancer | undefined, healthGraceSeconds: number): Record<string, unknown> {
  const osType = spec.osType ?? 'Linux';
  const windows = osType === 'Windows';
  const rg = `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroup}`;
  const probe = spec.healthSignal?.kind === 'probe' && balancer ? probeId(balancer, spec.healthSignal.probe) : undefined;
  const healthExtension =
    spec.healthSignal?.kind === 'extension'
      ? [
          {
            name: 'HealthExtension',
            properties: {
              publisher: 'Microsoft.ManagedServices',
              type: windows ? 'ApplicationHealthWindows' : 'ApplicationHealthLinux',
              typeHandlerVersion: '2.0',
              autoUpgradeMinorVersion: true,
              settings: { protocol: 'http', port: 80, requestPath: '/health', intervalInSeconds: 5, numberOfProbes: 1, gracePeriod: healthGraceSeconds },
            },
          },
        ]
      : [];
  const otherExtensions = (spec.extensions ?? []).map((e) => ({
    name: e.name,
    properties: { publisher: e.publisher, type: e.type, typeHandlerVersion: e.typeHandlerVersion, autoUpgradeMinorVersion: true, settings: e.settings ?? {} },
  }));
  const upgradePolicy = spec.upgradePolicy ?? { mode: 'Manual' };
  return {
    orchestrationMode: spec.orchestrationMode ?? 'Uniform',
    singlePlacementGroup: spec.singlePlacementGroup ?? true,
    platformFaultDomainCount: spec.zones && spec.zones.length > 0 ? 1 : (spec.faultDomains ?? 5),
    overprovision: false,
    doNotRunExtensionsOnOverprovisionedVMs: false,
    upgradePolicy: { ...upgradePolicy, automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: false, disableAutomaticRollback: false, ...((upgradePolicy.automaticOSUpgradePolicy as object | undefined) ?? {}) } },
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: spec.name.replace(/[^A-Za-z0-9-]/g, '').slice(0, 9),
        adminUsername: 'azureuser',
        ...(windows
          ? { windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: false } }
          : { linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true } }),
      },
      storageProfile: {
        imageReference: spec.image.id !== undefined ? { id: spec.image.id } : { publisher: spec.image.publisher, offer: spec.image.offer, sku: spec.image.sku, version: spec.image.version ?? 'latest' },
        osDisk: { osType, createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' }, diskSizeGB: windows ? 127 : 30 },
        dataDisks: (spec.dataDisks ?? []).map((d) => ({ lun: d.lun, createOption: 'Empty', caching: 'None', diskSizeGB: d.diskSizeGB, managedDisk: { storageAccountType: 'Premium_LRS' } })),
      },
      networkProfile: {
        ...(probe ? { healthProbe: { id: probe } } : {}),
        networkInterfaceConfigurations: [
          {
            name: `${spec.name}-nic`,
            properties: {
              primary: true,
              enableAcceleratedNetworking: false,
              ipConfigurations: [
                {
                  name: `${spec.name}-ipconfig`,
                  properties: {
                    primary: true,
                    subnet: { id: `${rg}/providers/Microsoft.Network/virtualNetworks/${spec.resourceGroup}-vnet/subnets/default` },
                    ...(balancer ? { loadBalancerBackendAddressPools: [{ id: `${loadBalancerId(balancer)}/backendAddressPools/${spec.name}-pool` }] } : {}),
                  },
                },
              ],
              networkSecurityGroup: { id: `${rg}/providers/Microsoft.Network/networkSecurityGroups/${spec.name}-nsg` },
            },
          },
        ],
      },
      extensionProfile: { extensions: [...healthExtension, ...otherExtensions] },
      securityProfile: { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
    },
  };
}
