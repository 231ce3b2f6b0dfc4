// What the readiness fixes write into a scale set resource, the same in an ARM template and in a
// Bicep file: the property paths below the resource and the Application Health extension's
// value. How the text is edited differs per language (quickFixEdits.ts for JSON,
// src/bicep/bicepQuickFixes.ts for Bicep).

/** A value a fix writes: what both JSON and Bicep can spell as a literal. */
export type FixLiteral = string | number | boolean | FixLiteral[] | { [key: string]: FixLiteral };

const profile = ['properties', 'virtualMachineProfile'];

/** The property paths the fix intents (src/readiness/fixIntents.ts) write, from the resource down. */
export const fixPaths = {
  imageVersion: [...profile, 'storageProfile', 'imageReference', 'version'],
  windowsAutomaticUpdates: [...profile, 'osProfile', 'windowsConfiguration', 'enableAutomaticUpdates'],
  automaticOSUpgradePolicy: ['properties', 'upgradePolicy', 'automaticOSUpgradePolicy'],
  extensions: [...profile, 'extensionProfile', 'extensions'],
} as const;

/** The Application Health extension R3's fix adds (r3HealthSignal.ts): HTTP on port 80, path `/`. */
export function applicationHealthExtension(os: 'Windows' | 'Linux'): FixLiteral {
  return {
    name: 'HealthExtension',
    properties: {
      publisher: 'Microsoft.ManagedServices',
      type: `ApplicationHealth${os}`,
      typeHandlerVersion: '2.0',
      autoUpgradeMinorVersion: true,
      settings: { protocol: 'http', port: 80, requestPath: '/' },
    },
  };
}
