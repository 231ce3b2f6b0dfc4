// The interface the core needs from Azure (design.md). ArmGateway implements it with the real SDK;
// tests point that same ArmGateway at the simulator — there are no hand-written fakes of Azure.
import type {
  RollingUpgradeStatusInfo,
  UpgradeOperationHistoricalStatusInfo,
  VirtualMachineScaleSet,
  VirtualMachineScaleSetUpdate,
} from '@azure/arm-compute';
import type { CallStats } from './callStats';
import type { ScaleSetMaintenance } from './maintenance/maintenanceTypes';
import type { MaintenanceWindow } from '../shared/maintenance/maintenanceWindow';

export type { RollingUpgradeStatusInfo, UpgradeOperationHistoricalStatusInfo, VirtualMachineScaleSet, VirtualMachineScaleSetUpdate };

export interface ScaleSetRef {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
}

export interface TenantInfo {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly defaultDomain?: string;
}

export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId?: string;
  readonly state?: string;
}

/** H3: the Application Health extension's states; H1 derives healthy/unhealthy without a signal. */
export type HealthState = 'healthy' | 'unhealthy' | 'initializing' | 'unknown';

export interface ImageRef {
  readonly publisher?: string;
  readonly offer?: string;
  readonly sku?: string;
  readonly version?: string;
  /** The concrete version an instance runs (resolved from `latest`). */
  readonly exactVersion?: string;
  /** Gallery / managed image id (O9). */
  readonly id?: string;
}

/** One version of a gallery image definition, as Azure lists it (O9, A4). */
export interface GalleryImageVersionInfo {
  readonly name: string;
  readonly publishedDate?: Date;
  /** A4: never what the definition's "latest" resolves to. */
  readonly excludeFromLatest: boolean;
  /** Regions the version is replicated to. */
  readonly regions: readonly string[];
  readonly provisioningState?: string;
}

/** What an image id names (O9): enough to accept or refuse it as a target. */
export interface ImageInfo {
  readonly kind: 'galleryImage' | 'galleryImageVersion' | 'managedImage';
  readonly id: string;
  readonly osType?: string;
  /** For a gallery image version: A4 and replication. */
  readonly version?: GalleryImageVersionInfo;
}

/** One instance with what the orchestrator and the tree need from its instance view. */
export interface InstanceSnapshot {
  readonly instanceId: string;
  readonly name: string;
  readonly zone?: string;
  readonly updateDomain?: number;
  readonly faultDomain?: number;
  /** e.g. running, deallocated, stopped, starting (from `PowerState/…`). */
  readonly powerState: string;
  readonly provisioningState: string;
  readonly latestModelApplied?: boolean;
  readonly image: ImageRef;
  readonly health: HealthState;
  /** Where `health` came from: the health extension / probe (H2, H3) or power + extensions (H1). */
  readonly healthSource: 'signal' | 'derived';
  /** Extension provisioning problems, e.g. "CustomScript: Provisioning failed". */
  readonly extensionProblems: readonly string[];
  /** When provisioning last succeeded (instance view status time, epoch ms): the health grace runs from here. */
  readonly provisionedAt?: number;
  /** osRollingUpgradeDeferral: set while the instance's automatic OS upgrade waits for approval (the tag's value). */
  readonly pendingOsUpgrade?: string;
}

export interface AzureGateway {
  /** Builds the clients these subscriptions' calls use, without sending anything (createAzureAccess's prepare). */
  prepare?(subscriptionIds: readonly string[]): void;
  /** Issue 16: the set's OS-image maintenance configuration (Microsoft.Maintenance), if one is assigned. */
  osImageMaintenance?(ref: ScaleSetRef, signal?: AbortSignal): Promise<ScaleSetMaintenance | undefined>;
  /** Issue 16: writes and assigns the set's OS-image maintenance configuration (Azure's OSImage rules checked first). */
  setOsImageMaintenance?(ref: ScaleSetRef, location: string, window: MaintenanceWindow, signal?: AbortSignal): Promise<ScaleSetMaintenance>;
  listTenants(signal?: AbortSignal): Promise<TenantInfo[]>;
  listSubscriptions(signal?: AbortSignal): Promise<SubscriptionInfo[]>;
  listScaleSets(subscriptionId: string, signal?: AbortSignal): Promise<VirtualMachineScaleSet[]>;
  /** One Azure Resource Graph query across subscriptions; returns ids grouped by subscription. */
  queryScaleSetIds(subscriptionIds: readonly string[], signal?: AbortSignal): Promise<Map<string, string[]>>;
  /** Fleet rollouts: a Resource Graph query of the user's over these subscriptions; the rows as objects (all pages). */
  queryResources(subscriptionIds: readonly string[], query: string, signal?: AbortSignal): Promise<Record<string, unknown>[]>;
  getScaleSet(ref: ScaleSetRef, signal?: AbortSignal): Promise<VirtualMachineScaleSet>;
  updateScaleSet(ref: ScaleSetRef, update: VirtualMachineScaleSetUpdate, options?: { ifMatch?: string; signal?: AbortSignal }): Promise<VirtualMachineScaleSet>;
  /**
   * Issue 17 (the lease): PATCH only the set's tags (the whole map) with If-Match on `ifMatch`; resolves once
   * Azure accepted the write — a stale ETag rejects with 412 — without waiting for the update's long-running
   * operation: a conditional write is decided when it is accepted (the ETag moves then).
   */
  writeScaleSetTags(ref: ScaleSetRef, tags: Record<string, string>, ifMatch: string, signal?: AbortSignal): Promise<void>;
  listInstances(ref: ScaleSetRef, signal?: AbortSignal): Promise<InstanceSnapshot[]>;
  getInstance(ref: ScaleSetRef, instanceId: string, signal?: AbortSignal): Promise<InstanceSnapshot>;
  /** O9: move instances to the latest model (`POST …/manualupgrade`). */
  manualUpgrade(ref: ScaleSetRef, instanceIds: readonly string[], signal?: AbortSignal): Promise<void>;
  /** O8 maxSurge: delete instances (`POST …/delete {instanceIds}`); sku.capacity drops by their number. */
  deleteInstances(ref: ScaleSetRef, instanceIds: readonly string[], signal?: AbortSignal): Promise<void>;
  /** O9: reimage one instance, optionally to an exact version (pin / roll back). */
  reimage(ref: ScaleSetRef, instanceId: string, options?: { exactVersion?: string; signal?: AbortSignal }): Promise<void>;
  /**
   * O9: reimage several instances with one request and one long-running operation
   * (VirtualMachineScaleSets_Reimage with `instanceIds`), optionally to an exact version. Never called with
   * an empty list (Azure would reimage the whole set).
   */
  reimageInstances(ref: ScaleSetRef, instanceIds: readonly string[], options?: { exactVersion?: string; signal?: AbortSignal }): Promise<void>;
  /** A6: start the platform rolling OS upgrade; resolves when Azure has finished it. */
  startOsRollingUpgrade(ref: ScaleSetRef, signal?: AbortSignal): Promise<void>;
  cancelRollingUpgrade(ref: ScaleSetRef, signal?: AbortSignal): Promise<void>;
  /**
   * osRollingUpgradeDeferral: approve waiting OS upgrades (VirtualMachineScaleSets_ApproveRollingUpgrade) —
   * every waiting instance when `instanceIds` is undefined, else the ones named (never an empty list).
   */
  approveRollingUpgrade(ref: ScaleSetRef, instanceIds?: readonly string[], signal?: AbortSignal): Promise<void>;
  /** One instance's waiting OS upgrade (VirtualMachineScaleSetVMs_ApproveRollingUpgrade; Flexible: the set-level call). */
  approveInstanceRollingUpgrade(ref: ScaleSetRef, instanceId: string, signal?: AbortSignal): Promise<void>;
  /** A6: undefined when the set never had a rolling upgrade (404). */
  getLatestRollingUpgrade(ref: ScaleSetRef, signal?: AbortSignal): Promise<RollingUpgradeStatusInfo | undefined>;
  /** A5: the last OS upgrades (all pages). */
  listOsUpgradeHistory(ref: ScaleSetRef, signal?: AbortSignal): Promise<UpgradeOperationHistoricalStatusInfo[]>;
  /** A7: versions of a platform image, as Azure lists them (the URL is per subscription). */
  listImageVersions(subscriptionId: string, location: string, publisher: string, offer: string, sku: string, signal?: AbortSignal): Promise<string[]>;
  /** O9: versions of a gallery image definition (all pages), by the definition's (or one version's) id. */
  listGalleryImageVersions(galleryImageId: string, signal?: AbortSignal): Promise<GalleryImageVersionInfo[]>;
  /** O9: the gallery image (version) or managed image an id names; undefined when Azure has none (404). */
  getImage(id: string, signal?: AbortSignal): Promise<ImageInfo | undefined>;
  /** ARM traffic so far (run summary). */
  readonly stats: CallStats;
}

/** Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachineScaleSets/{n}`. */
export function scaleSetRefFromId(id: string): ScaleSetRef {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/([^/]+)$/i.exec(id);
  if (!m) throw new Error(`Not a scale set resource id: ${id}`);
  return { subscriptionId: m[1], resourceGroup: m[2], name: m[3] };
}

export function scaleSetId(ref: ScaleSetRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${ref.name}`;
}
