// Health as the rolling upgrade sees it (H1–H3): only `healthy` counts as in service; `initializing`
// is waited for; `unknown` counts as unhealthy (H3). O1 and O6 count unhealthy instances of the set.
import type { InstanceSnapshot } from '../../azure/gateway';

export function isInService(s: Pick<InstanceSnapshot, 'health'>): boolean {
  return s.health === 'healthy';
}

/** Provisioning has settled (no create, update or reimage in progress). */
export function isSettled(s: Pick<InstanceSnapshot, 'provisioningState'>): boolean {
  const state = s.provisioningState.toLowerCase();
  return state === 'succeeded' || state === 'failed' || state === 'canceled';
}

export interface UnhealthyCount {
  readonly unhealthy: number;
  readonly total: number;
  readonly percent: number;
  readonly initializing: number;
}

export function countUnhealthy(instances: readonly Pick<InstanceSnapshot, 'health'>[]): UnhealthyCount {
  const unhealthy = instances.filter((s) => !isInService(s)).length;
  const initializing = instances.filter((s) => s.health === 'initializing').length;
  const total = instances.length;
  return { unhealthy, total, percent: total === 0 ? 0 : (unhealthy * 100) / total, initializing };
}

/** O1/O6: "no more than maxUnhealthyInstancePercent of ALL instances may be unhealthy". */
export function withinUnhealthyLimit(count: UnhealthyCount, limitPercent: number): boolean {
  return count.percent <= limitPercent;
}
