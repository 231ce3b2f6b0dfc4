// Upgrade-policy state (plan.policyHold): before anything changes, the set goes to Manual mode (when the
// run changes the model) and automatic OS upgrades go off; when the run ends, before runFinished, they
// are put back. Both steps are journaled (intent, done) and read the set first, so a run killed at any
// append resumes to the same end and never leaves the policy changed once it has finished.
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import type { UpgradePolicyState } from '../../contract';
import { upgradePolicyOf } from '../../planner/policyHold';
import { readFleet } from '../readFleet';
import type { RunContext } from '../runContext';
import { withRetries } from '../transient';

async function readSet(ctx: RunContext): Promise<VirtualMachineScaleSet> {
  return withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getScaleSet(ctx.ref, ctx.signal), ctx.retry);
}

/** Sets the mode and the automatic OS upgrade flag, keeping the rest of the set's upgradePolicy as it is. */
async function ensurePolicy(ctx: RunContext, wanted: UpgradePolicyState): Promise<void> {
  const set = await readSet(ctx);
  const now = upgradePolicyOf(set);
  if (now.mode === wanted.mode && now.automaticOSUpgrade === wanted.automaticOSUpgrade) return;
  const upgradePolicy = {
    ...set.upgradePolicy,
    mode: wanted.mode,
    automaticOSUpgradePolicy: { ...set.upgradePolicy?.automaticOSUpgradePolicy, enableAutomaticOSUpgrade: wanted.automaticOSUpgrade },
  };
  await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.updateScaleSet(ctx.ref, { upgradePolicy }, { signal: ctx.signal }), ctx.retry);
}

/** Holds the policy for the run (idempotent: an intent without done is completed on resume). */
export async function holdPolicy(ctx: RunContext): Promise<void> {
  const hold = ctx.progress.plan.policyHold;
  const state = ctx.progress.policy.state;
  if (!hold || (state !== 'asFound' && state !== 'holding')) return;
  if (state === 'asFound') ctx.record({ type: 'policyHold', phase: 'intent', policy: hold.during });
  await ensurePolicy(ctx, hold.during);
  ctx.record({ type: 'policyHold', phase: 'done', policy: hold.during });
  ctx.emit({ type: 'warning', message: `Upgrade policy held for the run: mode ${hold.during.mode}, automatic OS upgrades ${hold.during.automaticOSUpgrade ? 'on' : 'off'}; it is restored when the run ends.` });
}

/**
 * Puts the policy back; returns a note for the run's reason when the mode stays Manual. A Rolling or
 * Automatic mode is restored only when every instance runs the model: restoring it is a model update,
 * which makes Azure bring instances left behind (rolled back, failed, not reached) to the model itself,
 * without the run's gates or rollback (Learn, "Configure rolling upgrades": a model update restarts the
 * rolling upgrade).
 */
export async function restorePolicy(ctx: RunContext): Promise<string | undefined> {
  const hold = ctx.progress.plan.policyHold;
  const p = ctx.progress;
  if (!hold || p.policy.state === 'asFound' || p.policy.state === 'restored') return p.policy.note;
  if (p.policy.state !== 'restoring') {
    let mode = hold.original.mode;
    let note: string | undefined;
    if (mode !== hold.during.mode) {
      const behind = [...(await readFleet(ctx)).values()].filter((s) => s.latestModelApplied === false).map((s) => s.instanceId);
      if (behind.length > 0) {
        mode = hold.during.mode;
        note = `The upgrade policy stays ${mode} (it was ${hold.original.mode}): instance(s) ${behind.join(', ')} do not run the model, and restoring ${hold.original.mode} would make Azure move them without the run's health gates or rollback. Set it back when that is what you want.`;
      }
    }
    ctx.record({ type: 'policyRestore', phase: 'intent', policy: { mode, automaticOSUpgrade: hold.original.automaticOSUpgrade }, ...(note ? { note } : {}) });
  }
  const restore = p.policy.restore!;
  const note = p.policy.note;
  await ensurePolicy(ctx, restore);
  ctx.record({ type: 'policyRestore', phase: 'done', policy: restore, ...(note ? { note } : {}) });
  if (note) ctx.emit({ type: 'warning', message: note });
  return note;
}
