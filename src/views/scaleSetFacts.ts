// What a scale-set row shows and which actions apply, derived from the ARM model (issue 4, item 3).
// contextValue tokens let `when` clauses offer only valid actions, e.g.
// `viewItem =~ /^vmssScaleSet;.*\bautoOsUpgradeOff\b/` for "turn on automatic OS upgrade" (A1, R12).
import type { ImageReference } from '@azure/arm-compute';
import { deferralEnabled } from '../azure/osUpgradeDeferral';
import type { ScaleSetNode } from './treeNodes';

export interface RollingProgress {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
}

export interface ScaleSetFacts {
  readonly orchestrationMode: 'Uniform' | 'Flexible';
  readonly capacity?: number;
  readonly image: string;
  /** upgradePolicy.mode; Azure's default is Manual. */
  readonly upgradeMode: string;
  /** A1: automaticOSUpgradePolicy.enableAutomaticOSUpgrade. */
  readonly autoOsUpgrade: boolean;
  /** A6: the latest platform rolling upgrade is RollingForward. */
  readonly rollingUpgrade: boolean;
  readonly rollingProgress?: RollingProgress;
  /** One of our operations on the set is in flight. */
  readonly busy: boolean;
  /** A1 osRollingUpgradeDeferral: automatic OS upgrades wait for approval. */
  readonly deferral: boolean;
  /** Instances waiting for approval (0 until the instances were listed). */
  readonly awaitingApproval: number;
}

const galleryImage = /\/galleries\/([^/]+)\/images\/([^/]+)(?:\/versions\/([^/]+))?$/i;

/** publisher/offer/sku/version, or gallery/definition@version for Compute Gallery images (O9). */
export function imageLabel(image: ImageReference | undefined): string {
  if (!image) return '';
  const gallery = image.id ? galleryImage.exec(image.id) : null;
  if (gallery) return `${gallery[1]}/${gallery[2]}@${gallery[3] ?? 'latest'}`;
  if (image.id) return image.id.split('/').pop() ?? image.id;
  if (image.sharedGalleryImageId ?? image.communityGalleryImageId) return (image.sharedGalleryImageId ?? image.communityGalleryImageId ?? '').split('/').slice(-3).join('/');
  return [image.publisher, image.offer, image.sku, image.version].filter(Boolean).join('/');
}

export function scaleSetFacts(node: ScaleSetNode): ScaleSetFacts {
  const set = node.scaleSet;
  const running = node.rolling?.runningStatus?.code === 'RollingForward';
  const p = node.rolling?.progress;
  const progress = running && p
    ? {
        done: p.successfulInstanceCount ?? 0,
        failed: p.failedInstanceCount ?? 0,
        total: (p.successfulInstanceCount ?? 0) + (p.failedInstanceCount ?? 0) + (p.inProgressInstanceCount ?? 0) + (p.pendingInstanceCount ?? 0),
      }
    : undefined;
  return {
    orchestrationMode: set.orchestrationMode === 'Flexible' ? 'Flexible' : 'Uniform',
    capacity: set.sku?.capacity,
    image: imageLabel(set.virtualMachineProfile?.storageProfile?.imageReference),
    upgradeMode: set.upgradePolicy?.mode ?? 'Manual',
    autoOsUpgrade: set.upgradePolicy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true,
    rollingUpgrade: running,
    rollingProgress: progress,
    busy: node.watching,
    deferral: deferralEnabled(set),
    awaitingApproval: node.awaitingApproval?.length ?? 0,
  };
}

/** e.g. `vmssScaleSet;autoOsUpgradeOn;modeRolling;uniform;rolling;busy`. */
export function scaleSetContextValue(facts: ScaleSetFacts): string {
  return [
    'vmssScaleSet',
    facts.autoOsUpgrade ? 'autoOsUpgradeOn' : 'autoOsUpgradeOff',
    `mode${facts.upgradeMode}`,
    facts.orchestrationMode === 'Flexible' ? 'flexible' : 'uniform',
    ...(facts.rollingUpgrade ? ['rolling'] : []),
    ...(facts.busy ? ['busy'] : []),
    ...(facts.deferral ? ['deferralOn'] : []),
    // Something may wait for approval: instances seen waiting, or a deferred set with a rolling upgrade running.
    ...(facts.deferral && (facts.awaitingApproval > 0 || facts.rollingUpgrade) ? ['approvable'] : []),
  ].join(';');
}

/** Sets on which the platform may be running a rolling OS upgrade right now (A1, A6). */
/** A1: automatic OS image upgrades are on — the ones an OS-image maintenance window confines. */
export function automaticOsUpgradeOn(node: ScaleSetNode): boolean {
  return node.scaleSet.upgradePolicy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true;
}

export function mayRunPlatformUpgrade(node: ScaleSetNode): boolean {
  const policy = node.scaleSet.upgradePolicy;
  return policy?.mode === 'Rolling' || policy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true;
}
