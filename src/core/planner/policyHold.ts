// What the run does with the set's upgrade policy (O9, A1, A4), decided at planning and shown in the plan.
// Learn, "Upgrade policy modes for Virtual Machine Scale Sets": with Automatic mode a model change may take
// every instance down at once; with Rolling mode a model change starts the scale set's own rolling upgrade;
// with Manual mode nothing happens to existing instances. Learn, "Configure rolling upgrades": automatic
// OS image upgrades do not use the mode, they run their own rolling upgrades whenever an image is released.
// Learn, "Change the upgrade policy mode": the mode can be changed at any time.
// So a run that changes the model (a model move, or maxSurge's pin and scale-outs) takes a Rolling or
// Automatic set to Manual for its duration, and every run turns automatic OS upgrades off for its
// duration; both are journaled and restored when the run ends (executor/states/policyHold.ts).
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { parseImageId } from '../../shared/imageId';
import type { PolicyHold, ResolvedTarget, RolloutPolicy, UpgradePolicyState } from '../contract';

export function upgradePolicyOf(set: Pick<VirtualMachineScaleSet, 'upgradePolicy'>): UpgradePolicyState {
  const mode = set.upgradePolicy?.mode;
  return {
    mode: mode === 'Automatic' || mode === 'Rolling' ? mode : 'Manual',
    automaticOSUpgrade: set.upgradePolicy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true,
  };
}

/** Whether the run changes the set's model (image reference, or capacity for maxSurge). */
function changesModel(target: ResolvedTarget, policy: Pick<RolloutPolicy, 'maxSurge'>): boolean {
  return target.method === 'model' || policy.maxSurge;
}

export function policyHoldFor(current: UpgradePolicyState, target: ResolvedTarget, policy: Pick<RolloutPolicy, 'maxSurge'>): PolicyHold | undefined {
  const during: UpgradePolicyState = { mode: changesModel(target, policy) ? 'Manual' : current.mode, automaticOSUpgrade: false };
  if (during.mode === current.mode && during.automaticOSUpgrade === current.automaticOSUpgrade) return undefined;
  return { original: current, during };
}

export function describeHold(hold: PolicyHold): string {
  const parts: string[] = [];
  if (hold.original.mode !== hold.during.mode) {
    parts.push(`the upgrade policy mode goes from ${hold.original.mode} to ${hold.during.mode} for the run (in ${hold.original.mode} mode the model change would make Azure upgrade the instances itself, racing the run)`);
  }
  if (hold.original.automaticOSUpgrade && !hold.during.automaticOSUpgrade) {
    parts.push('automatic OS image upgrades are off for the run (a platform rolling upgrade could start during it, A4)');
  }
  const restore =
    hold.original.mode !== hold.during.mode
      ? `Both are journaled and restored when the run ends; ${hold.original.mode} mode is restored only if every instance then runs the model — otherwise the set stays in Manual and the run says which instances are behind, because restoring ${hold.original.mode} would make Azure move them without the run's health gates or rollback.`
      : 'It is journaled and restored when the run ends.';
  return `Upgrade policy: ${parts.join('; ')}. ${restore}`;
}

/** A target automatic OS upgrades cannot stay on (A1: the model must say `latest` or name a gallery definition). */
export function holdProblem(current: UpgradePolicyState, target: ResolvedTarget): string | undefined {
  if (!current.automaticOSUpgrade || target.method !== 'model') return undefined;
  const model = target.modelImage ?? target.image;
  const pins = model.id ? parseImageId(model.id)?.kind !== 'galleryImage' : (model.version ?? 'latest').toLowerCase() !== 'latest';
  if (!pins) return undefined;
  return `Automatic OS image upgrades are on and need the model to say 'latest' (or a gallery image definition) (A1); ${target.description} would pin the model, so they could not be turned back on after the run. Turn them off first, or choose a target that keeps 'latest'.`;
}
