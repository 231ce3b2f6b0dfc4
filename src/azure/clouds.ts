// Resource Manager endpoints of the clouds we can sign in to, and the simulator's pseudo-cloud.
export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'Simulator';

export interface CloudEndpoint {
  readonly name: CloudName;
  readonly resourceManager: string;
  /** Sovereign clouds sign in through VS Code's `microsoft-sovereign-cloud` provider. */
  readonly authProvider: 'microsoft' | 'microsoft-sovereign-cloud' | 'none';
}

export const clouds: Record<CloudName, CloudEndpoint> = {
  AzureCloud: { name: 'AzureCloud', resourceManager: 'https://management.azure.com', authProvider: 'microsoft' },
  AzureChinaCloud: { name: 'AzureChinaCloud', resourceManager: 'https://management.chinacloudapi.cn', authProvider: 'microsoft-sovereign-cloud' },
  AzureUSGovernment: { name: 'AzureUSGovernment', resourceManager: 'https://management.usgovcloudapi.net', authProvider: 'microsoft-sovereign-cloud' },
  Simulator: { name: 'Simulator', resourceManager: 'https://127.0.0.1', authProvider: 'none' },
};

/** The token scope for a Resource Manager endpoint (e.g. https://management.azure.com/.default). */
export function managementScope(resourceManager: string): string {
  return `${resourceManager.replace(/\/+$/, '')}/.default`;
}
