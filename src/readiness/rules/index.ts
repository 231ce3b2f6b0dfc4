// Every readiness rule, in report order.
import { r0PartialModel } from './r0PartialModel';
import { r10ProbeStandardLb } from './r10ProbeStandardLb';
import { r11ExpiringCredentials } from './r11ExpiringCredentials';
import { r12AutomaticUpgradeState } from './r12AutomaticUpgradeState';
import { r13SingleHealthSource } from './r13SingleHealthSource';
import { r14DiskEncryption } from './r14DiskEncryption';
import { r15RollingNeedsHealth } from './r15RollingNeedsHealth';
import { r16LegacyFlag } from './r16LegacyFlag';
import { r1ImageVersion } from './r1ImageVersion';
import { r2SupportedImage } from './r2SupportedImage';
import { r3HealthSignal } from './r3HealthSignal';
import { r4ApiVersion } from './r4ApiVersion';
import { r5WindowsAutomaticUpdates } from './r5WindowsAutomaticUpdates';
import { r6PatchMode } from './r6PatchMode';
import { r7ServiceFabricDurability } from './r7ServiceFabricDurability';
import { r8ServiceFabricExtensionVersion } from './r8ServiceFabricExtensionVersion';
import { r9ServiceFabricDurabilityMatch } from './r9ServiceFabricDurabilityMatch';
import { ra1RepairsNeedHealth } from './ra1RepairsNeedHealth';
import { rm1ManualMode } from './rm1ManualMode';
import { rp1RollingPolicyNames, rp2RollingPolicyRanges, rp3RollingPolicyPause } from './rollingPolicyChecks';
import type { ReadinessRule } from './rule';
import { rw1MaintenanceWindow } from './rw1MaintenanceWindow';
import { rf1FlexibleMaxSurge } from './rf1FlexibleMaxSurge';
import { rd1UpgradeDeferral } from './rd1UpgradeDeferral';

export const readinessRules: readonly ReadinessRule[] = [
  r0PartialModel,
  r1ImageVersion,
  r2SupportedImage,
  r3HealthSignal,
  r4ApiVersion,
  r5WindowsAutomaticUpdates,
  r6PatchMode,
  r7ServiceFabricDurability,
  r8ServiceFabricExtensionVersion,
  r9ServiceFabricDurabilityMatch,
  r10ProbeStandardLb,
  r11ExpiringCredentials,
  r12AutomaticUpgradeState,
  r13SingleHealthSource,
  r14DiskEncryption,
  r15RollingNeedsHealth,
  r16LegacyFlag,
  rp1RollingPolicyNames,
  rp2RollingPolicyRanges,
  rp3RollingPolicyPause,
  ra1RepairsNeedHealth,
  rm1ManualMode,
  rw1MaintenanceWindow,
  rf1FlexibleMaxSurge,
  rd1UpgradeDeferral,
];
