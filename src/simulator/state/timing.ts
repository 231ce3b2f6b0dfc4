// How long things take in simulated time. Defaults follow the spec: O4's 5-minute health wait,
// A4's 30–60 minutes between a release and the automatic rollout (3 hours for the first one).

export interface Timing {
  /** A PATCH/PUT of the model (provisioningState Updating until then). */
  readonly modelUpdateMs: number;
  /** Replacing one OS disk (reimage, upgrade, rollback). */
  readonly instanceUpgradeMs: number;
  /** After a disk replacement the health signal reports Initializing for this long (H3 grace). */
  readonly healthGraceMs: number;
  /** O4: how long a batch waits for its instances to become healthy. */
  readonly healthWaitMs: number;
  /** How often the platform re-reads health while waiting. */
  readonly healthCheckIntervalMs: number;
  /** A4: release → automatic rollout start. */
  readonly automaticUpgradeDelayMs: number;
  /** A4: enabling automatic upgrades → first rollout. */
  readonly firstRolloutDelayMs: number;
  /** Items per page of every list. */
  readonly pageSize: number;
  /** Retry-After of a long-running operation's 201/202 and of its in-progress polls (Compute sends 10 s). */
  readonly lroRetryAfterMs: number;
}

export const defaultTiming: Timing = {
  modelUpdateMs: 5_000,
  instanceUpgradeMs: 60_000,
  healthGraceMs: 30_000,
  healthWaitMs: 300_000,
  healthCheckIntervalMs: 5_000,
  automaticUpgradeDelayMs: 30 * 60_000,
  firstRolloutDelayMs: 3 * 3_600_000,
  pageSize: 50,
  lroRetryAfterMs: 10_000,
};
