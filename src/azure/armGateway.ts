// AzureGateway over the real SDK clients (arm-compute 24, modular). Every long-running operation goes
// through one helper so the poll interval and abort signal are always applied (azure-sdk.md).
import type { PollerLike, OperationState } from '@azure/core-lro';
import type { GalleryImageVersion, VirtualMachineScaleSet } from '@azure/arm-compute';
import { scaleSetId, type AzureGateway, type GalleryImageVersionInfo, type ImageInfo, type ScaleSetRef, type InstanceSnapshot, type SubscriptionInfo, type TenantInfo } from './gateway';
import { OrchestrationModes } from './orchestrationModes';
import { parseImageId } from '../shared/imageId';
import type { ClientFactory } from './clientFactory';
import { toInstanceSnapshot, vmToInstanceSnapshot } from './instanceSnapshot';
import { withSignal } from './requestScope';
import { loadSdk } from './loadSdk';
import { pollPaced } from './lroPolling';
import { MaintenanceClient } from './maintenance/maintenanceClient';
import { scaleSetOsImageMaintenance } from './maintenance/scaleSetMaintenance';
import { setScaleSetOsImageWindow } from './maintenance/setScaleSetWindow';
import type { MaintenanceWindow } from '../shared/maintenance/maintenanceWindow';

/** Every item of a paged list, a page at a time (one await per page, not per item: 1,000 sets are ~20 pages). */
async function collect<T>(list: { byPage(): AsyncIterable<T[]> }): Promise<T[]> {
  const items: T[] = [];
  for await (const page of list.byPage()) items.push(...page);
  return items;
}


function isNotFound(err: unknown): boolean {
  return loadSdk().isRestError(err) && (err as { statusCode?: number }).statusCode === 404;
}

function toVersionInfo(v: GalleryImageVersion): GalleryImageVersionInfo {
  const profile = v.publishingProfile;
  return {
    name: v.name ?? '',
    ...(profile?.publishedDate ? { publishedDate: new Date(profile.publishedDate) } : {}),
    excludeFromLatest: profile?.excludeFromLatest === true,
    regions: (profile?.targetRegions ?? []).map((r) => r.name),
    ...(v.provisioningState ? { provisioningState: v.provisioningState } : {}),
  };
}

const scaleSetsQuery = "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' | project id, subscriptionId";

export class ArmGateway implements AzureGateway {
  /** Each set's orchestration mode, learnt from the scale set reads callers already make. */
  private readonly modes = new OrchestrationModes();

  constructor(private readonly clients: ClientFactory) {}

  /** Issue 16: the set's OS-image maintenance configuration, through the Microsoft.Maintenance REST API. */
  osImageMaintenance(ref: ScaleSetRef, signal?: AbortSignal) {
    return withSignal(signal, () => scaleSetOsImageMaintenance(new MaintenanceClient(this.clients), scaleSetId(ref)));
  }

  setOsImageMaintenance(ref: ScaleSetRef, location: string, window: MaintenanceWindow, signal?: AbortSignal) {
    return withSignal(signal, () => setScaleSetOsImageWindow(new MaintenanceClient(this.clients), ref, scaleSetId(ref), location, window));
  }

  prepare(subscriptionIds: readonly string[]): void {
    this.clients.subscriptions();
    for (const id of subscriptionIds) this.clients.compute(id);
  }

  private remember<T extends VirtualMachineScaleSet | VirtualMachineScaleSet[]>(sets: T): T {
    for (const set of Array.isArray(sets) ? sets : [sets]) this.modes.remember(set);
    return sets;
  }

  /**
   * A Flexible set's instances are standalone VMs, served by the VM APIs (Learn: Orchestration modes
   * API comparison). The mode never changes after creation, so one scale set read per set is enough —
   * and none when the caller already listed or read the set through this gateway.
   */
  private async isFlexible(ref: ScaleSetRef, signal?: AbortSignal): Promise<boolean> {
    return (this.modes.of(ref) ?? this.modes.remember(await this.getScaleSet(ref, signal))) === 'Flexible';
  }

  get stats() {
    return this.clients.stats;
  }

  /** Other API families (alerts) share this gateway's clients: the same credential, endpoint and pipeline. */
  get clientFactory(): ClientFactory {
    return this.clients;
  }

  /** Every LRO ends here: paced polls that honour the server's Retry-After (lroPolling.ts). */
  private untilDone<T>(poller: PollerLike<OperationState<T>, T>, signal?: AbortSignal): Promise<T> {
    return pollPaced(poller, this.clients.pacing, signal);
  }

  private lroOptions(signal?: AbortSignal) {
    return { updateIntervalInMs: this.clients.pollIntervalMs, ...(signal ? { abortSignal: signal } : {}) };
  }

  listTenants(signal?: AbortSignal): Promise<TenantInfo[]> {
    return withSignal(signal, async () =>
      (await collect(this.clients.subscriptions().tenants.list())).map((t) => ({
        tenantId: t.tenantId ?? '',
        displayName: t.displayName,
        defaultDomain: t.defaultDomain,
      })),
    );
  }

  listSubscriptions(signal?: AbortSignal): Promise<SubscriptionInfo[]> {
    return withSignal(signal, async () =>
      (await collect(this.clients.subscriptions().subscriptions.list())).map((s) => ({
        subscriptionId: s.subscriptionId ?? '',
        displayName: s.displayName ?? s.subscriptionId ?? '',
        tenantId: s.tenantId,
        state: s.state,
      })),
    );
  }

  listScaleSets(subscriptionId: string, signal?: AbortSignal) {
    return withSignal(signal, async () => this.remember(await collect(this.clients.compute(subscriptionId).virtualMachineScaleSets.listAll())));
  }

  queryScaleSetIds(subscriptionIds: readonly string[], signal?: AbortSignal): Promise<Map<string, string[]>> {
    return withSignal(signal, async () => {
      const bySubscription = new Map<string, string[]>(subscriptionIds.map((s) => [s, []]));
      let skipToken: string | undefined;
      do {
        const page = await this.clients.resourceGraph().resources({
          subscriptions: [...subscriptionIds],
          query: scaleSetsQuery,
          // $top 1000 (the maximum; default 100) keeps a large estate to one or two sequential pages.
          options: { resultFormat: 'objectArray', top: 1000, ...(skipToken ? { skipToken } : {}) },
        });
        // The SDK (arm-resourcegraph 5.0.0-beta.4) deserializes the row array into an object keyed "0", "1", ….
        const rows = (Array.isArray(page.data) ? page.data : Object.values(page.data ?? {})) as { id: string; subscriptionId: string }[];
        for (const row of rows) {
          const list = bySubscription.get(row.subscriptionId) ?? [];
          list.push(row.id);
          bySubscription.set(row.subscriptionId, list);
        }
        skipToken = page.skipToken;
      } while (skipToken);
      return bySubscription;
    });
  }

  queryResources(subscriptionIds: readonly string[], query: string, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    return withSignal(signal, async () => {
      const rows: Record<string, unknown>[] = [];
      let skipToken: string | undefined;
      do {
        const page = await this.clients.resourceGraph().resources({
          subscriptions: [...subscriptionIds],
          query,
          options: { resultFormat: 'objectArray', top: 1000, ...(skipToken ? { skipToken } : {}) },
        });
        // As in queryScaleSetIds: the SDK may hand the row array back as an object keyed "0", "1", ….
        rows.push(...((Array.isArray(page.data) ? page.data : Object.values(page.data ?? {})) as Record<string, unknown>[]));
        skipToken = page.skipToken;
      } while (skipToken);
      return rows;
    });
  }

  getScaleSet(ref: ScaleSetRef, signal?: AbortSignal) {
    return withSignal(signal, async () => this.remember(await this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.get(ref.resourceGroup, ref.name)));
  }

  updateScaleSet(ref: ScaleSetRef, update: Parameters<AzureGateway['updateScaleSet']>[1], options?: { ifMatch?: string; signal?: AbortSignal }) {
    const { signal, ifMatch } = options ?? {};
    return withSignal(signal, () =>
      this.untilDone(
        this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.update(ref.resourceGroup, ref.name, update, {
          ...this.lroOptions(signal),
          ...(ifMatch ? { ifMatch } : {}),
        }),
        signal,
      ),
    );
  }

  writeScaleSetTags(ref: ScaleSetRef, tags: Record<string, string>, ifMatch: string, signal?: AbortSignal): Promise<void> {
    return withSignal(signal, async () => {
      const poller = this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.update(ref.resourceGroup, ref.name, { tags }, { ...this.lroOptions(signal), ifMatch });
      // The initial response decides the conditional write; its operation is not polled.
      await poller.submitted();
    });
  }

  listInstances(ref: ScaleSetRef, signal?: AbortSignal): Promise<InstanceSnapshot[]> {
    return withSignal(signal, async () => {
      const compute = this.clients.compute(ref.subscriptionId);
      if (await this.isFlexible(ref, signal)) {
        // VirtualMachines_List with the one $filter the spec allows; $expand=instanceView needs it.
        const filter = `'virtualMachineScaleSet/id' eq '${scaleSetId(ref)}'`;
        return (await collect(compute.virtualMachines.list(ref.resourceGroup, { filter, expand: 'instanceView' }))).map(vmToInstanceSnapshot);
      }
      return (await collect(compute.virtualMachineScaleSetVMs.list(ref.resourceGroup, ref.name, { expand: 'instanceView' }))).map(toInstanceSnapshot);
    });
  }

  getInstance(ref: ScaleSetRef, instanceId: string, signal?: AbortSignal): Promise<InstanceSnapshot> {
    return withSignal(signal, async () => {
      const compute = this.clients.compute(ref.subscriptionId);
      if (await this.isFlexible(ref, signal)) return vmToInstanceSnapshot(await compute.virtualMachines.get(ref.resourceGroup, instanceId, { expand: 'instanceView' }));
      return toInstanceSnapshot(await compute.virtualMachineScaleSetVMs.get(ref.resourceGroup, ref.name, instanceId, { expand: 'instanceView' }));
    });
  }

  manualUpgrade(ref: ScaleSetRef, instanceIds: readonly string[], signal?: AbortSignal): Promise<void> {
    return withSignal(signal, () =>
      this.untilDone(
        this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.updateInstances(ref.resourceGroup, ref.name, { instanceIds: [...instanceIds] }, this.lroOptions(signal)),
        signal,
      ),
    );
  }

  deleteInstances(ref: ScaleSetRef, instanceIds: readonly string[], signal?: AbortSignal): Promise<void> {
    return withSignal(signal, () =>
      this.untilDone(
        this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.deleteInstances(ref.resourceGroup, ref.name, { instanceIds: [...instanceIds] }, this.lroOptions(signal)),
        signal,
      ),
    );
  }

  /** Flexible: VirtualMachines_Reimage on the VM the instance id names (its name). */
  reimage(ref: ScaleSetRef, instanceId: string, options?: { exactVersion?: string; signal?: AbortSignal }): Promise<void> {
    const { signal, exactVersion } = options ?? {};
    return withSignal(signal, async () => {
      const compute = this.clients.compute(ref.subscriptionId);
      if (await this.isFlexible(ref, signal)) {
        return this.untilDone(compute.virtualMachines.reimage(ref.resourceGroup, instanceId, { ...this.lroOptions(signal), ...(exactVersion ? { parameters: { exactVersion } } : {}) }), signal);
      }
      return this.untilDone(
        compute.virtualMachineScaleSetVMs.reimage(ref.resourceGroup, ref.name, instanceId, {
          ...this.lroOptions(signal),
          ...(exactVersion ? { vmScaleSetVMReimageInput: { exactVersion } } : {}),
        }),
        signal,
      );
    });
  }

  reimageInstances(ref: ScaleSetRef, instanceIds: readonly string[], options?: { exactVersion?: string; signal?: AbortSignal }): Promise<void> {
    const { signal, exactVersion } = options ?? {};
    // Without instanceIds Azure reimages every instance of the set: never send an empty list.
    if (instanceIds.length === 0) return Promise.reject(new Error('reimageInstances needs at least one instance id.'));
    return withSignal(signal, async () => {
      // Flexible: the set-level reimage names Uniform instance ids; its VMs are reimaged one by one through
      // the VM API, all at once (the core calls this one method either way).
      if (await this.isFlexible(ref, signal)) {
        await Promise.all(instanceIds.map((id) => this.reimage(ref, id, { ...(exactVersion ? { exactVersion } : {}), ...(signal ? { signal } : {}) })));
        return;
      }
      await this.untilDone(
        this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.reimage(ref.resourceGroup, ref.name, {
          ...this.lroOptions(signal),
          vmScaleSetReimageInput: { instanceIds: [...instanceIds], ...(exactVersion ? { exactVersion } : {}) },
        }),
        signal,
      );
    });
  }

  startOsRollingUpgrade(ref: ScaleSetRef, signal?: AbortSignal): Promise<void> {
    return withSignal(signal, () =>
      this.untilDone(this.clients.compute(ref.subscriptionId).virtualMachineScaleSetRollingUpgrades.startOSUpgrade(ref.resourceGroup, ref.name, this.lroOptions(signal)), signal),
    );
  }

  cancelRollingUpgrade(ref: ScaleSetRef, signal?: AbortSignal): Promise<void> {
    return withSignal(signal, () =>
      this.untilDone(this.clients.compute(ref.subscriptionId).virtualMachineScaleSetRollingUpgrades.cancel(ref.resourceGroup, ref.name, this.lroOptions(signal)), signal),
    );
  }

  approveRollingUpgrade(ref: ScaleSetRef, instanceIds?: readonly string[], signal?: AbortSignal): Promise<void> {
    // Without instanceIds Azure approves every waiting instance: an empty list is a caller's mistake.
    if (instanceIds !== undefined && instanceIds.length === 0) return Promise.reject(new Error('approveRollingUpgrade needs at least one instance id, or none to approve all.'));
    return withSignal(signal, () =>
      this.untilDone(
        this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.approveRollingUpgrade(ref.resourceGroup, ref.name, {
          ...this.lroOptions(signal),
          ...(instanceIds ? { vmInstanceIDs: { instanceIds: [...instanceIds] } } : {}),
        }),
        signal,
      ),
    );
  }

  approveInstanceRollingUpgrade(ref: ScaleSetRef, instanceId: string, signal?: AbortSignal): Promise<void> {
    return withSignal(signal, async () => {
      // Flexible: per-instance scale set VM actions are Uniform APIs and there is no single-VM approve;
      // the set-level call takes the instance's id.
      if (await this.isFlexible(ref, signal)) return this.approveRollingUpgrade(ref, [instanceId], signal);
      return this.untilDone(this.clients.compute(ref.subscriptionId).virtualMachineScaleSetVMs.approveRollingUpgrade(ref.resourceGroup, ref.name, instanceId, this.lroOptions(signal)), signal);
    });
  }

  getLatestRollingUpgrade(ref: ScaleSetRef, signal?: AbortSignal) {
    return withSignal(signal, async () => {
      try {
        return await this.clients.compute(ref.subscriptionId).virtualMachineScaleSetRollingUpgrades.getLatest(ref.resourceGroup, ref.name);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  listOsUpgradeHistory(ref: ScaleSetRef, signal?: AbortSignal) {
    return withSignal(signal, () => collect(this.clients.compute(ref.subscriptionId).virtualMachineScaleSets.listOSUpgradeHistory(ref.resourceGroup, ref.name)));
  }

  listImageVersions(subscriptionId: string, location: string, publisher: string, offer: string, sku: string, signal?: AbortSignal): Promise<string[]> {
    return withSignal(signal, async () =>
      (await this.clients.compute(subscriptionId).virtualMachineImages.list(location, publisher, offer, sku)).map((v) => v.name ?? '').filter(Boolean),
    );
  }

  listGalleryImageVersions(galleryImageId: string, signal?: AbortSignal): Promise<GalleryImageVersionInfo[]> {
    const parts = parseImageId(galleryImageId);
    if (!parts || parts.kind === 'managedImage') return Promise.reject(new Error(`Not a gallery image id: ${galleryImageId}`));
    return withSignal(signal, async () =>
      (await collect(this.clients.compute(parts.subscriptionId).galleryImageVersions.listByGalleryImage(parts.resourceGroup, parts.gallery, parts.image))).map(toVersionInfo),
    );
  }

  getImage(id: string, signal?: AbortSignal): Promise<ImageInfo | undefined> {
    const parts = parseImageId(id);
    if (!parts) return Promise.resolve(undefined);
    const compute = this.clients.compute(parts.subscriptionId);
    return withSignal(signal, async () => {
      try {
        if (parts.kind === 'managedImage') {
          const image = await compute.images.get(parts.resourceGroup, parts.name);
          return { kind: parts.kind, id: image.id ?? id, osType: image.storageProfile?.osDisk?.osType };
        }
        const definition = await compute.galleryImages.get(parts.resourceGroup, parts.gallery, parts.image);
        if (parts.kind === 'galleryImage') return { kind: parts.kind, id: definition.id ?? id, osType: definition.osType };
        const version = await compute.galleryImageVersions.get(parts.resourceGroup, parts.gallery, parts.image, parts.version);
        return { kind: parts.kind, id: version.id ?? id, osType: definition.osType, version: toVersionInfo(version) };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }
}
