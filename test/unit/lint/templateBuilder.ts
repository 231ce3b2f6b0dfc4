// Small synthetic templates for focused tests: one scale set, overridable where a test needs it.

export const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

export interface ScaleSetOptions {
  readonly apiVersion?: string;
  readonly name?: string;
  readonly upgradePolicy?: unknown;
  readonly imageReference?: unknown;
  readonly osProfile?: unknown;
  readonly extensions?: unknown;
  readonly networkProfile?: unknown;
  readonly extraProperties?: Record<string, unknown>;
}

export function scaleSet(options: ScaleSetOptions = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: options.apiVersion ?? '2024-07-01',
    name: options.name ?? 'web',
    location: 'westeurope',
    properties: {
      upgradePolicy: options.upgradePolicy ?? { mode: 'Automatic', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } },
      virtualMachineProfile: {
        storageProfile: { imageReference: options.imageReference ?? { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: 'latest' } },
        osProfile: options.osProfile ?? { computerNamePrefix: 'web', linuxConfiguration: {} },
        ...(options.networkProfile ? { networkProfile: options.networkProfile } : {}),
        extensionProfile: {
          extensions: options.extensions ?? [
            { name: 'health', properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthLinux', typeHandlerVersion: '2.0', settings: { port: 80 } } },
          ],
        },
      },
      ...options.extraProperties,
    },
  };
}

export function template(resources: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', ...extra, resources }, null, 2);
}
