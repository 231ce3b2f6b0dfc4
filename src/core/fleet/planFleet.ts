// `fleet plan`: resolves every group's sets, reads each set once (its model, readiness and its own plan
// against the target) and runs the safety checks. Changes nothing in Azure.
import type { AzureGateway, ScaleSetRef } from '../../azure/gateway';
import { scaleSetId } from '../../azure/gateway';
import { evaluateReadiness } from '../../readiness/evaluateReadiness';
import { scaleSetModelFromLive } from '../../readiness/fromLive';
import { type Clock, realClock } from '../../shared/clock';
import type { Strategy, UpgradeTarget } from '../contract';
import { planFromAzure } from '../rollout';
import type { FleetPlan, PlannedFleetGroup, PlannedFleetSet, PlannedFleetStage, SafetyFinding } from './fleetPlan';
import type { FleetEngine, FleetRolloutFile } from './rolloutFile';
import { safetyFindings } from './safetyChecks';
import { SetCatalog } from './selectSets';
import { serviceFabricClusterOf } from './serviceFabricCluster';
import { embeddedStrategy } from './strategy';

/**
 * Readiness rules (src/readiness) that make a set not ready, per engine. Azure's rolling upgrade needs
 * what A6 needs (a health signal R3/R15, one health source R13, a Compute API that has it R4, a probe on a
 * Standard balancer R10, an image that follows `latest` R1). The embedded orchestrator moves instances
 * itself, so only what makes moving unsafe counts (Service Fabric durability R7/R9, one health source R13,
 * a valid rolling policy RP1–RP3). Automatic-upgrade-only rules (R2, R6, R12 …) never block a fleet run.
 */
const blockingRules: Record<FleetEngine['kind'], readonly string[]> = {
  platform: ['R1', 'R3', 'R4', 'R7', 'R9', 'R10', 'R13', 'R15', 'RP1', 'RP2', 'RP3'],
  embedded: ['R7', 'R9', 'R13', 'RP1', 'RP2', 'RP3'],
};

export interface FleetPlanOptions {
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  /** Sets read at the same time while planning (default 8). */
  readonly concurrency?: number;
  /** ARM reads per second per subscription the plan may spend (default 20). */
  readonly readsPerSecond?: number;
  readonly file?: string;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function planSet(gateway: AzureGateway, ref: ScaleSetRef, engine: FleetEngine, target: UpgradeTarget, clock: Clock, signal?: AbortSignal): Promise<PlannedFleetSet> {
  const base = { id: scaleSetId(ref), name: ref.name, subscriptionId: ref.subscriptionId };
  let set;
  try {
    set = await gateway.getScaleSet(ref, signal);
  } catch (err) {
    return { ...base, location: '', status: 'notReady', reasons: [`cannot be read: ${(err as Error).message}`], instances: 0 };
  }
  const cluster = serviceFabricClusterOf(set);
  const common = { ...base, location: set.location, instances: set.sku?.capacity ?? 0, ...(cluster ? { serviceFabricCluster: cluster } : {}) };
  const report = evaluateReadiness(scaleSetModelFromLive(set));
  const blocking = report.findings.filter((f) => f.severity === 'error' && f.kind === 'violation' && blockingRules[engine.kind].includes(f.rule));
  const reasons = blocking.map((f) => (f.message.startsWith(`${f.rule}:`) ? f.message : `${f.rule}: ${f.message}`));
  const strategy: Strategy = engine.kind === 'embedded' ? embeddedStrategy(engine) : { kind: 'zoneThenUpdateDomain' };
  // Azure's rolling upgrade takes the set to the latest version of its image (A6): that is its target.
  const setTarget: UpgradeTarget = engine.kind === 'platform' ? { kind: 'latest' } : target;
  const planned = await planFromAzure(gateway, { ref, target: setTarget, strategy, ...(engine.kind === 'embedded' && engine.policy ? { policy: engine.policy } : {}), ...(signal ? { signal } : {}) }, clock).catch((err: Error) => ({ ok: false as const, errors: [err.message] }));
  if (!planned.ok) return { ...common, status: 'notReady', reasons: [...reasons, ...planned.errors] };
  if (reasons.length > 0) return { ...common, status: 'notReady', reasons };
  const plan = planned.plan;
  if (plan.batches.length === 0 && plan.skipped.every((s) => s.reason === 'onTarget')) return { ...common, status: 'onTarget', reasons: [`every instance runs ${plan.target.description}`] };
  return { ...common, status: 'ready', reasons: [], ...(engine.kind === 'embedded' ? { predictedMs: plan.predictedMs, batches: plan.batches.length } : {}) };
}

/** Reads one set costs while planning: the set twice (here and its own plan), its instances, its upgrade history, the image versions. */
const readsPerSetPlan = 5;

/**
 * Paces the plan's reads per subscription below Azure Resource Manager's read bucket, which refills 25 a
 * second per subscription (Learn: Understand how Azure Resource Manager throttles requests, 2024 token
 * buckets; FIDELITY issue 12): a 200-set plan otherwise spends the bucket's 250 at once and gets 429s.
 */
export class ReadPacer {
  private readonly next = new Map<string, number>();
  constructor(
    private readonly clock: Clock,
    private readonly readsPerSecond: number,
    private readonly signal?: AbortSignal,
  ) {}

  async take(subscriptionId: string, reads: number): Promise<void> {
    const key = subscriptionId.toLowerCase();
    const now = this.clock.now();
    const slot = Math.max(now, this.next.get(key) ?? now);
    this.next.set(key, slot + (reads * 1000) / this.readsPerSecond);
    if (slot > now) await this.clock.sleep(slot - now, this.signal);
  }
}

export async function planFleet(gateway: AzureGateway, rollout: FleetRolloutFile, options: FleetPlanOptions = {}): Promise<FleetPlan> {
  const clock = options.clock ?? realClock;
  const catalog = new SetCatalog(gateway, options.signal);
  const pacer = new ReadPacer(clock, options.readsPerSecond ?? 20, options.signal);
  const selectorFindings: SafetyFinding[] = [];
  const stages: PlannedFleetStage[] = [];
  for (const stage of rollout.stages) {
    const groups: PlannedFleetGroup[] = [];
    for (const group of stage.groups) {
      const selected = await catalog.select(group.select);
      for (const problem of selected.problems) selectorFindings.push({ check: 'selector', severity: selected.refs.length === 0 && /failed|no 'id'/.test(problem) ? 'error' : 'warning', stage: stage.name, message: `group '${group.name}': ${problem}` });
      const sets = await mapLimited(selected.refs, options.concurrency ?? 8, async (ref) => {
        await pacer.take(ref.subscriptionId, readsPerSetPlan);
        return planSet(gateway, ref, group.engine, rollout.target, clock, options.signal);
      });
      groups.push({ name: group.name, engine: group.engine, ...(group.maxParallel ? { maxParallel: group.maxParallel } : {}), sets });
    }
    stages.push({ name: stage.name, requiresApproval: stage.requiresApproval, ...(stage.waitAfter ? { waitAfter: stage.waitAfter } : {}), waitAfterMs: stage.waitAfterMs, gates: stage.gates, groups });
  }
  return {
    name: rollout.name,
    ...(options.file ? { file: options.file } : {}),
    target: rollout.target,
    maxFailedSets: rollout.maxFailedSets,
    stages,
    findings: [...selectorFindings, ...safetyFindings(stages, rollout.safety)],
  };
}
