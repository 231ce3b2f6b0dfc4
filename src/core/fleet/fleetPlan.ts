// The plan of a fleet rollout: every stage, group and set as read from Azure before anything moves, with
// what the safety checks found. It is journaled as the fleet run's first record, so a resume follows the
// plan that was approved, not a file edited since.
import type { UpgradeTarget } from '../contract';
import type { FleetEngine, StageGateSpec } from './rolloutFile';

export type FleetSetStatus =
  /** Will be moved. */
  | 'ready'
  /** Listed, not moved: a readiness rule or the set's own plan refuses it (reasons say which). */
  | 'notReady'
  /** Listed, not moved: every instance already runs the target. */
  | 'onTarget';

export interface PlannedFleetSet {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly location: string;
  readonly status: FleetSetStatus;
  readonly reasons: readonly string[];
  readonly instances: number;
  /** The Service Fabric cluster (clusterEndpoint) this set is a node type of. */
  readonly serviceFabricCluster?: string;
  /** The set's own plan's prediction (embedded engine), simulated ms. */
  readonly predictedMs?: number;
  /** Batches of the set's own plan (embedded engine). */
  readonly batches?: number;
}

export interface PlannedFleetGroup {
  readonly name: string;
  readonly engine: FleetEngine;
  readonly maxParallel?: number;
  readonly sets: readonly PlannedFleetSet[];
}

export interface PlannedFleetStage {
  readonly name: string;
  readonly requiresApproval: boolean;
  readonly waitAfter?: string;
  readonly waitAfterMs: number;
  readonly gates: readonly StageGateSpec[];
  readonly groups: readonly PlannedFleetGroup[];
}

export type SafetyCheck = 'canary' | 'regionPair' | 'serviceFabric' | 'duplicate' | 'selector' | 'notReady' | 'onTarget';

export interface SafetyFinding {
  readonly check: SafetyCheck;
  /** `error` blocks `fleet run`; `warning` and `info` are shown. */
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly stage?: string;
  readonly sets?: readonly string[];
}

export interface FleetPlan {
  readonly name: string;
  /** The rollout file the plan came from (absolute path). */
  readonly file?: string;
  readonly target: UpgradeTarget;
  readonly maxFailedSets: number;
  readonly stages: readonly PlannedFleetStage[];
  readonly findings: readonly SafetyFinding[];
}

export function setsOfStage(stage: PlannedFleetStage): PlannedFleetSet[] {
  return stage.groups.flatMap((g) => g.sets);
}

export function readySets(stage: PlannedFleetStage): PlannedFleetSet[] {
  return setsOfStage(stage).filter((s) => s.status === 'ready');
}

export function blockingFindings(plan: Pick<FleetPlan, 'findings'>): SafetyFinding[] {
  return plan.findings.filter((f) => f.severity === 'error');
}
