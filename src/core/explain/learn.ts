// The Learn pages the failure catalogue cites (read for this work; our own words in the catalogue).
export interface LearnPage {
  readonly title: string;
  readonly url: string;
}

export const learn = {
  automaticUpgrade: { title: 'Azure Virtual Machine Scale Set automatic OS image upgrades', url: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-automatic-upgrade' },
  rollingUpgrades: { title: 'Configure rolling upgrades on Virtual Machine Scale Sets', url: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-configure-rolling-upgrades' },
  rollingPolicy: { title: 'RollingUpgradePolicy (Compute REST API: maxUnhealthyInstancePercent, maxUnhealthyUpgradedInstancePercent)', url: 'https://learn.microsoft.com/rest/api/compute/virtual-machine-scale-sets/create-or-update#rollingupgradepolicy' },
  getLatest: { title: 'Virtual Machine Scale Set Rolling Upgrades - Get Latest', url: 'https://learn.microsoft.com/rest/api/compute/virtual-machine-scale-set-rolling-upgrades/get-latest' },
  azRollingUpgrade: { title: 'az vmss rolling-upgrade (cancel, get-latest, start)', url: 'https://learn.microsoft.com/cli/azure/vmss/rolling-upgrade' },
  healthExtension: { title: 'Using Application Health extension with Virtual Machine Scale Sets', url: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-health-extension' },
  allocation: { title: 'Fix AllocationFailed or ZonalAllocationFailed errors when you create, restart, or resize Virtual Machine Scale Sets', url: 'https://learn.microsoft.com/troubleshoot/azure/virtual-machine-scale-sets/allocationfailed-or-zonalallocationfailed' },
  quotas: { title: 'Azure Quotas overview', url: 'https://learn.microsoft.com/azure/quotas/quotas-overview' },
  extensionSequencing: { title: 'Sequence extension provisioning in Virtual Machine Scale Sets', url: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-extension-sequencing' },
  maintenanceConfigurations: { title: 'Managing VM updates with Maintenance Configurations (OS image scope)', url: 'https://learn.microsoft.com/azure/virtual-machines/maintenance-configurations' },
  osUpgradeHistory: { title: 'Virtual Machine Scale Sets - Get OS Upgrade History', url: 'https://learn.microsoft.com/rest/api/compute/virtual-machine-scale-sets/get-os-upgrade-history' },
} as const satisfies Record<string, LearnPage>;
