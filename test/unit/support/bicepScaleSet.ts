// A Bicep file with one scale set that every readiness rule passes (image version latest, automatic OS
// upgrades with the rolling policy, the Application Health extension): the unit tests vary one thing
// at a time through `overrides`, the UI test (test/ui/bicep.test.ts) opens it with a pinned version.

export interface BicepScaleSetOverrides {
  /** The image version (default `latest`). */
  readonly version?: string;
  /** The upgrade policy mode (default `Rolling`). */
  readonly mode?: string;
  /** The apiVersion after `@` in the resource type (default `2024-07-01`). */
  readonly apiVersion?: string;
  /** Bicep text placed after `virtualMachineProfile`, inside `properties`. */
  readonly extra?: string;
}

export const readyBicepScaleSet = (overrides: BicepScaleSetOverrides = {}): string => `param location string = resourceGroup().location

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@${overrides.apiVersion ?? '2024-07-01'}' = {
  name: 'web'
  location: location
  sku: {
    name: 'Standard_D2s_v5'
    capacity: 3
  }
  properties: {
    orchestrationMode: 'Uniform'
    upgradePolicy: {
      mode: '${overrides.mode ?? 'Rolling'}'
      automaticOSUpgradePolicy: {
        enableAutomaticOSUpgrade: true
        useRollingUpgradePolicy: true
      }
    }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: {
          publisher: 'Canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts-gen2'
          version: '${overrides.version ?? 'latest'}'
        }
      }
      osProfile: {
        computerNamePrefix: 'web'
        adminUsername: 'azureuser'
        linuxConfiguration: {
          disablePasswordAuthentication: true
        }
      }
      extensionProfile: {
        extensions: [
          {
            name: 'health'
            properties: {
              publisher: 'Microsoft.ManagedServices'
              type: 'ApplicationHealthLinux'
              typeHandlerVersion: '2.0'
              settings: {
                protocol: 'http'
                port: 80
                requestPath: '/health'
              }
            }
          }
        ]
      }
    }${overrides.extra ?? ''}
  }
}
`;

