// The platform's rolling upgrade, written from the spec (O1–O8, A5/A6), not from our orchestrator:
// pre-check (O1), batches (O2/O8), OS disk replacement (O3), a health wait per batch with automatic
// rollback (O4), the upgraded-unhealthy limit (O5), a whole-set re-check before every batch (O6),
// repeat until done (O7), pauses between batches and cancel (O8, A6).
import { ArmError } from '../armError';
import { countsAsUnhealthy, instanceHealth, type HealthContext } from '../state/health';
import { sameOsDisk } from '../state/imageCatalog';
import type { ImageReference, Instance, ScaleSet } from '../state/model';
import { modelImage, orchestrationMode } from '../state/modelView';
import type { EffectivePolicy, UpgradeRun } from '../state/upgradeRun';
import type { World } from '../state/world';
import { nextBatch } from './batchPlanner';
import { osImageWindowVerdict } from './maintenanceWindowGate';
import { replaceOsDisk, resolveVersion } from './diskReplacement';
import type { Operation } from './operations';

export interface StartOptions {
  readonly kind: 'os' | 'model';
  readonly startedBy: 'User' | 'Platform';
  readonly rollbackOnFailure: boolean;
  readonly policy: EffectivePolicy;
  readonly operation?: Operation;
  /** osRollingUpgradeDeferral: each instance waits for approval before its disk is replaced. */
  readonly deferral?: boolean;
}

function healthContext(world: World): HealthContext {
  return { now: world.now, seed: world.seed, timing: world.timing };
}

export function runningUpgrade(set: ScaleSet): UpgradeRun | undefined {
  return set.upgradeRuns.find((r) => r.code === 'RollingForward');
}

function unhealthyIds(world: World, set: ScaleSet): Set<string> {
  const ctx = healthContext(world);
  return new Set(set.instances.filter((i) => countsAsUnhealthy(instanceHealth(ctx, set, i))).map((i) => i.instanceId));
}

function exceeds(count: number, total: number, percent: number): boolean {
  return total > 0 && count * 100 > percent * total;
}

function needsUpgrade(run: Pick<UpgradeRun, 'kind' | 'target' | 'targetModel'>, inst: Instance): boolean {
  return run.kind === 'os' ? !sameOsDisk(inst.osImage, run.target) : inst.appliedModel !== run.targetModel;
}

function operationOf(world: World, run: UpgradeRun): Operation | undefined {
  return run.operationId ? world.operations.get(run.operationId) : undefined;
}

function finish(world: World, run: UpgradeRun, outcome: 'Completed' | 'Faulted', reported?: { code: string; message: string }): void {
  const op = operationOf(world, run);
  // A fault rule's failOperation on the request that started the run (e.g. osRollingUpgrade failing
  // with InternalExecutionError) fails the rolling upgrade itself: rollingUpgrades/latest and the OS
  // upgrade history report the error its operation reports (A8 codes the engine never decides on).
  const injected = outcome === 'Completed' ? op?.failWith : undefined;
  const code = injected ? 'Faulted' : outcome;
  const error = injected ?? reported;
  run.code = code;
  run.endTime = world.now;
  if (error) run.error = error;
  if (op) world.operations.finish(op, world.now, code === 'Completed' ? 'Succeeded' : 'Failed', error);
}

function rollBack(world: World, set: ScaleSet, run: UpgradeRun, instances: readonly Instance[], onDone: () => void): void {
  const toRestore = instances.filter((i) => i.previousOsImage !== undefined);
  if (toRestore.length === 0) return onDone();
  let remaining = toRestore.length;
  for (const inst of toRestore) {
    replaceOsDisk(world, set, inst, inst.previousOsImage!, {
      onDone: () => {
        run.rolledBack++;
        if (--remaining === 0) onDone();
      },
    });
  }
}

/** A policy breach (O5/O6): stop; with rollbackFailedInstancesOnPolicyBreach (Uniform only) restore failed instances. */
function breach(world: World, set: ScaleSet, run: UpgradeRun, code: string, message: string, failedNotRolledBack: readonly Instance[]): void {
  finish(world, run, 'Faulted', { code, message });
  if (run.policy.rollbackFailedInstancesOnPolicyBreach && orchestrationMode(set) === 'Uniform') rollBack(world, set, run, failedNotRolledBack, () => undefined);
}

function afterBatch(world: World, set: ScaleSet, run: UpgradeRun): void {
  const pending = [...run.progress.values()].filter((p) => p === 'pending').length;
  if (pending === 0) return finish(world, run, 'Completed');
  world.scheduler.schedule(world.now + run.policy.pauseMs, `batch ${set.name} #${run.batches.length + 1}`, () => beginBatch(world, set, run));
}

function judgeBatch(world: World, set: ScaleSet, run: UpgradeRun, batch: readonly Instance[]): void {
  const ctx = healthContext(world);
  const failed = batch.filter((i) => instanceHealth(ctx, set, i) !== 'healthy');
  for (const inst of batch) run.progress.set(inst.instanceId, failed.includes(inst) ? 'failed' : 'succeeded');
  const failedTotal = [...run.progress.values()].filter((p) => p === 'failed').length;
  const checkO5 = () => {
    if (run.code !== 'RollingForward') return;
    // O5: abort when the share of upgraded instances that became unhealthy exceeds the limit (A8 code).
    if (exceeds(failedTotal, run.upgradedCount, run.policy.maxUnhealthyUpgradedInstancePercent)) {
      return breach(
        world,
        set,
        run,
        'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade',
        `${failedTotal} of ${run.upgradedCount} upgraded instances are unhealthy, more than maxUnhealthyUpgradedInstancePercent (${run.policy.maxUnhealthyUpgradedInstancePercent}%). The rolling upgrade was stopped.`,
        run.rollbackOnFailure ? [] : failed,
      );
    }
    afterBatch(world, set, run);
  };
  // O4: instances not healthy within the wait are rolled back (automatic upgrades, unless
  // disableAutomaticRollback); a manual trigger never rolls back (A6).
  if (failed.length > 0 && run.rollbackOnFailure) rollBack(world, set, run, failed, checkO5);
  else checkO5();
}

function waitForHealth(world: World, set: ScaleSet, run: UpgradeRun, batch: readonly Instance[], deadline: number): void {
  if (run.code !== 'RollingForward') return;
  const ctx = healthContext(world);
  // H3: Initializing is waited for; Unhealthy/Unknown may still recover within the 5 minutes (O4).
  const allHealthy = batch.every((i) => instanceHealth(ctx, set, i) === 'healthy');
  if (allHealthy || world.now >= deadline) return judgeBatch(world, set, run, batch);
  const next = Math.min(world.now + world.timing.healthCheckIntervalMs, deadline);
  world.scheduler.schedule(next, `health ${set.name} #${run.batches.length}`, () => waitForHealth(world, set, run, batch, deadline));
}

function beginBatch(world: World, set: ScaleSet, run: UpgradeRun): void {
  if (run.code !== 'RollingForward') return;
  // A platform (automatic) rollout starts batches only inside the set's OS-image maintenance window.
  if (run.startedBy === 'Platform' && run.batches.length > 0 && !run.cancelRequested) {
    const window = osImageWindowVerdict(world, set);
    if (!window.open) {
      if (window.nextStart !== undefined) world.scheduler.schedule(window.nextStart, `batch ${set.name} #${run.batches.length + 1} (maintenance window)`, () => beginBatch(world, set, run));
      return;
    }
  }
  const unhealthy = unhealthyIds(world, set);
  // O6: re-check the whole set before every batch; other maintenance may have taken instances down.
  if (run.batches.length > 0 && exceeds(unhealthy.size, set.instances.length, run.policy.maxUnhealthyInstancePercent)) {
    const failed = set.instances.filter((i) => run.progress.get(i.instanceId) === 'failed');
    return breach(
      world,
      set,
      run,
      'MaxUnhealthyInstancePercentExceededInRollingUpgrade',
      `${unhealthy.size} of ${set.instances.length} instances are unhealthy, more than maxUnhealthyInstancePercent (${run.policy.maxUnhealthyInstancePercent}%). The rolling upgrade was stopped.`,
      run.rollbackOnFailure ? [] : failed,
    );
  }
  const pending = set.instances.filter((i) => run.progress.get(i.instanceId) === 'pending');
  const batch = nextBatch(pending, unhealthy, run.policy, set.instances.length);
  if (batch.length === 0) return finish(world, run, 'Completed');
  run.batches.push(batch.map((i) => i.instanceId));
  run.batchRemaining = batch.length;
  for (const inst of batch) {
    // Deferral: the instance is notified (Learn: IMDS tag 'Platform.PendingOSUpgrade') and waits for approval.
    if (run.deferral) run.awaitingApproval.add(inst.instanceId);
    else upgradeInstance(world, set, run, inst);
  }
}

function currentBatch(set: ScaleSet, run: UpgradeRun): Instance[] {
  const ids = new Set(run.batches.at(-1) ?? []);
  return set.instances.filter((i) => ids.has(i.instanceId));
}

function markInFlightDone(set: ScaleSet, run: UpgradeRun): void {
  for (const i of currentBatch(set, run)) if (run.progress.get(i.instanceId) === 'inProgress') run.progress.set(i.instanceId, 'succeeded');
}

/** Replaces one batch instance's OS disk; the last one of the batch starts the batch's health wait (O4). */
function upgradeInstance(world: World, set: ScaleSet, run: UpgradeRun, inst: Instance): void {
  run.progress.set(inst.instanceId, 'inProgress');
  replaceOsDisk(world, set, inst, run.target, {
    applyModel: run.kind === 'model',
    onDone: () => {
      run.upgradedCount++;
      if (--run.batchRemaining > 0) return;
      // A cancel lets the batch in flight finish its disks (they cannot stop half-way), then stops.
      if (run.code !== 'RollingForward') return markInFlightDone(set, run);
      waitForHealth(world, set, run, currentBatch(set, run), world.now + world.timing.healthWaitMs);
    },
  });
}

/** The instances of a set's running upgrade that wait for approval (osRollingUpgradeDeferral). */
export function awaitingApproval(set: ScaleSet): ReadonlySet<string> {
  return runningUpgrade(set)?.awaitingApproval ?? new Set();
}

/** Approves waiting instances: each starts its OS disk replacement now. */
export function approveInstances(world: World, set: ScaleSet, instanceIds: readonly string[]): void {
  const run = runningUpgrade(set);
  if (!run) return;
  for (const id of instanceIds) {
    const inst = set.instances.find((i) => i.instanceId === id);
    if (!inst || !run.awaitingApproval.delete(id)) continue;
    upgradeInstance(world, set, run, inst);
  }
}

/** The image a run moves instances to: the newest published version for `latest` (A2, A6). */
export function upgradeTarget(world: World, set: ScaleSet): ImageReference {
  return resolveVersion(world, set, modelImage(set));
}

/** 409 RollingUpgradeInProgress when a rolling upgrade is running. */
export function assertNoRunningUpgrade(set: ScaleSet): void {
  if (runningUpgrade(set)) {
    throw new ArmError(409, 'RollingUpgradeInProgress', `Rolling Upgrade is already in progress on VM scale set ${set.name}. Wait for it to complete, or cancel it, before starting another one.`);
  }
}

/** Starts a rolling upgrade; 409 RollingUpgradeInProgress if one is running. */
export function startRollingUpgrade(world: World, set: ScaleSet, options: StartOptions): UpgradeRun {
  assertNoRunningUpgrade(set);
  const now = world.now;
  const run: UpgradeRun = {
    id: world.newGuid(),
    kind: options.kind,
    startedBy: options.startedBy,
    rollbackOnFailure: options.rollbackOnFailure,
    policy: options.policy,
    target: upgradeTarget(world, set),
    targetModel: set.modelVersion,
    code: 'RollingForward',
    startTime: now,
    lastAction: 'Start',
    lastActionTime: now,
    progress: new Map(),
    batches: [],
    upgradedCount: 0,
    rolledBack: 0,
    rollbackFailed: 0,
    cancelRequested: false,
    deferral: options.deferral === true,
    awaitingApproval: new Set(),
    batchRemaining: 0,
    ...(options.operation ? { operationId: options.operation.id } : {}),
  };
  set.upgradeRuns.push(run);
  // O1: refuse to start when too many instances are already unhealthy, for any reason.
  const unhealthy = unhealthyIds(world, set);
  if (exceeds(unhealthy.size, set.instances.length, run.policy.maxUnhealthyInstancePercent)) {
    finish(world, run, 'Faulted', {
      code: 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade',
      message: `${unhealthy.size} of ${set.instances.length} instances are unhealthy before the rolling upgrade, more than maxUnhealthyInstancePercent (${run.policy.maxUnhealthyInstancePercent}%).`,
    });
    return run;
  }
  // Instances already on the target are untouched (A6).
  for (const inst of set.instances) if (needsUpgrade(run, inst)) run.progress.set(inst.instanceId, 'pending');
  if (run.progress.size === 0) {
    // A6: with no newer image the platform reports success and changes nothing; here the run is
    // recorded as Completed with zero instances, which is what rollingUpgrades/latest then shows.
    finish(world, run, 'Completed');
    return run;
  }
  beginBatch(world, set, run);
  return run;
}

/** A6: cancels the running upgrade; the batch in flight finishes its disks, no further batch starts. */
export function cancelRollingUpgrade(world: World, set: ScaleSet): UpgradeRun {
  const run = runningUpgrade(set);
  if (!run) throw new ArmError(409, 'OperationNotAllowed', `There is no rolling upgrade in progress on VM scale set ${set.name} to cancel.`);
  run.cancelRequested = true;
  run.code = 'Cancelled';
  // Instances still waiting for approval were never touched: they stay pending.
  run.batchRemaining -= run.awaitingApproval.size;
  run.awaitingApproval.clear();
  if (run.batchRemaining === 0) markInFlightDone(set, run);
  run.lastAction = 'Cancel';
  run.lastActionTime = world.now;
  run.endTime = world.now;
  const op = operationOf(world, run);
  if (op) world.operations.finish(op, world.now, 'Canceled', { code: 'OperationCanceled', message: 'The rolling upgrade was cancelled.' });
  return run;
}
