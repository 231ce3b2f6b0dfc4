// Runs one rollout end to end — plan, start, optionally a crash at a journal append and a resume in a
// "new process" (a fresh gateway) — through the real SDK against the simulator, and returns what the
// properties check: the plan, the summary, the journal, what Azure saw and the world afterwards.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RolloutPlan, RunSummary, Strategy, UpgradeTarget } from '../../../../src/core/contract';
import type { RetryPlan } from '../../../../src/core/executor/transient';
import { JournalStore } from '../../../../src/core/journal/journalStore';
import type { JournalEntry } from '../../../../src/core/journal/records';
import type { PolicyOverrides } from '../../../../src/core/policy';
import { planFromAzure, resumeRun, startRun } from '../../../../src/core/rollout';
import { fleetScenario, type FleetSpec, galleryTarget, newVersion, otherSku, ref } from './fleetScenario';
import { KillingSink } from './killingSink';
import { type Observations, simulatedAzure } from './simulatedAzure';

export interface CaseConfig {
  readonly fleet: FleetSpec;
  readonly strategy: Strategy;
  readonly policy: PolicyOverrides;
  /** Crash at this 1-based journal append (≥ 2), optionally leaving half a line. */
  readonly kill?: { readonly at: number; readonly torn: boolean };
  readonly https?: boolean;
  /** Default: the newest version of the set's SKU (reimage exactVersion). */
  readonly target?: UpgradeTarget;
}

/** The SKU and version a case's target moves instances to (a gallery image has no SKU: ''). */
export function targetImage(config: Pick<CaseConfig, 'target'>): { sku: string; version: string } {
  if (config.target?.kind === 'image') return { sku: '', version: galleryTarget.version };
  return config.target?.kind === 'sku' ? otherSku : { sku: 'server', version: newVersion };
}

export interface WorldInstance {
  readonly instanceId: string;
  readonly sku: string;
  readonly version: string;
  readonly busy: boolean;
}

export interface CaseResult {
  readonly plan: RolloutPlan;
  readonly summary: RunSummary;
  /** The summary of the run that was killed (when one was). */
  readonly killedSummary?: RunSummary;
  readonly entries: readonly JournalEntry[];
  readonly journalProblems: readonly string[];
  readonly observations: Observations;
  readonly world: readonly WorldInstance[];
  /** The set's sku.capacity after the run, and how many instances scale-outs created (O8 maxSurge). */
  readonly scaleSet: { readonly capacity: number; readonly scaledOut: number };
}

/** Retries on the injected clock: transient faults are survived, never slept through in real time. */
export const testRetry: RetryPlan = { attempts: 12, firstDelayMs: 2_000, maxDelayMs: 30_000 };

const journalRoot = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

class KillingStore extends JournalStore {
  constructor(
    dir: string,
    private readonly kill: NonNullable<CaseConfig['kill']>,
  ) {
    super(dir);
  }

  override open(runId: string) {
    const inner = super.open(runId);
    const sink = new KillingSink(inner, this.kill.at, this.kill.torn);
    return Object.assign(sink, { file: inner.file });
  }
}

export async function runCase(config: CaseConfig): Promise<CaseResult> {
  const az = await simulatedAzure(fleetScenario(config.fleet, targetImage(config).version), { https: config.https === true });
  const dir = fs.mkdtempSync(path.join(journalRoot, 'vmss-case-'));
  try {
    const planned = await planFromAzure(az.gateway, { ref, target: config.target ?? { kind: 'latest' }, strategy: config.strategy, policy: config.policy }, az.clock, testRetry);
    if (!planned.ok) throw new Error(`plan refused: ${planned.errors.join('; ')}`);
    const store = config.kill ? new KillingStore(dir, config.kill) : new JournalStore(dir);
    const executor = startRun({ gateway: az.gateway, clock: az.clock, store, retry: testRetry }, ref, planned.plan);
    let summary = await executor.run();
    let killedSummary: RunSummary | undefined;
    let journalProblems: readonly string[] = [];
    if (config.kill && summary.outcome === 'failed') {
      killedSummary = summary;
      // A new process: a fresh gateway (its own SDK clients and statistics), the same journal directory.
      const resumed = resumeRun({ gateway: az.newGateway(), clock: az.clock, store: new JournalStore(dir), retry: testRetry }, executor.runId);
      journalProblems = resumed.problems;
      summary = await resumed.executor.run();
    }
    const entries = new JournalStore(dir).read(executor.runId).entries;
    const set = az.sim.world.scaleSets[0];
    const world = set.instances.map((i) => ({ instanceId: i.instanceId, sku: i.osImage.sku, version: i.osImage.version, busy: i.busyUntil !== undefined && az.sim.world.now < i.busyUntil }));
    const scaleSet = { capacity: set.sku.capacity, scaledOut: set.scaledOut ?? 0 };
    return { plan: planned.plan, summary, ...(killedSummary ? { killedSummary } : {}), entries, journalProblems, observations: az.observations, world, scaleSet };
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
