// The readiness rules: number, stable code (spec/os-upgrades.md section R), default severity and
// documentation link. The extra checks the spec asks for beyond R1–R16 (rolling-policy names,
// ranges and pause, automatic repairs without health, Manual mode after enabling) get their own
// ids here (RP1–RP3, RA1, RM1) and codes; R0 marks resources the rules cannot judge.

export type Severity = 'error' | 'warning' | 'information';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'R0' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11' | 'R12' | 'R13' | 'R14' | 'R15' | 'R16'
  | 'RP1' | 'RP2' | 'RP3' | 'RA1' | 'RM1'
  | 'RW1' | 'RF1' | 'RD1';

export interface RuleInfo {
  readonly id: RuleId;
  readonly code: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly docUrl: string;
}

const docs = {
  automaticUpgrade: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-automatic-upgrade',
  rollingUpgrade: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-configure-rolling-upgrades',
  healthExtension: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-health-extension',
  upgradePolicy: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-upgrade-policy',
  automaticRepairs: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-automatic-instance-repairs',
  maintenanceControl: 'https://learn.microsoft.com/azure/virtual-machines/virtual-machine-scale-sets-maintenance-control-cli',
  maxSurge: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-maxsurge',
  automaticOsUpgradePolicy: 'https://learn.microsoft.com/javascript/api/@azure/arm-compute/automaticosupgradepolicy',
};

const rules: readonly RuleInfo[] = [
  { id: 'R0', code: 'vmss-not-a-full-model', title: 'Partial or update-only scale set resource', defaultSeverity: 'information', docUrl: docs.automaticUpgrade },
  { id: 'R1', code: 'vmss-image-version-latest', title: 'Image version is latest', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R2', code: 'vmss-image-supported', title: 'Image supports automatic OS upgrades', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R3', code: 'vmss-health-signal', title: 'Health signal configured', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R4', code: 'vmss-api-version', title: 'Compute API version 2018-10-01 or later', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R5', code: 'vmss-windows-automatic-updates', title: 'Windows Update turned off in the image', defaultSeverity: 'warning', docUrl: docs.automaticUpgrade },
  { id: 'R6', code: 'vmss-patch-mode', title: 'Guest patching does not compete with OS upgrades', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R7', code: 'vmss-sf-durability', title: 'Service Fabric durability Silver or Gold', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R8', code: 'vmss-sf-extension-version', title: 'Service Fabric extension 1.1 or later', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R9', code: 'vmss-sf-durability-match', title: 'Service Fabric durability matches the cluster', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R10', code: 'vmss-probe-standard-lb', title: 'Probe on a Standard load balancer with multiple placement groups', defaultSeverity: 'error', docUrl: docs.automaticUpgrade },
  { id: 'R11', code: 'vmss-expiring-credentials', title: 'Extensions do not depend on expiring credentials', defaultSeverity: 'warning', docUrl: docs.automaticUpgrade },
  { id: 'R12', code: 'vmss-auto-os-upgrade-state', title: 'Automatic OS image upgrade state', defaultSeverity: 'information', docUrl: docs.automaticUpgrade },
  { id: 'R13', code: 'vmss-single-health-source', title: 'One health source only', defaultSeverity: 'error', docUrl: docs.healthExtension },
  { id: 'R14', code: 'vmss-disk-encryption', title: 'Azure Disk Encryption extension', defaultSeverity: 'information', docUrl: docs.automaticUpgrade },
  { id: 'R15', code: 'vmss-rolling-needs-health', title: 'Rolling upgrade mode has a health signal', defaultSeverity: 'error', docUrl: docs.rollingUpgrade },
  { id: 'R16', code: 'vmss-legacy-auto-upgrade-flag', title: 'Legacy automaticOSUpgrade property', defaultSeverity: 'warning', docUrl: docs.automaticUpgrade },
  { id: 'RP1', code: 'vmss-rolling-policy-property', title: 'Rolling upgrade policy property names', defaultSeverity: 'error', docUrl: docs.rollingUpgrade },
  { id: 'RP2', code: 'vmss-rolling-policy-range', title: 'Rolling upgrade policy percentages in range', defaultSeverity: 'error', docUrl: docs.rollingUpgrade },
  { id: 'RP3', code: 'vmss-rolling-policy-pause', title: 'Rolling upgrade pause is an ISO 8601 duration', defaultSeverity: 'error', docUrl: docs.rollingUpgrade },
  { id: 'RA1', code: 'vmss-repairs-need-health', title: 'Automatic repairs have a health signal', defaultSeverity: 'error', docUrl: docs.automaticRepairs },
  { id: 'RM1', code: 'vmss-manual-mode-existing-instances', title: 'Manual upgrade mode leaves existing instances behind', defaultSeverity: 'information', docUrl: docs.upgradePolicy },
  { id: 'RW1', code: 'vmss-os-image-maintenance-window', title: 'OS image maintenance window: at least 5 hours, recurring daily', defaultSeverity: 'error', docUrl: docs.maintenanceControl },
  { id: 'RF1', code: 'vmss-flexible-maxsurge-auto-os-upgrade', title: 'Flexible set: automatic OS image upgrades and MaxSurge together', defaultSeverity: 'warning', docUrl: docs.maxSurge },
  { id: 'RD1', code: 'vmss-os-upgrade-deferral', title: 'Deferred automatic OS upgrades wait for an approval', defaultSeverity: 'warning', docUrl: docs.automaticOsUpgradePolicy },
];

export const ruleCatalog: ReadonlyMap<RuleId, RuleInfo> = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = ruleCatalog.get(id);
  if (!info) throw new Error(`unknown rule ${id}`);
  return info;
}

export function ruleByCode(code: string): RuleInfo | undefined {
  return rules.find((rule) => rule.code === code);
}

export const allRules: readonly RuleInfo[] = rules;
