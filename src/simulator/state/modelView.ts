// Facts derived from a scale set's ARM model (`properties`): image, upgrade policy, health source,
// extensions. The model is stored as the client sent it, so these read it defensively.
import { parseIsoDuration } from '../../shared/iso8601';
import { parseImageId } from './customImages';
import type { ImageReference, OrchestrationMode, ScaleSet } from './model';
import type { EffectivePolicy } from './upgradeRun';

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function vmProfile(set: ScaleSet): Json {
  return obj(set.properties.virtualMachineProfile);
}

export function modelImage(set: ScaleSet): ImageReference {
  const ref = obj(obj(vmProfile(set).storageProfile).imageReference);
  if (typeof ref.id === 'string' && ref.id) {
    // O9: a gallery definition means its latest version; a version id or a managed image is fixed.
    const parsed = parseImageId(ref.id);
    return { publisher: '', offer: '', sku: '', version: parsed?.kind === 'galleryImage' ? 'latest' : parsed?.kind === 'galleryImageVersion' ? parsed.version : '', id: ref.id };
  }
  return { publisher: String(ref.publisher ?? ''), offer: String(ref.offer ?? ''), sku: String(ref.sku ?? ''), version: String(ref.version ?? 'latest') };
}

export function upgradeMode(set: ScaleSet): 'Automatic' | 'Manual' | 'Rolling' {
  const mode = String(obj(set.properties.upgradePolicy).mode ?? 'Manual');
  return mode === 'Automatic' || mode === 'Rolling' ? mode : 'Manual';
}

export function orchestrationMode(set: ScaleSet): OrchestrationMode {
  return set.properties.orchestrationMode === 'Flexible' ? 'Flexible' : 'Uniform';
}

export interface AutomaticOsUpgrade {
  readonly enabled: boolean;
  readonly disableAutomaticRollback: boolean;
  readonly useRollingUpgradePolicy: boolean;
  readonly osRollingUpgradeDeferral: boolean;
}

/** A1: the automatic OS image upgrade flags, defaults false. */
export function automaticOsUpgrade(set: ScaleSet): AutomaticOsUpgrade {
  const p = obj(obj(set.properties.upgradePolicy).automaticOSUpgradePolicy);
  return {
    enabled: p.enableAutomaticOSUpgrade === true,
    disableAutomaticRollback: p.disableAutomaticRollback === true,
    useRollingUpgradePolicy: p.useRollingUpgradePolicy === true,
    osRollingUpgradeDeferral: p.osRollingUpgradeDeferral === true,
  };
}

/** The platform's defaults (O1, O2, O5, O8), also used by automatic upgrades unless useRollingUpgradePolicy (A1). */
export const platformDefaultPolicy: EffectivePolicy = {
  maxBatchInstancePercent: 20,
  maxUnhealthyInstancePercent: 20,
  maxUnhealthyUpgradedInstancePercent: 20,
  pauseTimeBetweenBatches: 'PT0S',
  pauseMs: 0,
  enableCrossZoneUpgrade: false,
  prioritizeUnhealthyInstances: false,
  rollbackFailedInstancesOnPolicyBreach: false,
  maxSurge: false,
};

/** The set's `rollingUpgradePolicy` with Azure's defaults for what it leaves out. */
export function rollingPolicy(set: ScaleSet): EffectivePolicy {
  const p = obj(obj(set.properties.upgradePolicy).rollingUpgradePolicy);
  const num = (key: string, fallback: number) => (typeof p[key] === 'number' ? (p[key] as number) : fallback);
  const bool = (key: string) => p[key] === true;
  const pause = typeof p.pauseTimeBetweenBatches === 'string' ? p.pauseTimeBetweenBatches : 'PT0S';
  const parsed = parseIsoDuration(pause);
  return {
    maxBatchInstancePercent: num('maxBatchInstancePercent', 20),
    maxUnhealthyInstancePercent: num('maxUnhealthyInstancePercent', 20),
    maxUnhealthyUpgradedInstancePercent: num('maxUnhealthyUpgradedInstancePercent', 20),
    pauseTimeBetweenBatches: pause,
    pauseMs: parsed.ok ? parsed.ms : 0,
    enableCrossZoneUpgrade: bool('enableCrossZoneUpgrade'),
    prioritizeUnhealthyInstances: bool('prioritizeUnhealthyInstances'),
    rollbackFailedInstancesOnPolicyBreach: bool('rollbackFailedInstancesOnPolicyBreach'),
    maxSurge: bool('maxSurge'),
  };
}

export interface ModelExtension {
  readonly name: string;
  readonly publisher: string;
  readonly type: string;
  readonly typeHandlerVersion: string;
  readonly settings: unknown;
}

export function modelExtensions(set: ScaleSet): ModelExtension[] {
  return arr(obj(vmProfile(set).extensionProfile).extensions).map((e) => {
    const ext = obj(e);
    const props = obj(ext.properties);
    return {
      name: String(ext.name ?? ''),
      publisher: String(props.publisher ?? ''),
      type: String(props.type ?? ''),
      typeHandlerVersion: String(props.typeHandlerVersion ?? ''),
      settings: props.settings ?? {},
    };
  });
}

export function isApplicationHealthExtension(ext: Pick<ModelExtension, 'publisher' | 'type'>): boolean {
  return ext.publisher.toLowerCase() === 'microsoft.managedservices' && /^applicationhealth(linux|windows)$/i.test(ext.type);
}

export type HealthSource = { readonly kind: 'probe'; readonly probeId: string } | { readonly kind: 'extension'; readonly name: string } | { readonly kind: 'none' };

/** H2/H3: the probe referenced by networkProfile.healthProbe, else the Application Health extension, else none (H1). */
export function healthSource(set: ScaleSet): HealthSource {
  const ext = modelExtensions(set).find(isApplicationHealthExtension);
  if (ext) return { kind: 'extension', name: ext.name };
  const probe = obj(obj(vmProfile(set).networkProfile).healthProbe).id;
  if (typeof probe === 'string' && probe) return { kind: 'probe', probeId: probe };
  return { kind: 'none' };
}
