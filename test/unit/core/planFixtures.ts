// Plain instance lists and a resolved target for the planner's pure tests (no Azure involved).
import type { HealthState } from '../../../src/azure/gateway';
import type { ResolvedTarget, RolloutPolicy } from '../../../src/core/contract';
import type { PlanFleetInstance } from '../../../src/core/planner/planRollout';
import { resolvePolicy, type PolicyOverrides } from '../../../src/core/policy';

export const oldVersion = '1.0.0';
export const newVersion = '1.1.0';

export const reimageTarget: ResolvedTarget = {
  request: { kind: 'latest' },
  method: 'reimage',
  image: { publisher: 'Canonical', offer: 'ubuntu', sku: 'server', exactVersion: newVersion },
  previousModelImage: { publisher: 'Canonical', offer: 'ubuntu', sku: 'server', version: 'latest' },
  description: `Canonical/ubuntu/server ${newVersion}`,
  rollbackMethod: 'reimageExactVersion',
};

export interface FleetSpec {
  readonly zones?: number;
  readonly updateDomains?: number;
  readonly faultDomains?: number;
  readonly health?: (i: number) => HealthState;
  readonly version?: (i: number) => string;
}

export function fleet(count: number, spec: FleetSpec = {}): PlanFleetInstance[] {
  return Array.from({ length: count }, (_, i) => ({
    instanceId: String(i),
    name: `vmss_${i}`,
    ...(spec.zones ? { zone: String((i % spec.zones) + 1) } : {}),
    updateDomain: i % (spec.updateDomains ?? 5),
    faultDomain: i % (spec.faultDomains ?? 3),
    health: spec.health?.(i) ?? 'healthy',
    image: { publisher: 'Canonical', offer: 'ubuntu', sku: 'server', version: 'latest', exactVersion: spec.version?.(i) ?? oldVersion },
    latestModelApplied: true,
  }));
}

export function policy(overrides: PolicyOverrides = {}): RolloutPolicy {
  const result = resolvePolicy({}, overrides);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.policy;
}
