// The planner: a pure function from the fleet, the target, the policy and a strategy to the whole plan
// (a dry run). Nothing here talks to Azure; the executor runs exactly these batches, shrinking one only
// when health changed since planning (O2).
import type { InstanceSnapshot } from '../../azure/gateway';
import type { DurationEstimates, Gates, PlannedBatch, PlannedInstance, ResolvedTarget, RolloutPlan, RolloutPolicy, SkippedInstance, Strategy, UpgradePolicyState } from '../contract';
import { isOnTarget } from '../target';
import { batchLimit, smallSetSize } from './batchLimit';
import { describeHold, policyHoldFor } from './policyHold';
import { batchers, strategyOrder } from './strategies';

export type PlanFleetInstance = Pick<InstanceSnapshot, 'instanceId' | 'name' | 'zone' | 'updateDomain' | 'faultDomain' | 'health' | 'image' | 'latestModelApplied'>;

export interface PlanInput {
  readonly scaleSetId: string;
  readonly instances: readonly PlanFleetInstance[];
  readonly target: ResolvedTarget;
  readonly policy: RolloutPolicy;
  readonly strategy: Strategy;
  readonly gates?: Partial<Gates>;
  readonly estimates?: Partial<DurationEstimates>;
  /** The set's upgrade policy (absent: Manual, automatic OS upgrades off). */
  readonly upgradePolicy?: UpgradePolicyState;
}

/** A reimage and boot take a few minutes on Azure; health confirmation about one probe cycle. */
export const defaultEstimates: DurationEstimates = { moveMs: 4 * 60_000, healthMs: 60_000 };

/** O8 maxSurge: deleting the replaced instances after the new ones are healthy (about a minute on Azure). */
export const surgeDeleteMs = 60_000;
/** The most instances a scale set may have (ARM refuses a larger sku.capacity); a surge cannot go above it. */
export const maxScaleSetCapacity = 1000;

export const noGates: Gates = { afterCanary: false, afterEachZone: false, afterEachBatch: false };

function planned(i: PlanFleetInstance): PlannedInstance {
  return {
    instanceId: i.instanceId,
    name: i.name,
    ...(i.zone !== undefined ? { zone: i.zone } : {}),
    ...(i.updateDomain !== undefined ? { updateDomain: i.updateDomain } : {}),
    ...(i.faultDomain !== undefined ? { faultDomain: i.faultDomain } : {}),
    health: i.health,
    ...(i.image.exactVersion ? { currentVersion: i.image.exactVersion } : i.image.id ? { currentVersion: i.image.id } : {}),
  };
}

const distinct = <T>(values: readonly (T | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v !== undefined))].sort();

function explicitBatches(strategy: Strategy, eligible: Map<string, PlannedInstance>, warnings: string[]): PlannedInstance[][] {
  if (!strategy.batches || strategy.batches.length === 0) throw new RangeError('The explicit strategy needs at least one batch of instance ids (T1)');
  const seen = new Set<string>();
  const out: PlannedInstance[][] = [];
  for (const ids of strategy.batches) {
    const batch: PlannedInstance[] = [];
    for (const id of ids) {
      if (seen.has(id)) {
        warnings.push(`Instance ${id} is listed more than once; it is moved once.`);
        continue;
      }
      seen.add(id);
      const instance = eligible.get(id);
      if (instance) batch.push(instance);
      else warnings.push(`Instance ${id} is not in the set or already on the target; it is left out.`);
    }
    if (batch.length > 0) out.push(batch);
  }
  return out;
}

function gateReason(batches: readonly Omit<PlannedBatch, 'gateAfter'>[], i: number, gates: Gates): PlannedBatch['gateAfter'] {
  const batch = batches[i];
  const next = batches[i + 1];
  if (!next) return undefined;
  if (gates.afterCanary && batch.kind === 'canary') return 'canary';
  if (gates.afterEachZone && (batch.zone ?? '*') !== (next.zone ?? '*')) return 'zone';
  if (gates.afterEachBatch) return 'batch';
  return undefined;
}

/**
 * O9 "one update domain (or fault domain) at a time" needs instances that report that domain: without
 * any, every instance falls in one domain and the whole set would move in one batch. A Flexible set has
 * fault domains but no update domains (Learn: Orchestration modes for Virtual Machine Scale Sets).
 */
function refuseDomainStrategyWithoutDomains(kind: PlanInput['strategy']['kind'], instances: PlanInput['instances']): void {
  if (instances.length === 0) return;
  if (kind === 'updateDomain' && instances.every((i) => i.updateDomain === undefined)) {
    throw new RangeError('No instance reports an update domain (a Flexible scale set has none): one update domain at a time would move the whole set at once. Choose one fault domain at a time, percentage or count batches.');
  }
  if (kind === 'faultDomain' && instances.every((i) => i.faultDomain === undefined)) {
    throw new RangeError('No instance reports a fault domain: one fault domain at a time would move the whole set at once. Choose percentage or count batches.');
  }
}

/** Plans the rollout: which instances move in which batch, and how long it should take. */
export function planRollout(input: PlanInput): RolloutPlan {
  const { target, policy, strategy } = input;
  const gates: Gates = { ...noGates, ...input.gates };
  const estimates: DurationEstimates = { ...defaultEstimates, ...input.estimates };
  const warnings: string[] = [];
  if (strategy.kind === 'count' && !(Number.isInteger(strategy.count) && strategy.count! >= 1)) throw new RangeError(`The count strategy needs a whole number of instances per batch, got ${strategy.count}`);
  const canaryWanted = strategy.canary ?? 0;
  if (!Number.isInteger(canaryWanted) || canaryWanted < 0) throw new RangeError(`The canary must be a whole number of instances, got ${canaryWanted}`);

  const instanceCount = input.instances.length;
  refuseDomainStrategyWithoutDomains(strategy.kind, input.instances);
  const skipped: SkippedInstance[] = [];
  const eligible = new Map<string, PlannedInstance>();
  for (const instance of input.instances) {
    if (isOnTarget(instance, target)) skipped.push({ instance: planned(instance), reason: 'onTarget' });
    else eligible.set(instance.instanceId, planned(instance));
  }

  const small = instanceCount <= smallSetSize;
  const limit = batchLimit(instanceCount, policy, strategy);
  const unhealthy = [...eligible.values()].filter((i) => i.health !== 'healthy').length + skipped.filter((s) => s.instance.health !== 'healthy').length;
  // O2: unhealthy instances elsewhere are already out of service and shrink every batch of healthy ones.
  const shrunk = Math.max(1, limit - unhealthy);
  if (shrunk < limit) warnings.push(`${unhealthy} instance(s) are not healthy: batches shrink from ${limit} to ${shrunk} (O2).`);
  if (small) warnings.push(`The set has ${instanceCount} instance(s): one instance at a time (O2).`);

  let groups: PlannedInstance[][];
  let canary: PlannedInstance[] = [];
  if (strategy.kind === 'explicit') {
    groups = explicitBatches(strategy, eligible, warnings);
    for (const instance of eligible.values()) if (!groups.some((g) => g.includes(instance))) skipped.push({ instance, reason: 'notSelected' });
  } else {
    const kind = strategy.kind;
    const domainUnit = kind === 'updateDomain' || kind === 'faultDomain';
    const chunkSize = domainUnit ? (small ? 1 : Number.MAX_SAFE_INTEGER) : shrunk;
    let rest = [...eligible.values()];
    if (canaryWanted > 0 && rest.length > 0) {
      // The canary is taken from healthy instances first: an instance that is already down proves nothing.
      const ordered = strategyOrder(kind, rest);
      const healthyFirst = [...ordered.filter((i) => i.health === 'healthy'), ...ordered.filter((i) => i.health !== 'healthy')];
      const size = Math.min(canaryWanted, domainUnit ? chunkSize : shrunk, rest.length);
      if (size < canaryWanted) warnings.push(`The canary is limited to ${size} instance(s) by the batch limit (O2).`);
      canary = healthyFirst.slice(0, size);
      rest = rest.filter((i) => !canary.includes(i));
    }
    const partitions = policy.prioritizeUnhealthyInstances ? [rest.filter((i) => i.health !== 'healthy'), rest.filter((i) => i.health === 'healthy')] : [rest];
    // O8 prioritizeUnhealthyInstances: the unhealthy ones go first, already out of service, in full-size batches.
    groups = partitions.flatMap((part, p) => batchers[kind](part, policy.prioritizeUnhealthyInstances && p === 0 && !domainUnit ? limit : chunkSize));
  }

  const drafts: Omit<PlannedBatch, 'gateAfter'>[] = [...(canary.length > 0 ? [canary] : []), ...groups].map((instances, index) => {
    const zones = distinct(instances.map((i) => i.zone));
    return {
      index,
      kind: index === 0 && canary.length > 0 ? 'canary' : 'batch',
      instances,
      ...(zones.length === 1 && instances.every((i) => i.zone !== undefined) ? { zone: zones[0] } : {}),
      updateDomains: distinct(instances.map((i) => i.updateDomain)),
      faultDomains: distinct(instances.map((i) => i.faultDomain)),
      // O8 maxSurge: creating B new VMs takes about a move; deleting the B old ones comes after the health wait.
      // Issue 16: the bake after every batch is part of the batch's time (the next batch waits for it).
      predictedMs: estimates.moveMs + estimates.healthMs + (policy.maxSurge ? surgeDeleteMs : 0) + (gates.bake?.bakeMs ?? 0),
      ...(policy.maxSurge ? { surge: instances.length } : {}),
    };
  });
  const batches: PlannedBatch[] = drafts.map((b, i) => {
    const gateAfter = gateReason(drafts, i, gates);
    return gateAfter ? { ...b, gateAfter } : b;
  });
  const largest = Math.max(0, ...batches.map((b) => b.instances.length));
  if (policy.maxSurge && instanceCount + largest > maxScaleSetCapacity) {
    warnings.push(`maxSurge: ${instanceCount} + ${largest} new instances would exceed a scale set's ${maxScaleSetCapacity}; batches that cannot scale out move in place (O8).`);
  }
  const policyHold = policyHoldFor(input.upgradePolicy ?? { mode: 'Manual', automaticOSUpgrade: false }, target, policy);
  if (policyHold) warnings.push(describeHold(policyHold));
  const predictedMs = batches.reduce((sum, b) => sum + b.predictedMs, 0) + Math.max(0, batches.length - 1) * policy.pauseBetweenBatchesMs;
  return {
    scaleSetId: input.scaleSetId,
    target,
    strategy,
    policy,
    gates,
    instanceCount,
    batchLimit: strategy.kind === 'explicit' || strategy.kind === 'updateDomain' || strategy.kind === 'faultDomain' ? Math.max(1, largest) : limit,
    batches,
    skipped,
    predictedMs,
    estimates,
    warnings,
    ...(policyHold ? { policyHold } : {}),
  };
}
