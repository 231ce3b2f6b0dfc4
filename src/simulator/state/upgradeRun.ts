// A rolling upgrade as the platform records it: what `rollingUpgrades/latest` (A6) and
// `osUpgradeHistory` (A5) report. The engine (engine/rollingUpgrade.ts) writes it.
import type { ImageReference } from './model';

export type RunCode = 'RollingForward' | 'Cancelled' | 'Completed' | 'Faulted';
export type InstanceProgress = 'pending' | 'inProgress' | 'succeeded' | 'failed';

/** The rolling upgrade policy in force for a run, with Azure's defaults filled in. */
export interface EffectivePolicy {
  readonly maxBatchInstancePercent: number;
  readonly maxUnhealthyInstancePercent: number;
  readonly maxUnhealthyUpgradedInstancePercent: number;
  readonly pauseTimeBetweenBatches: string;
  readonly pauseMs: number;
  readonly enableCrossZoneUpgrade: boolean;
  readonly prioritizeUnhealthyInstances: boolean;
  readonly rollbackFailedInstancesOnPolicyBreach: boolean;
  readonly maxSurge: boolean;
}

export interface RunError {
  readonly code: string;
  readonly message: string;
}

export interface UpgradeRun {
  readonly id: string;
  /** `os`: image upgrade (A2/A6, in osUpgradeHistory); `model`: a Rolling-mode model update. */
  readonly kind: 'os' | 'model';
  readonly startedBy: 'User' | 'Platform';
  /** O4 automatic rollback of instances that do not become healthy (never for a manual trigger, A6). */
  readonly rollbackOnFailure: boolean;
  readonly policy: EffectivePolicy;
  readonly target: ImageReference;
  readonly targetModel: number;
  code: RunCode;
  readonly startTime: number;
  endTime?: number;
  lastAction: 'Start' | 'Cancel';
  lastActionTime: number;
  readonly progress: Map<string, InstanceProgress>;
  /** Instance ids per batch, in order (observable by tests: O2/O8). */
  readonly batches: string[][];
  /** Instances whose OS disk this run replaced. */
  upgradedCount: number;
  rolledBack: number;
  rollbackFailed: number;
  error?: RunError;
  rollbackError?: RunError;
  /** The long-running operation of the manual trigger, if any. */
  operationId?: string;
  cancelRequested: boolean;
  /**
   * osRollingUpgradeDeferral (automatic upgrades only): an instance of the current batch waits here,
   * notified, until it is approved (approveRollingUpgrade on the set or the VM).
   */
  readonly deferral: boolean;
  readonly awaitingApproval: Set<string>;
  /** Instances of the current batch whose disks are not yet replaced (the batch's health wait starts at 0). */
  batchRemaining: number;
}
