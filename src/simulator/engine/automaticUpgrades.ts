// A1/A2/A4: automatic OS image upgrades. When a publisher releases a version, every set that enabled
// automatic upgrades on that image (version `latest`, same region) starts a platform rolling upgrade
// after a delay (30–60 min in Azure; the first rollout after enabling up to 3 h) — both configurable.
import { sameRegion } from '../state/customImages';
import { sameImage, sameOsDisk } from '../state/imageCatalog';
import type { ImageVersion, ScaleSet } from '../state/model';
import { automaticOsUpgrade, modelImage, platformDefaultPolicy, rollingPolicy } from '../state/modelView';
import type { World } from '../state/world';
import { osImageWindowVerdict } from './maintenanceWindowGate';
import { runningUpgrade, startRollingUpgrade, upgradeTarget } from './rollingUpgrade';

/** How long a due automatic upgrade waits for a running rolling upgrade to end before trying again. */
const retryWhileBusyMs = 60_000;

function isBehind(world: World, set: ScaleSet): boolean {
  const target = upgradeTarget(world, set);
  return set.instances.some((i) => !sameOsDisk(i.osImage, target));
}

function qualifies(world: World, set: ScaleSet): boolean {
  return automaticOsUpgrade(set).enabled && modelImage(set).version.toLowerCase() === 'latest' && isBehind(world, set);
}

/** Sets whose due automatic upgrade waits for their maintenance window to open. */
const waitingForWindow = new WeakSet<ScaleSet>();

function startIfDue(world: World, set: ScaleSet): void {
  set.automaticUpgradeEvent = undefined;
  waitingForWindow.delete(set);
  if (!qualifies(world, set)) return;
  const window = osImageWindowVerdict(world, set);
  if (!window.open) {
    if (window.nextStart === undefined) return;
    waitingForWindow.add(set);
    set.automaticUpgradeEvent = world.scheduler.schedule(window.nextStart, `auto-upgrade ${set.name} (maintenance window)`, () => startIfDue(world, set));
    return;
  }
  if (runningUpgrade(set)) {
    set.automaticUpgradeEvent = world.scheduler.schedule(world.now + retryWhileBusyMs, `auto-upgrade ${set.name} (retry)`, () => startIfDue(world, set));
    return;
  }
  const flags = automaticOsUpgrade(set);
  startRollingUpgrade(world, set, {
    kind: 'os',
    startedBy: 'Platform',
    rollbackOnFailure: !flags.disableAutomaticRollback,
    // A1: the platform's 20% defaults unless useRollingUpgradePolicy.
    policy: flags.useRollingUpgradePolicy ? rollingPolicy(set) : platformDefaultPolicy,
    // osRollingUpgradeDeferral applies to Auto OS Upgrade only (its spec description), not the manual trigger.
    deferral: flags.osRollingUpgradeDeferral,
  });
}

/** The set's maintenance window changed: an upgrade waiting for the old window re-reads the new one now. */
export function reconsiderMaintenanceWindow(world: World, set: ScaleSet): void {
  if (set.automaticUpgradeEvent === undefined || !waitingForWindow.has(set)) return;
  world.scheduler.cancel(set.automaticUpgradeEvent);
  startIfDue(world, set);
}

/** Schedules an automatic rollout for the set if it qualifies and none is pending. */
export function scheduleAutomaticUpgrade(world: World, set: ScaleSet, delayMs: number): void {
  if (set.automaticUpgradeEvent !== undefined || !qualifies(world, set)) return;
  set.automaticUpgradeEvent = world.scheduler.schedule(world.now + delayMs, `auto-upgrade ${set.name}`, () => startIfDue(world, set));
}

/** A version became available: sets on that image in that region schedule their rollout (A4). */
export function onImagePublished(world: World, version: Pick<ImageVersion, 'publisher' | 'offer' | 'sku' | 'location'>): void {
  for (const set of world.scaleSets) {
    if (sameImage(modelImage(set), version) && set.location.toLowerCase() === version.location.toLowerCase()) {
      scheduleAutomaticUpgrade(world, set, world.timing.automaticUpgradeDelayMs);
    }
  }
}

/** A4: a gallery image version was published: sets on its definition ("latest") in a region it reached schedule their rollout. */
export function onGalleryVersionPublished(world: World, definitionId: string, regions: readonly string[]): void {
  for (const set of world.scaleSets) {
    const model = modelImage(set);
    if (model.id?.toLowerCase() === definitionId.toLowerCase() && regions.some((r) => sameRegion(r, set.location))) {
      scheduleAutomaticUpgrade(world, set, world.timing.automaticUpgradeDelayMs);
    }
  }
}

/** Adds a version to the catalog, published at `at` (default now), and triggers A4 when it is published. */
export function publishImageVersion(world: World, version: Omit<ImageVersion, 'publishedAt'>, at = world.now): void {
  world.images.add({ ...version, publishedAt: at });
  world.scheduler.schedule(at, `publish ${version.offer}/${version.sku} ${version.version}`, () => onImagePublished(world, version));
}
