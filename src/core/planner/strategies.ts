// The batching strategies (O8, O9, T1, T2). Each turns an ordered list of instances into batches; none
// exceeds the batch limit except the domain-at-a-time strategies, where the user chose the domain as
// the unit (O9: "one update domain or fault domain at a time").
import type { PlannedInstance, StrategyKind } from '../contract';
import { byInstanceId, chunk, groupBy } from './instanceOrder';

type Batcher = (instances: readonly PlannedInstance[], limit: number) => PlannedInstance[][];

const sorted = (instances: readonly PlannedInstance[]) => [...instances].sort(byInstanceId);
const zoneOf = (i: PlannedInstance) => i.zone;
const udOf = (i: PlannedInstance) => i.updateDomain;
const fdOf = (i: PlannedInstance) => i.faultDomain;

/**
 * Whole update domains packed into batches up to the limit; a domain larger than the limit is split.
 * Several small domains share a batch, as the platform's batches do within a zone (O2, O8), but no
 * domain is ever spread over two batches when it fits in one.
 */
function packDomains(domains: readonly PlannedInstance[][], limit: number): PlannedInstance[][] {
  const out: PlannedInstance[][] = [];
  let current: PlannedInstance[] = [];
  for (const domain of domains) {
    if (domain.length > limit) {
      if (current.length) out.push(current);
      current = [];
      out.push(...chunk(domain, limit));
    } else if (current.length + domain.length > limit) {
      out.push(current);
      current = [...domain];
    } else {
      current.push(...domain);
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * O8 platform default: one zone at a time; within a zone, whole update domains up to the batch limit —
 * the platform's batch count (the benchmark compares them). "One update domain at a time" stays the
 * strict choice (Service Fabric, quorum workloads).
 */
const zoneThenUpdateDomain: Batcher = (instances, limit) => groupBy(sorted(instances), zoneOf).flatMap((zone) => packDomains(groupBy(zone, udOf), limit));

/** O8 `enableCrossZoneUpgrade`: zones ignored, update-domain boundaries kept. */
const crossZone: Batcher = (instances, limit) => groupBy(sorted(instances), udOf).flatMap((ud) => chunk(ud, limit));

export const batchers: Record<Exclude<StrategyKind, 'explicit'>, Batcher> = {
  percentage: (instances, limit) => chunk(sorted(instances), limit),
  count: (instances, limit) => chunk(sorted(instances), limit),
  // The planner passes an unbounded limit here, or 1 for sets of five or fewer (O2).
  updateDomain: (instances, limit) => groupBy(sorted(instances), udOf).flatMap((ud) => chunk(ud, limit)),
  faultDomain: (instances, limit) => groupBy(sorted(instances), fdOf).flatMap((fd) => chunk(fd, limit)),
  zoneThenUpdateDomain,
  crossZone,
};

/** The order in which a strategy would take instances (used to pick the canary). */
export function strategyOrder(kind: Exclude<StrategyKind, 'explicit'>, instances: readonly PlannedInstance[]): PlannedInstance[] {
  return batchers[kind](instances, Number.MAX_SAFE_INTEGER).flat();
}
