// Validation of a scale set model before a PATCH/PUT is accepted, with Azure's error codes: ranges of
// the rolling upgrade policy (5–100, 5–100, 0–100, ISO 8601 pause), the upgrade mode, the image
// (A3: publisher and offer never change; the version must exist; an image id must name an image in the
// region, O9), health probe references (H2, R10)
// and the preconditions of Rolling mode and automatic OS upgrades (R15, A1, H3).
import { parseIsoDuration } from '../../shared/iso8601';
import { ArmError, invalidParameter, outOfRange } from '../armError';
import type { ScaleSet } from './model';
import { healthSource, modelExtensions, isApplicationHealthExtension } from './modelView';
import type { World } from './world';

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

const percentRanges: readonly [string, number, number][] = [
  ['maxBatchInstancePercent', 5, 100],
  ['maxUnhealthyInstancePercent', 5, 100],
  ['maxUnhealthyUpgradedInstancePercent', 0, 100],
];

function validateRollingPolicy(policy: Json): void {
  for (const [key, min, max] of percentRanges) {
    const value = policy[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw outOfRange(`rollingUpgradePolicy.${key}`, value, min, max);
  }
  const pause = policy.pauseTimeBetweenBatches;
  if (pause !== undefined && pause !== null) {
    const parsed = typeof pause === 'string' ? parseIsoDuration(pause) : { ok: false as const, error: 'not a string' };
    if (!parsed.ok) {
      throw invalidParameter('rollingUpgradePolicy.pauseTimeBetweenBatches', `The value ${JSON.stringify(pause)} of parameter 'rollingUpgradePolicy.pauseTimeBetweenBatches' is not a valid ISO 8601 duration (for example PT0S or PT30S).`);
    }
  }
  for (const key of ['enableCrossZoneUpgrade', 'prioritizeUnhealthyInstances', 'rollbackFailedInstancesOnPolicyBreach', 'maxSurge']) {
    if (policy[key] !== undefined && policy[key] !== null && typeof policy[key] !== 'boolean') throw invalidParameter(`rollingUpgradePolicy.${key}`, `The value of parameter 'rollingUpgradePolicy.${key}' must be a boolean.`);
  }
}

function validateUpgradePolicy(upgradePolicy: Json): void {
  const mode = upgradePolicy.mode;
  if (mode !== undefined && !['Automatic', 'Manual', 'Rolling'].includes(String(mode))) {
    throw invalidParameter('upgradePolicy.mode', `The value ${JSON.stringify(mode)} of parameter 'upgradePolicy.mode' is not valid. Allowed values are Automatic, Manual and Rolling.`);
  }
  validateRollingPolicy(obj(upgradePolicy.rollingUpgradePolicy));
  const auto = obj(upgradePolicy.automaticOSUpgradePolicy);
  for (const key of ['enableAutomaticOSUpgrade', 'disableAutomaticRollback', 'useRollingUpgradePolicy', 'osRollingUpgradeDeferral']) {
    if (auto[key] !== undefined && auto[key] !== null && typeof auto[key] !== 'boolean') throw invalidParameter(`automaticOSUpgradePolicy.${key}`, `The value of parameter 'automaticOSUpgradePolicy.${key}' must be a boolean.`);
  }
}

function validateImage(world: World, candidate: ScaleSet, previous: ScaleSet | undefined): void {
  const ref = obj(obj(obj(candidate.properties.virtualMachineProfile).storageProfile).imageReference);
  if (ref.id !== undefined && ref.id !== null) return validateImageId(world, candidate, ref);
  const [publisher, offer, sku, version] = [ref.publisher, ref.offer, ref.sku, ref.version ?? 'latest'].map((v) => (typeof v === 'string' ? v : ''));
  if (previous) {
    const before = obj(obj(obj(previous.properties.virtualMachineProfile).storageProfile).imageReference);
    // A set on a gallery or managed image keeps the publisher and offer it was created with.
    const origin: Json = typeof before.id === 'string' && before.id ? { ...(previous.platformOrigin ?? {}) } : before;
    for (const [key, value] of [['publisher', publisher], ['offer', offer]] as const) {
      if (String(origin[key] ?? '').toLowerCase() !== value.toLowerCase()) {
        // A3: publisher and offer of an existing scale set can never change.
        throw new ArmError(409, 'PropertyChangeNotAllowed', `Changing property 'imageReference.${key}' is not allowed.`, `imageReference.${key}`);
      }
    }
  }
  const key = { publisher, offer, sku };
  const known = world.images.knows(key, candidate.location) && (version.toLowerCase() === 'latest' ? world.images.newest(key, candidate.location, world.now) !== undefined : world.images.has(key, candidate.location, version, world.now));
  if (!known) {
    throw new ArmError(404, 'PlatformImageNotFound', `The platform image '${publisher}:${offer}:${sku}:${version}' is not available. Verify that all fields in the storage profile are correct.`);
  }
}

/**
 * O9: an image id names a gallery image definition ("latest"), a gallery image version or a managed
 * image that must exist in the set's region with the set's OS type. ImageReference.version says a
 * gallery image is given by `id` alone; A4: automatic OS upgrades need a gallery definition (latest).
 */
function validateImageId(world: World, candidate: ScaleSet, ref: Json): void {
  if (typeof ref.id !== 'string') throw invalidParameter('imageReference.id', "The value of parameter 'imageReference.id' must be a string.");
  if (['publisher', 'offer', 'sku', 'version'].some((k) => ref[k] !== undefined && ref[k] !== null)) {
    throw invalidParameter('imageReference', "Parameter 'imageReference' must give either 'id' or 'publisher', 'offer', 'sku' and 'version', not both.");
  }
  const image = world.customImages.resolve(ref.id, candidate.location, world.now);
  if (image.osType !== candidate.osType) {
    throw invalidParameter('imageReference.id', `The image ${ref.id} has OS type ${image.osType}; Virtual Machine Scale Set ${candidate.name} runs ${candidate.osType}.`);
  }
  const auto = obj(obj(candidate.properties.upgradePolicy).automaticOSUpgradePolicy);
  if (auto.enableAutomaticOSUpgrade === true && image.parsed.kind !== 'galleryImage') {
    throw autoUpgradeNeedsLatest();
  }
}

/**
 * R15/A1: Rolling mode and automatic OS upgrades without a health signal. Compute answers 400 BadRequest
 * with this message (quoted in hashicorp/terraform-provider-azurerm PR #5430 and gbowerman/azure-myriad
 * issue #30); automatic OS upgrades have their own message (see validateHealth).
 */
function missingHealthSignal(): ArmError {
  return new ArmError(400, 'BadRequest', 'Rolling Upgrade mode is not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided.');
}

/**
 * A4: automatic OS upgrades follow `latest` only. Compute answers 400 BadRequest with this message
 * (hashicorp/terraform-provider-azurerm issues #8301 and #11398) for a pinned platform or gallery version.
 */
function autoUpgradeNeedsLatest(): ArmError {
  return new ArmError(400, 'BadRequest', "virtualMachineScaleSets with Automatic OS Upgrade enabled must use Platform or Gallery Image with version set to 'latest'.");
}

function validateHealth(world: World, candidate: ScaleSet): void {
  const probe = obj(obj(obj(candidate.properties.virtualMachineProfile).networkProfile).healthProbe).id;
  const hasExtension = modelExtensions(candidate).some(isApplicationHealthExtension);
  if (typeof probe === 'string' && probe) {
    const lb = world.loadBalancerForProbe(probe);
    if (!lb) throw new ArmError(400, 'InvalidResourceReference', `Resource ${probe} referenced by resource ${candidate.name} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`, 'healthProbe.id');
    // H2/R10: with multiple placement groups the probe must belong to a Standard load balancer.
    if (candidate.properties.singlePlacementGroup === false && lb.sku !== 'Standard') {
      throw invalidParameter('healthProbe.id', `Virtual Machine Scale Set ${candidate.name} with singlePlacementGroup set to false requires a Standard SKU load balancer for its health probe; ${lb.name} is ${lb.sku}.`);
    }
    // H3: only one health source per scale set. Compute's answer is known for automatic OS upgrades
    // (MicrosoftDocs/azure-docs issue #114432); for the other cases the code and message are ours (unverified).
    if (hasExtension && obj(obj(candidate.properties.upgradePolicy).automaticOSUpgradePolicy).enableAutomaticOSUpgrade === true) {
      throw new ArmError(400, 'BadRequest', 'Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because both a health probe and a health extension were provided. Remove the health probe or health extension prior to enabling automatic OS upgrade.');
    }
    if (hasExtension) throw invalidParameter('healthProbe.id', 'A Virtual Machine Scale Set can use either a load balancer health probe or the Application Health extension, not both.');
  }
  const policy = obj(candidate.properties.upgradePolicy);
  const source = healthSource(candidate);
  if (policy.mode === 'Rolling' && source.kind === 'none') {
    throw missingHealthSignal();
  }
  const auto = obj(policy.automaticOSUpgradePolicy);
  if (auto.enableAutomaticOSUpgrade === true) {
    if (source.kind === 'none') {
      // Compute's answer (Azure-Samples/open-source-labs issue #46).
      throw new ArmError(400, 'BadRequest', 'Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because a health probe or health extension was not specified.');
    }
    const version = obj(obj(obj(candidate.properties.virtualMachineProfile).storageProfile).imageReference).version;
    if (typeof version === 'string' && version.toLowerCase() !== 'latest') {
      throw autoUpgradeNeedsLatest();
    }
  }
}

/** Throws the ArmError Azure would answer for this model; `previous` is the stored set (update) or undefined (create). */
export function validateModel(world: World, candidate: ScaleSet, previous: ScaleSet | undefined): void {
  if (Object.keys(obj(candidate.properties.virtualMachineProfile)).length === 0) {
    throw invalidParameter('virtualMachineProfile', "Required parameter 'virtualMachineProfile' is missing (null).");
  }
  validateUpgradePolicy(obj(candidate.properties.upgradePolicy));
  validateImage(world, candidate, previous);
  validateHealth(world, candidate);
  const capacity = candidate.sku.capacity;
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1000) throw outOfRange('sku.capacity', capacity, 0, 1000);
}
