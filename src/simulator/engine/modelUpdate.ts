// PATCH (update) and PUT (createOrUpdate) of a scale set model. The change is validated first (a
// refused request changes nothing), stored at once, and finishes after `modelUpdateMs` (the LRO).
// A changed virtualMachineProfile makes every instance `latestModelApplied: false`; then the upgrade
// mode decides (O9): Automatic moves every VM at once, Rolling starts a rolling model upgrade with
// the set's policy, Manual waits for manualupgrade. Enabling automatic OS upgrades schedules the
// first rollout (A4). sku.capacity changes scale the set out or in.
import type { ScaleSet } from '../state/model';
import { automaticOsUpgrade, rollingPolicy, upgradeMode } from '../state/modelView';
import { liveInstances } from '../state/coreQuota';
import { removeInstances, scaleOut } from '../state/scaleSetFactory';
import type { World } from '../state/world';
import { scheduleAutomaticUpgrade } from './automaticUpgrades';
import { manualUpgrade } from './instanceOperations';
import { runningUpgrade, startRollingUpgrade } from './rollingUpgrade';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Compute PATCH semantics: objects merge, arrays and scalars replace, null/absent leaves a value as is. */
export function mergeModel(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    out[key] = isObject(value) && isObject(base[key]) ? mergeModel(base[key] as Json, value) : value;
  }
  return out;
}

/** JSON with sorted keys, to compare models regardless of key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

function applyUpgradeMode(world: World, set: ScaleSet): void {
  const behind = set.instances.filter((i) => i.appliedModel !== set.modelVersion);
  if (behind.length === 0) return;
  const mode = upgradeMode(set);
  if (mode === 'Automatic') manualUpgrade(world, set, behind, () => undefined);
  else if (mode === 'Rolling' && !runningUpgrade(set)) {
    startRollingUpgrade(world, set, { kind: 'model', startedBy: 'User', rollbackOnFailure: false, policy: rollingPolicy(set) });
  }
}

/**
 * Stores an already validated candidate model into `set` and schedules the rest; `onDone` runs when
 * the update has finished (the LRO's end).
 */
export function commitModel(world: World, set: ScaleSet, candidate: Pick<ScaleSet, 'properties' | 'tags' | 'sku'>, onDone: () => void): void {
  const profileChanged = canonical(set.properties.virtualMachineProfile) !== canonical(candidate.properties.virtualMachineProfile);
  // Learn, "Configure rolling upgrades" (restart a rolling upgrade): an update of the set makes it check
  // whether every instance runs the latest model; a change of the upgrade policy (e.g. Manual → Rolling)
  // is such an update, so instances left behind are then upgraded the new mode's way.
  const policyChanged = canonical(set.properties.upgradePolicy) !== canonical(candidate.properties.upgradePolicy);
  const autoBefore = automaticOsUpgrade(set).enabled;
  set.properties = candidate.properties;
  set.tags = candidate.tags;
  set.sku = { ...candidate.sku };
  if (profileChanged) set.modelVersion++;
  set.etag++;
  const doneAt = world.now + world.timing.modelUpdateMs;
  set.updatingUntil = doneAt;
  world.scheduler.schedule(doneAt, `model update ${set.name}`, () => {
    set.updatingUntil = undefined;
    const live = liveInstances(set).length;
    const scalesOut = set.sku.capacity > live;
    if (scalesOut) scaleOut(world, set, live, set.sku.capacity);
    else if (set.sku.capacity < live) removeInstances(set, set.sku.capacity);
    if (profileChanged || policyChanged) applyUpgradeMode(world, set);
    if (!autoBefore && automaticOsUpgrade(set).enabled) scheduleAutomaticUpgrade(world, set, world.timing.firstRolloutDelayMs);
    // Like Azure, a scale-out's operation finishes once the new VMs are provisioned.
    if (scalesOut) world.scheduler.schedule(world.now + world.timing.instanceUpgradeMs, `scale-out ${set.name}`, onDone);
    else onDone();
  });
}
