// Builds a simulator scenario (src/simulator/scenario.schema.json) for one random fleet: instance
// count, zones, update and fault domains, baseline health, behaviour after an upgrade, and faults.
import type { Scenario } from '../../../../src/simulator/simulator-entry';

export const subscriptionId = '00000000-0000-4000-8000-000000000001';
export const ref = { subscriptionId, resourceGroup: 'rg-fleet', name: 'fleet' };
export const image = { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
export const oldVersion = '24.04.202410020';
export const newVersion = '24.04.202411050';
/** A second SKU of the same offer (A3): the model-change target (O9). */
export const otherSku = { sku: 'minimal', version: '24.04.202411060' };
/** The gallery image definition of the property fleet (versions 1.0.0 and 2.0.0). */
export const galleryDefinition = `/subscriptions/${subscriptionId}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/fleetGallery/images/web`;
/** A gallery image version (O9): the image-id target; its instances report id + exactVersion. */
export const galleryTarget = { id: `${galleryDefinition}/versions/2.0.0`, version: '2.0.0' };
/** The gallery version a set on a gallery image starts on. */
export const galleryStart = { id: `${galleryDefinition}/versions/1.0.0`, version: '1.0.0' };
/** A managed custom image a set can start on (O9: only a model change moves it). */
export const managedImage = `/subscriptions/${subscriptionId}/resourceGroups/rg-images/providers/Microsoft.Compute/images/golden`;

/** The image the set's model names at the start. */
export type SetImageKind = 'platformLatest' | 'platformPinned' | 'galleryDefinition' | 'galleryVersion' | 'managedImage';
export type UpgradeMode = 'Manual' | 'Automatic' | 'Rolling';

/** What an instance does after its OS disk is replaced (the simulator's behaviours). */
export type AfterUpgrade = 'healthy' | 'neverHealthy' | 'unhealthyOnTarget' | { readonly slowSeconds: number } | { readonly flaky: number };

export interface FleetInstance {
  readonly baseline: 'healthy' | 'unhealthy';
  readonly after: AfterUpgrade;
  /** Already on the target before the run. */
  readonly onTarget?: boolean;
}

export interface FaultSpec {
  readonly kind: '429' | '500' | '503' | 'drop' | 'failedLro';
  /** Probability per matching request. */
  readonly rate: number;
}

export interface FleetSpec {
  readonly seed: number;
  readonly instances: readonly FleetInstance[];
  readonly zones: number;
  readonly updateDomains: number;
  readonly faultDomains: number;
  readonly faults: readonly FaultSpec[];
  /** O8 maxSurge: behaviour of instances a scale-out creates, by creation order ("0" = the first). */
  readonly scaleOut?: Readonly<Record<string, AfterUpgrade>>;
  /** Total regional cores quota (the set's VMs have 2 cores each); absent: unlimited. */
  readonly coresQuota?: number;
  /** The set's upgrade policy mode (default Manual) and automatic OS upgrades (default off). */
  readonly upgradeMode?: UpgradeMode;
  readonly automaticOSUpgrade?: boolean;
  /** What the model names at the start (default platformLatest). */
  readonly setImage?: SetImageKind;
  /** Uniform (default) or Flexible (instances are VMs, their ids are VM names). */
  readonly orchestration?: 'Uniform' | 'Flexible';
}

function setImageOf(kind: SetImageKind | undefined): { image: { publisher: string; offer: string; sku: string; version: string } | { id: string }; osVersion?: string } {
  switch (kind ?? 'platformLatest') {
    case 'platformLatest':
      return { image: { ...image, version: 'latest' }, osVersion: oldVersion };
    case 'platformPinned':
      return { image: { ...image, version: oldVersion } };
    case 'galleryDefinition':
      return { image: { id: galleryDefinition }, osVersion: galleryStart.version };
    case 'galleryVersion':
      return { image: { id: galleryStart.id } };
    case 'managedImage':
      return { image: { id: managedImage } };
  }
}

let unhealthyVersion = newVersion;

function behaviour(after: AfterUpgrade) {
  if (after === 'healthy' || after === 'neverHealthy') return after;
  if (after === 'unhealthyOnTarget') return { kind: 'unhealthyOnVersion' as const, version: unhealthyVersion };
  if ('slowSeconds' in after) return { kind: 'slow' as const, seconds: after.slowSeconds };
  return { kind: 'flaky' as const, unhealthyRatio: after.flaky, periodSeconds: 20 };
}

function faultRules(faults: readonly FaultSpec[]) {
  return faults.map((f) => {
    // Only calls to the scale set's resources; the simulator's control endpoints never fault.
    const base = { path: 'virtualMachineScaleSets', rate: f.rate };
    switch (f.kind) {
      case '429':
        // Without Retry-After the SDK does not retry a 429: the orchestrator's own retry must.
        return { ...base, status: 429 };
      case '500':
      case '503':
        return { ...base, status: Number(f.kind) };
      case 'drop':
        return { ...base, drop: true };
      case 'failedLro':
        return { ...base, method: 'POST', path: '/(reimage|manualupgrade)$', failOperation: { code: 'InternalExecutionError', message: 'Injected: the operation failed.' } };
    }
  });
}

/** `targetVersion`: the version `unhealthyOnTarget` instances are unhealthy on. */
const unlimitedBucket = { size: 1_000_000_000, refillPerSecond: 1_000_000_000 };

export function fleetScenario(spec: FleetSpec, targetVersion = newVersion): Scenario {
  unhealthyVersion = targetVersion;
  const overrides: Record<string, Record<string, unknown>> = {};
  spec.instances.forEach((inst, i) => {
    const o: Record<string, unknown> = {};
    if (inst.baseline === 'unhealthy') o.health = 'unhealthy';
    if (inst.after !== 'healthy') o.afterUpgrade = behaviour(inst.after);
    if (inst.onTarget && (spec.setImage ?? 'platformLatest').startsWith('platform')) o.osVersion = newVersion;
    if (Object.keys(o).length > 0) overrides[String(i)] = o;
  });
  return {
    name: 'property-fleet',
    seed: spec.seed,
    startTime: '2026-11-01T00:00:00Z',
    timing: { modelUpdateSeconds: 5, instanceUpgradeSeconds: 60, healthGraceSeconds: 30, healthWaitSeconds: 300, pageSize: 200 },
    tenants: [{ tenantId: '00000000-0000-4000-8000-0000000000aa', displayName: 'Property tests' }],
    subscriptions: [{ subscriptionId, displayName: 'Fleet', tenantId: '00000000-0000-4000-8000-0000000000aa' }],
    images: [
      { ...image, locations: ['westeurope'], versions: ['24.04.202409010', oldVersion, newVersion] },
      { ...image, sku: otherSku.sku, locations: ['westeurope'], versions: [otherSku.version] },
    ],
    galleries: [{ subscriptionId, resourceGroup: 'rg-images', name: 'fleetGallery', location: 'westeurope', images: [{ name: 'web', versions: [galleryStart.version, galleryTarget.version] }] }],
    managedImages: [{ subscriptionId, resourceGroup: 'rg-images', name: 'golden', location: 'westeurope' }],
    scaleSets: [
      {
        subscriptionId,
        resourceGroup: ref.resourceGroup,
        name: ref.name,
        location: 'westeurope',
        ...(spec.zones > 0 ? { zones: Array.from({ length: spec.zones }, (_, z) => String(z + 1)) } : {}),
        ...(spec.orchestration === 'Flexible' ? { orchestrationMode: 'Flexible' } : {}),
        ...setImageOf(spec.setImage),
        healthSignal: { kind: 'extension' },
        upgradePolicy: {
          mode: spec.upgradeMode ?? 'Manual',
          ...(spec.upgradeMode === 'Rolling' ? { rollingUpgradePolicy: { maxBatchInstancePercent: 20 } } : {}),
          ...(spec.automaticOSUpgrade ? { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } : {}),
        },
        updateDomains: spec.updateDomains,
        faultDomains: spec.faultDomains,
        instances: {
          count: spec.instances.length,
          overrides,
          ...(spec.scaleOut ? { scaleOut: Object.fromEntries(Object.entries(spec.scaleOut).map(([k, after]) => [k, { afterUpgrade: behaviour(after) }])) } : {}),
        },
      },
    ],
    ...(spec.coresQuota !== undefined ? { quotas: [{ subscriptionId, location: 'westeurope', cores: spec.coresQuota }] } : {}),
    faults: faultRules(spec.faults),
    // These fleets run on a virtual clock whose LRO polls come every few real milliseconds (Compute's
    // Retry-After is ~0 real seconds at that time scale), a pace no client keeps against Azure. ARM's token
    // buckets would throttle them with a Retry-After in real seconds, during which the virtual clock runs
    // ahead of the run — an artefact of the test clock, not Azure's behaviour (seen: CI, seed -163789293).
    // ARM's throttling is tested on its own (test/unit/simulator/armThrottling.test.ts); here it is out of reach.
    throttling: { arm: { reads: unlimitedBucket, writes: unlimitedBucket, deletes: unlimitedBucket } },
  } as Scenario;
}
