// What a fleet rollout file says (schemas/fleet-rollout.schema.json): stages in order, each with groups
// of scale sets, the engine that moves each group's sets, the gates and wait after each stage, and the
// approvals. "Fleet" is the rollout over many sets; src/core/rollout.ts is one set's run.
import type { UpgradeTarget } from '../contract';
import type { PolicyOverrides } from '../policy';

/** Which scale sets a group holds: resource ids, a tag selector, or an Azure Resource Graph query. */
export type SetSelector =
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  /** Every scale set in `subscriptions` whose tags hold every key/value given (values compared case-insensitively). */
  | { readonly kind: 'tags'; readonly tags: Readonly<Record<string, string>>; readonly subscriptions: readonly string[] }
  /** A Resource Graph query over `subscriptions`; its `id` column names the sets. */
  | { readonly kind: 'query'; readonly query: string; readonly subscriptions: readonly string[] };

/** The embedded orchestrator with its plan options (the same as `vmss-upgrades run`). */
export interface EmbeddedEngine {
  readonly kind: 'embedded';
  /** CLI strategy name: zone, cross-zone, percentage, count, update-domain, fault-domain. */
  readonly strategy?: string;
  readonly count?: number;
  readonly canary?: number;
  readonly policy?: PolicyOverrides;
}

/** Azure's own rolling upgrade (A6: `osRollingUpgrade`), which runs in Azure with the set's own policy. */
export interface PlatformEngine {
  readonly kind: 'platform';
}

export type FleetEngine = EmbeddedEngine | PlatformEngine;

export interface FleetGroup {
  readonly name: string;
  readonly select: SetSelector;
  readonly engine: FleetEngine;
  /** Sets of this group moving at the same time (default: all). */
  readonly maxParallel?: number;
}

/** A check after a stage's sets are done; `kind` picks the implementation (stageGates.ts). */
export interface StageGateSpec {
  readonly kind: string;
  readonly [option: string]: unknown;
}

export interface FleetStage {
  readonly name: string;
  readonly groups: readonly FleetGroup[];
  /** A person approves before the stage starts (`fleet approve`, the dashboard's button). */
  readonly requiresApproval: boolean;
  /** ISO 8601 wait after the stage's sets and gates, before the next stage. */
  readonly waitAfter?: string;
  readonly waitAfterMs: number;
  readonly gates: readonly StageGateSpec[];
}

export interface FleetSafety {
  /** The first stage may hold at most this many sets (default: 10% of the fleet, at least 1). */
  readonly canaryMaxSets?: number;
  /** Turns the canary check off on purpose (a one-stage rollout). */
  readonly requireCanary: boolean;
}

export interface FleetRolloutFile {
  readonly name: string;
  readonly target: UpgradeTarget;
  readonly stages: readonly FleetStage[];
  /** Sets that may fail before the rollout stops (default 0). */
  readonly maxFailedSets: number;
  readonly safety: FleetSafety;
}

/** Where a problem is in the file: 0-based offset, and 1-based line and column. */
export interface FilePosition {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

export interface RolloutFileProblem {
  readonly message: string;
  /** JSON path, e.g. `stages/1/groups/0/engine/kind`. */
  readonly path: string;
  readonly position: FilePosition;
}

export type RolloutFileParse =
  | { readonly ok: true; readonly rollout: FleetRolloutFile }
  | { readonly ok: false; readonly problems: readonly RolloutFileProblem[] };
