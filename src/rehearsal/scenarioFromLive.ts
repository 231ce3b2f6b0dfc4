// A live scale set as a simulator scenario (issue 15, "rehearse a live scale set"): the model and upgrade
// policy as Azure returned them, each instance with its id, zone / update domain / fault domain, power,
// health, extension problems and OS version, the image versions it can move to, and timings learned from
// its own OS upgrade history. What Azure does not tell us through these reads is said in `notes`, not guessed
// silently. Pure: no I/O.
import type { InstanceSnapshot, VirtualMachineScaleSet } from '../azure/gateway';
import type { Scenario, ScaleSetSpec, InstanceSpec, GallerySpec } from '../simulator/scenario/scenarioTypes';
import { batchDurationsFromHistory, calibrateEstimates, platformBatchCount } from '../core/planner/calibrateEstimates';
import { healthTimingOf } from '../core/planner/healthTiming';
import type { LiveSet } from './readLiveSet';
import { leaseTagName } from '../core/lease/leaseTag';

export interface SnapshotResult {
  readonly scenario: Scenario;
  /** Assumptions the snapshot had to make, for the reader. */
  readonly notes: readonly string[];
}

const healthExtensionType = /^ApplicationHealth(Linux|Windows)$/i;
const placeholderTenant = '00000000-0000-4000-8000-000000000001';

function osTypeOf(set: VirtualMachineScaleSet): 'Linux' | 'Windows' {
  const profile = set.virtualMachineProfile;
  if (profile?.storageProfile?.osDisk?.osType === 'Windows' || profile?.osProfile?.windowsConfiguration) return 'Windows';
  return 'Linux';
}

/** Instance views report `starting`, `stopping`, … too; the simulator holds the three settled states. */
function powerOf(power: string): InstanceSpec['powerState'] {
  if (power === 'deallocated' || power === 'deallocating') return 'deallocated';
  if (power === 'stopped' || power === 'stopping') return 'stopped';
  return 'running';
}

function versionOf(instance: InstanceSnapshot): string | undefined {
  return instance.image.exactVersion ?? (instance.image.version && instance.image.version !== 'latest' ? instance.image.version : undefined);
}

function instanceSpec(instance: InstanceSnapshot, flexible: boolean): InstanceSpec {
  const version = versionOf(instance);
  return {
    instanceId: instance.instanceId,
    ...(instance.zone !== undefined ? { zone: instance.zone } : {}),
    ...(!flexible && instance.updateDomain !== undefined ? { updateDomain: instance.updateDomain } : {}),
    ...(instance.faultDomain !== undefined ? { faultDomain: instance.faultDomain } : {}),
    powerState: powerOf(instance.powerState),
    health: instance.health,
    ...(instance.extensionProblems.length > 0 ? { extensionsFailed: true } : {}),
    ...(version ? { osVersion: version } : {}),
  };
}

function healthSignalOf(set: VirtualMachineScaleSet, notes: string[]): { spec: ScaleSetSpec['healthSignal']; balancer?: Scenario['loadBalancers'] } {
  const extensions = set.virtualMachineProfile?.extensionProfile?.extensions ?? [];
  if (extensions.some((e) => healthExtensionType.test(e.typePropertiesType ?? ''))) return { spec: { kind: 'extension' } };
  const probe = set.virtualMachineProfile?.networkProfile?.healthProbe?.id;
  const m = probe ? /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/loadBalancers\/([^/]+)\/probes\/([^/]+)$/i.exec(probe) : null;
  if (m) {
    // The Compute API names the probe but not the load balancer's SKU (a Network read we do not make).
    notes.push(`The health probe's load balancer ${m[3]} is assumed to be Standard SKU (its SKU is a Microsoft.Network property the snapshot does not read).`);
    return { spec: { kind: 'probe', loadBalancer: m[3], probe: m[4] }, balancer: [{ subscriptionId: m[1], resourceGroup: m[2], name: m[3], location: set.location, sku: 'Standard', probes: [m[4]] }] };
  }
  return { spec: { kind: 'none' } };
}

function maxPlusOne(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.max(...known) + 1 : undefined;
}

/** Seconds the simulator takes for one move and the health grace, from the set's history and health settings. */
function timingOf(live: LiveSet, notes: string[]): Scenario['timing'] {
  const policy = live.scaleSet.upgradePolicy?.rollingUpgradePolicy;
  const zones = live.instances.map((i) => i.zone);
  const health = healthTimingOf(live.scaleSet);
  const input = { history: live.history, health, batchesFor: (n: number) => platformBatchCount(zones, policy?.maxBatchInstancePercent ?? 20, n), pauseBetweenBatchesMs: 0 };
  const grace = health.graceMs !== undefined ? { healthGraceSeconds: Math.round(health.graceMs / 1000) } : {};
  if (batchDurationsFromHistory(input).length === 0) {
    // Nothing learned: the simulator's own documented timings stay (SCENARIOS.md), not the planner's guess.
    notes.push("Timings: the simulator's defaults (no completed OS upgrade in the set's history).");
    return grace;
  }
  const estimates = calibrateEstimates(input);
  notes.push(`Timings: ${estimates.basis}.`);
  return { instanceUpgradeSeconds: Math.max(1, Math.round(estimates.moveMs / 1000)), ...grace };
}

function extensionsOf(set: VirtualMachineScaleSet): NonNullable<ScaleSetSpec['extensions']> {
  return (set.virtualMachineProfile?.extensionProfile?.extensions ?? [])
    .filter((e) => !healthExtensionType.test(e.typePropertiesType ?? ''))
    .map((e) => ({
      name: e.name ?? e.typePropertiesType ?? 'extension',
      publisher: e.publisher ?? 'unknown',
      type: e.typePropertiesType ?? 'unknown',
      typeHandlerVersion: e.typeHandlerVersion ?? '1.0',
      // Public settings only: Azure never returns protected settings.
      ...(e.settings && typeof e.settings === 'object' ? { settings: e.settings as Record<string, unknown> } : {}),
    }));
}

/** The JSON the set's upgrade policy is in ARM (the SDK's names are ARM's), without undefined members. */
function upgradePolicyOf(set: VirtualMachineScaleSet): Record<string, unknown> {
  return JSON.parse(JSON.stringify(set.upgradePolicy ?? { mode: 'Manual' })) as Record<string, unknown>;
}

function imagesOf(live: LiveSet, versions: readonly string[], startMs: number, notes: string[]): Pick<Scenario, 'images' | 'galleries' | 'managedImages'> & { image: ScaleSetSpec['image'] } {
  const ref = live.scaleSet.virtualMachineProfile?.storageProfile?.imageReference ?? {};
  const { location } = live.scaleSet;
  if (live.gallery) {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)\/images\/([^/]+)$/i.exec(live.gallery.definitionId)!;
    const gallery: GallerySpec = {
      subscriptionId: m[1],
      resourceGroup: m[2],
      name: m[3],
      location,
      images: [
        {
          name: m[4],
          osType: osTypeOf(live.scaleSet),
          versions: live.gallery.versions.map((v) => ({
            version: v.name,
            ...(v.publishedDate ? { publishedAtSeconds: Math.min(0, Math.round((v.publishedDate.getTime() - startMs) / 1000)) } : {}),
            ...(v.excludeFromLatest ? { excludeFromLatest: true } : {}),
            ...(v.regions.length > 0 ? { regions: [...v.regions] } : {}),
            ...(v.provisioningState === 'Failed' ? { provisioningState: 'Failed' as const } : {}),
          })),
        },
      ],
    };
    return { images: [], galleries: [gallery], image: { id: ref.id! } };
  }
  if (ref.id) {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/images\/([^/]+)$/i.exec(ref.id);
    if (!m) throw new Error(`The scale set's image ${ref.id} is neither a gallery image nor a managed image; the simulator cannot reproduce it.`);
    notes.push('A managed image has no versions: the rehearsal can only re-apply it (O9).');
    return { images: [], managedImages: [{ subscriptionId: m[1], resourceGroup: m[2], name: m[3], location, osType: osTypeOf(live.scaleSet) }], image: { id: ref.id } };
  }
  const all = [...new Set([...(live.platformVersions ?? []), ...versions])];
  return {
    images: [{ publisher: ref.publisher!, offer: ref.offer!, sku: ref.sku!, locations: [location], versions: all }],
    image: { publisher: ref.publisher!, offer: ref.offer!, sku: ref.sku!, version: ref.version ?? 'latest' },
  };
}

/** The scenario that reproduces `live` as Azure reported it at `startMs`. */
export function scenarioFromLive(live: LiveSet, startMs: number): SnapshotResult {
  const notes: string[] = [];
  const set = live.scaleSet;
  const flexible = set.orchestrationMode === 'Flexible';
  const versions = live.instances.map(versionOf).filter((v): v is string => v !== undefined);
  const { image, ...imageLists } = imagesOf(live, versions, startMs, notes);
  const health = healthSignalOf(set, notes);
  const disks = set.virtualMachineProfile?.storageProfile?.dataDisks ?? [];
  const overrides = Object.fromEntries(live.instances.map((instance, index) => [String(index), instanceSpec(instance, flexible)]));
  const spec: ScaleSetSpec = {
    subscriptionId: live.ref.subscriptionId,
    resourceGroup: live.ref.resourceGroup,
    name: live.ref.name,
    location: set.location,
    orchestrationMode: flexible ? 'Flexible' : 'Uniform',
    osType: osTypeOf(set),
    ...(set.sku?.name ? { vmSize: set.sku.name } : {}),
    image,
    upgradePolicy: upgradePolicyOf(set),
    healthSignal: health.spec,
    extensions: extensionsOf(set),
    ...(set.singlePlacementGroup !== undefined ? { singlePlacementGroup: set.singlePlacementGroup } : {}),
    ...(set.zones && set.zones.length > 0 ? { zones: [...set.zones] } : {}),
    ...(!flexible && maxPlusOne(live.instances.map((i) => i.updateDomain)) ? { updateDomains: maxPlusOne(live.instances.map((i) => i.updateDomain)) } : {}),
    ...(set.platformFaultDomainCount ? { faultDomains: set.platformFaultDomainCount } : {}),
    ...(disks.length > 0 ? { dataDisks: disks.map((d) => ({ lun: d.lun, diskSizeGB: d.diskSizeGB ?? 32 })) } : {}),
    // The lease tag (issue 17) names whoever drives the real set: the private copy rehearses the rollout
    // itself; the real run still takes (or is refused) the lease.
    ...(set.tags ? { tags: Object.fromEntries(Object.entries(set.tags).filter(([name]) => name !== leaseTagName)) } : {}),
    instances: { count: live.instances.length, overrides },
  };
  const scenario: Scenario = {
    name: `snapshot of ${live.ref.name}`,
    description: `Taken ${new Date(startMs).toISOString()} by vmss-upgrades snapshot from the live scale set (model, instances, images, history timings).`,
    seed: 1,
    startTime: new Date(startMs).toISOString(),
    timing: timingOf(live, notes),
    tenants: [{ tenantId: placeholderTenant, displayName: 'Snapshot' }],
    subscriptions: [{ subscriptionId: live.ref.subscriptionId, displayName: 'Snapshot', tenantId: placeholderTenant }],
    resourceGroups: [{ subscriptionId: live.ref.subscriptionId, name: live.ref.resourceGroup, location: set.location }],
    ...imageLists,
    ...(health.balancer ? { loadBalancers: health.balancer } : {}),
    scaleSets: [spec],
  };
  return { scenario, notes };
}
