// The simulated world's data: tenants, subscriptions, load balancers, platform images and scale sets
// with their instances. Plain data; behaviour lives in engine/ and the routes.

import type { UpgradeRun } from './upgradeRun';

export type HealthState = 'healthy' | 'unhealthy' | 'initializing' | 'unknown';
export type PowerState = 'running' | 'stopped' | 'deallocated';
export type OrchestrationMode = 'Uniform' | 'Flexible';
export type OsType = 'Linux' | 'Windows';

/** How an instance behaves after its OS disk is replaced (scenario-defined). */
export type Behaviour =
  | { readonly kind: 'healthy' }
  /** Unhealthy on any OS version other than the one it started with (so a rollback heals it). */
  | { readonly kind: 'neverHealthy' }
  /** Unhealthy until `seconds` after the disk replacement, then healthy. */
  | { readonly kind: 'slow'; readonly seconds: number }
  /** Unhealthy in a seeded share of `periodSeconds`-long slots. */
  | { readonly kind: 'flaky'; readonly unhealthyRatio: number; readonly periodSeconds: number }
  | { readonly kind: 'unhealthyOnVersion'; readonly version: string }
  /** The health probe gets no answer on any version other than the starting one: Unknown (H3, rich health states). */
  | { readonly kind: 'noProbeAnswer' };

export interface Tenant {
  readonly tenantId: string;
  readonly displayName: string;
  readonly defaultDomain: string;
  readonly countryCode: string;
  readonly tenantCategory: string;
}

export interface Subscription {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId: string;
  readonly state: string;
  readonly tags: Record<string, string>;
}

export interface LoadBalancer {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly sku: 'Standard' | 'Basic';
  readonly probes: readonly string[];
}

export interface ImageKey {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
}

export interface ImageReference extends ImageKey {
  readonly version: string;
  /** A gallery image (definition or version) or managed image id (O9); publisher/offer/sku are then ''. */
  readonly id?: string;
}

export interface ImageVersion extends ImageKey {
  readonly location: string;
  readonly version: string;
  /** Simulated epoch ms from which the version is listed (A4: published versions only). */
  readonly publishedAt: number;
}

export interface Instance {
  readonly instanceId: string;
  readonly name: string;
  readonly vmId: string;
  readonly zone?: string;
  readonly updateDomain: number;
  readonly faultDomain: number;
  readonly timeCreated: number;
  powerState: PowerState;
  /** The exact image version on the OS disk. */
  osImage: ImageReference;
  /** The OS disk version before the last replacement (what a rollback restores). */
  previousOsImage?: ImageReference;
  /** Version the instance started the scenario with (neverHealthy is unhealthy on any other). */
  readonly originalVersion: string;
  /** Image id it started with, when it started on a gallery or managed image. */
  readonly originalImageId?: string;
  /** Model generation applied to this instance; equal to the set's modelVersion = latestModelApplied. */
  appliedModel: number;
  /** Image reference of the model when it was applied (version may be 'latest'). */
  appliedImage: ImageReference;
  /** Set while an operation (upgrade, reimage, rollback) replaces the OS disk. */
  busyUntil?: number;
  /** A scale-out VM's first provisioning (until busyUntil): provisioningState Creating, not Updating. */
  creating?: boolean;
  /** When the OS disk was last replaced; the health timeline restarts there. */
  diskReplacedAt?: number;
  /** Health before any disk replacement in the scenario. */
  baselineHealth: HealthState;
  /** An extension failed to provision (H1). */
  extensionsFailed: boolean;
  behaviour: Behaviour;
  etag: number;
  /** Set by `POST …/delete` (DeleteInstances): the instance shows Deleting until it is removed at this time. */
  deletingUntil?: number;
}

export interface ScaleSet {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly uniqueId: string;
  readonly timeCreated: number;
  tags: Record<string, string>;
  sku: { name: string; tier: string; capacity: number };
  zones?: string[];
  /** ARM `properties` as the client sees them (minus the server-computed fields). */
  properties: Record<string, unknown>;
  /** Generation of `virtualMachineProfile`; bumped on every change to it. */
  modelVersion: number;
  etag: number;
  /** Model updates (PATCH/PUT) finish at this simulated time; until then provisioningState is Updating. */
  updatingUntil?: number;
  /** Set from the create PUT until it finishes: provisioningState Creating, not Updating. */
  creating?: boolean;
  instances: Instance[];
  nextInstanceNumber: number;
  /** Behaviour given to instances created later (scale-out). */
  defaultBehaviour: Behaviour;
  /** Publisher and offer the set was created with (A3: a platform reference can never name others). */
  readonly platformOrigin?: { readonly publisher: string; readonly offer: string };
  /** Scenario behaviour of the n-th instance created by a later scale-out (key "0" = the first one). */
  scaleOutBehaviours?: Readonly<Record<string, Behaviour>>;
  /** How many instances scale-outs have created so far (the key into `scaleOutBehaviours`). */
  scaledOut?: number;
  readonly osType: OsType;
  /** Where new instances go: zones round-robin, update/fault domain counts. */
  readonly placement: { readonly zones?: readonly string[]; readonly updateDomains: number; readonly faultDomains: number };
  readonly dataDisks: readonly { lun: number; diskSizeGB: number }[];
  /** Rolling upgrades, oldest first (A5/A6). */
  readonly upgradeRuns: UpgradeRun[];
  /** A pending automatic OS upgrade start (A1/A4). */
  automaticUpgradeEvent?: number;
}
