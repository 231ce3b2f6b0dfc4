// The scenario format in TypeScript (scenario.schema.json is the authority; SCENARIOS.md explains it).
import type { FaultRule } from '../http/faults';
import type { ArmOperationKind, TokenBucket } from '../http/armRateLimits';
import type { Budget } from '../http/throttling';
import type { HealthState, PowerState } from '../state/model';

export type BehaviourSpec =
  | 'healthy'
  | 'neverHealthy'
  | 'noProbeAnswer'
  | { kind: 'healthy' | 'neverHealthy' | 'noProbeAnswer' }
  | { kind: 'slow'; seconds: number }
  | { kind: 'flaky'; unhealthyRatio: number; periodSeconds?: number }
  | { kind: 'unhealthyOnVersion'; version: string };

export interface InstanceSpec {
  /** A live set's id, kept by a snapshot (Uniform: a number; Flexible: the VM name). */
  instanceId?: string;
  zone?: string;
  updateDomain?: number;
  faultDomain?: number;
  powerState?: PowerState;
  health?: HealthState;
  extensionsFailed?: boolean;
  osVersion?: string;
  afterUpgrade?: BehaviourSpec;
}

export interface ScaleSetSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  orchestrationMode?: 'Uniform' | 'Flexible';
  vmSize?: string;
  osType?: 'Linux' | 'Windows';
  /** A platform image, or a gallery image (definition or version) / managed image id (O9). */
  image: { publisher: string; offer: string; sku: string; version?: string; id?: undefined } | { id: string; publisher?: undefined; offer?: undefined; sku?: undefined; version?: undefined };
  osVersion?: string;
  upgradePolicy?: Record<string, unknown>;
  healthSignal?: { kind: 'extension' } | { kind: 'probe'; loadBalancer: string; probe: string } | { kind: 'none' };
  extensions?: { name: string; publisher: string; type: string; typeHandlerVersion: string; settings?: Record<string, unknown> }[];
  singlePlacementGroup?: boolean;
  zones?: string[];
  updateDomains?: number;
  faultDomains?: number;
  dataDisks?: { lun: number; diskSizeGB: number }[];
  tags?: Record<string, string>;
  afterUpgrade?: BehaviourSpec;
  instances: { count: number; overrides?: Record<string, InstanceSpec>; scaleOut?: Record<string, { afterUpgrade?: BehaviourSpec }> };
}

export interface GalleryVersionSpec {
  version: string;
  publishedAtSeconds?: number;
  excludeFromLatest?: boolean;
  regions?: string[];
  provisioningState?: 'Succeeded' | 'Failed';
}

export interface GallerySpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  images: { name: string; osType?: 'Linux' | 'Windows'; hyperVGeneration?: 'V1' | 'V2'; identifier?: { publisher: string; offer: string; sku: string }; versions: (string | GalleryVersionSpec)[] }[];
}

export interface AlertSpec {
  atSeconds: number;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  scaleSet?: string;
  instanceId?: string;
  severity?: 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';
  resolveAfterSeconds?: number;
  signalType?: 'Metric' | 'Log' | 'Unknown';
  description?: string;
}

/** A scale set's Azure Monitor metric timeline (issue 16): from each point's time on, every one-minute sample has its value. */
export interface MetricSpec {
  subscriptionId: string;
  resourceGroup: string;
  scaleSet: string;
  /** The metric's REST name, e.g. `Percentage CPU`. */
  name: string;
  unit?: 'Count' | 'Bytes' | 'Seconds' | 'CountPerSecond' | 'BytesPerSecond' | 'Percent' | 'MilliSeconds' | 'Unspecified';
  points: { atSeconds: number; value: number }[];
}

export interface Scenario {
  name?: string;
  description?: string;
  seed?: number;
  timeScale?: number;
  startTime?: string;
  latencyMs?: number;
  timing?: Partial<Record<'modelUpdateSeconds' | 'instanceUpgradeSeconds' | 'healthGraceSeconds' | 'healthWaitSeconds' | 'healthCheckIntervalSeconds' | 'automaticUpgradeDelaySeconds' | 'firstRolloutDelaySeconds' | 'pageSize' | 'lroRetryAfterSeconds', number>>;
  tenants: { tenantId: string; displayName: string; defaultDomain?: string; countryCode?: string; tenantCategory?: string }[];
  subscriptions: { subscriptionId: string; displayName: string; tenantId: string; state?: string; tags?: Record<string, string> }[];
  resourceGroups?: { subscriptionId: string; name: string; location: string }[];
  images: { publisher: string; offer: string; sku: string; locations: string[]; versions: (string | { version: string; publishedAtSeconds?: number })[] }[];
  galleries?: GallerySpec[];
  managedImages?: { subscriptionId: string; resourceGroup: string; name: string; location: string; osType?: 'Linux' | 'Windows' }[];
  loadBalancers?: { subscriptionId: string; resourceGroup: string; name: string; location: string; sku: 'Standard' | 'Basic'; probes: string[] }[];
  scaleSets: ScaleSetSpec[];
  events?: { atSeconds: number; publishImage: { publisher: string; offer: string; sku: string; version: string; location?: string } }[];
  quotas?: { subscriptionId: string; location: string; cores: number }[];
  maintenanceConfigurations?: MaintenanceConfigurationSpec[];
  /** Azure Monitor alerts that fire at a time (issue 16): on a scale set (or one instance) or a resource group. */
  alerts?: AlertSpec[];
  /** Azure Monitor metric timelines of scale sets (issue 16), served by metrics:getBatch. */
  metrics?: MetricSpec[];
  faults?: FaultRule[];
  throttling?: { budgets?: Budget[]; arm?: Partial<Record<ArmOperationKind, TokenBucket>> };
}

/** A Microsoft.Maintenance configuration (default scope OSImage) and the scale sets it is assigned to. */
export interface MaintenanceConfigurationSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  maintenanceScope?: string;
  maintenanceWindow: { startDateTime: string; expirationDateTime?: string; duration: string; timeZone: string; recurEvery?: string };
  assignedTo?: string[];
}
