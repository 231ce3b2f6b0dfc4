// O2: a batch holds at most maxBatchInstancePercent of the instance count, at least one VM; sets of
// five or fewer go one VM at a time (the older text of the rule, kept: it is the safer reading).
import type { RolloutPolicy, Strategy } from '../contract';

export const smallSetSize = 5;

export function batchLimit(instanceCount: number, policy: Pick<RolloutPolicy, 'maxBatchInstancePercent'>, strategy: Pick<Strategy, 'kind' | 'count'>): number {
  if (instanceCount <= smallSetSize) return 1;
  const byPercent = Math.max(1, Math.floor((instanceCount * policy.maxBatchInstancePercent) / 100));
  if (strategy.kind === 'count') return Math.max(1, Math.min(strategy.count ?? byPercent, instanceCount));
  return byPercent;
}
