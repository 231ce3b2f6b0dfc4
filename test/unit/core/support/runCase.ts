// Runs one rollout end to end — plan, start, optionally a crash at a journal append and a resume in a
// "new process" (a fresh gateway) — through the real SDK against the simulator, and returns what the
// properties check: the plan, the summary, the journal, what Azure saw and the world afterwards.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Gates, RolloutPlan, RunCommand, RunSummary, Strategy, UpgradeTarget } from '../../../../src/core/contract';
import type { Simulator } from '../../../../src/simulator/simulator';
import type { RetryPlan } from '../../../../src/core/executor/transient';
import { JournalStore } from '../../../../src/core/journal/journalStore';
import type { JournalEntry } from '../../../../src/core/journal/records';
import type { PolicyOverrides } from '../../../../src/core/policy';
import type { WindowChoice } from '../../../../src/core/planner/windowSchedule';
import { planFromAzure, resumeRun, startRun } from '../../../../src/core/rollout';
import type { RunEvent } from '../../../../src/core/contract';
import { fleetScenario, type FleetSpec, galleryStart, galleryTarget, image, newVersion, oldVersion, otherSku, ref } from './fleetScenario';
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
  /**
   * Other maintenance: as batch `from` starts, the instance goes down (unhealthy, if no new disk was put on
   * it yet) and as batch `to` starts it comes back — unhealthy instances anywhere at any batch start (O2, O6).
   */
  readonly maintenance?: readonly { readonly instance: string; readonly from: number; readonly to: number }[];
  /** Issue 16: batches start only inside this maintenance window. */
  readonly window?: WindowChoice;
  /** Approval and bake gates for the plan (issue 16). */
  readonly gates?: Partial<Gates>;
  /** Called with every event of the run (and of its resumed process), e.g. to fire an alert at a bake. */
  readonly onEvent?: (e: RunEvent, run: { readonly sim: Simulator; readonly send: (command: RunCommand) => void }) => void;
}

/**
 * The SKU and version a case's target moves instances to (a gallery image has no SKU: ''), and what a
 * manualupgrade to it shows as the model (its SKU, or its image id).
 */
export function targetImage(config: Pick<CaseConfig, 'target'>): { sku: string; version: string; model: string } {
  if (config.target?.kind === 'image') return { sku: '', version: galleryTarget.version, model: config.target.id };
  return config.target?.kind === 'sku' ? { ...otherSku, model: otherSku.sku } : { sku: 'server', version: newVersion, model: 'server' };
}

/** What the set's instances run at the start (a managed image has no version: undefined). */
export function originImage(config: Pick<CaseConfig, 'fleet'>): { sku: string; version: string | undefined } {
  const kind = config.fleet.setImage ?? 'platformLatest';
  if (kind.startsWith('platform')) return { sku: image.sku, version: oldVersion };
  return { sku: '', version: kind === 'managedImage' ? undefined : galleryStart.version };
}

export interface WorldInstance {
  readonly instanceId: string;
  readonly id?: string;
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
  /** Instances not healthy in the read each batch started from (by batch index), as Azure computed them. */
  readonly batchStartUnhealthy: ReadonlyMap<number, ReadonlySet<string>>;
  /** The set's upgrade policy after the run. */
  readonly upgradePolicy: { readonly mode: string; readonly automaticOSUpgrade: boolean };
  /** Rolling upgrades Azure ran on its own until the run's ending (A6, O9: Rolling/Automatic mode, automatic OS upgrades). */
  readonly azureRollingUpgrades: readonly { readonly start: number; readonly end?: number }[];
  /** The id of the fleet's i-th instance as the run knows it (Flexible: the VM name). */
  readonly ids: readonly string[];
}

/** Retries on the injected clock: transient faults are survived, never slept through in real time. */
export const testRetry: RetryPlan = { attempts: 12, firstDelayMs: 2_000, maxDelayMs: 30_000 };

const journalRoot = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

/** A journal store that tells every record written (and, with `kill`, dies at that append). */
class ObservedStore extends JournalStore {
  constructor(
    dir: string,
    private readonly onAppend: (entry: JournalEntry) => void,
    private readonly kill?: CaseConfig['kill'],
  ) {
    super(dir);
  }

  override open(runId: string) {
    const inner = super.open(runId);
    const observed = {
      file: inner.file,
      append: (entry: JournalEntry) => {
        inner.append(entry);
        this.onAppend(entry);
      },
      close: () => inner.close(),
    };
    return this.kill ? Object.assign(new KillingSink(observed, this.kill.at, this.kill.torn), { file: inner.file }) : observed;
  }
}

export async function runCase(config: CaseConfig): Promise<CaseResult> {
  const az = await simulatedAzure(fleetScenario(config.fleet, targetImage(config).version), { https: config.https === true });
  const dir = fs.mkdtempSync(path.join(journalRoot, 'vmss-case-'));
  try {
    const planned = await planFromAzure(az.gateway, { ref, target: config.target ?? { kind: 'latest' }, strategy: config.strategy, policy: config.policy, ...(config.window ? { window: config.window } : {}), ...(config.gates ? { gates: config.gates } : {}) }, az.clock, testRetry);
    if (!planned.ok) throw new Error(`plan refused: ${planned.errors.join('; ')}`);
    const set = az.sim.world.scaleSets[0];
    // The id the run knows each instance by: Uniform instance ids, Flexible VM names.
    const flexible = config.fleet.orchestration === 'Flexible';
    const idOf = (i: { instanceId: string; name: string }) => (flexible ? i.name : i.instanceId);
    const ids = set.instances.map(idOf);
    // The world as the run leaves it, read as its ending begins (before the policy goes back: from then on
    // the set's own policy may move instances, e.g. automatic OS upgrades of instances an aborted run left).
    const snapshot = () => ({
      world: set.instances.map((i) => ({ instanceId: idOf(i), ...(i.osImage.id ? { id: i.osImage.id } : {}), sku: i.osImage.sku, version: i.osImage.version, busy: i.busyUntil !== undefined && az.sim.world.now < i.busyUntil })),
      scaleSet: { capacity: set.sku.capacity, scaledOut: set.scaledOut ?? 0 },
      azureRollingUpgrades: set.upgradeRuns.map((u) => ({ start: u.startTime, ...(u.endTime !== undefined ? { end: u.endTime } : {}) })),
    });
    let ending: ReturnType<typeof snapshot> | undefined;
    const batchStartUnhealthy = new Map<number, ReadonlySet<string>>();
    const onAppend = (e: JournalEntry) => {
      if (e.type === 'batchStarted') batchStartUnhealthy.set(e.batch, az.observations.lastReadUnhealthy);
      if (e.type === 'policyRestore' && e.phase === 'intent' && !ending) {
        ending = snapshot();
        az.observations.sampling = false;
      }
    };
    const maintain = maintenance(az, config, ids, idOf);
    const store = new ObservedStore(dir, onAppend, config.kill);
    const executor = startRun({ gateway: az.gateway, clock: az.clock, store, retry: testRetry }, ref, planned.plan);
    executor.subscribe(maintain);
    if (config.onEvent) executor.subscribe((e) => config.onEvent!(e, { sim: az.sim, send: (c) => executor.send(c) }));
    let summary = await executor.run();
    let killedSummary: RunSummary | undefined;
    let journalProblems: readonly string[] = [];
    if (config.kill && summary.outcome === 'failed') {
      killedSummary = summary;
      // A new process: a fresh gateway (its own SDK clients and statistics), the same journal directory.
      const resumed = resumeRun({ gateway: az.newGateway(), clock: az.clock, store: new ObservedStore(dir, onAppend), retry: testRetry }, executor.runId);
      resumed.executor.subscribe(maintain);
      if (config.onEvent) resumed.executor.subscribe((e) => config.onEvent!(e, { sim: az.sim, send: (c) => resumed.executor.send(c) }));
      journalProblems = resumed.problems;
      summary = await resumed.executor.run();
    }
    const entries = new JournalStore(dir).read(executor.runId).entries;
    const policy = set.properties.upgradePolicy as { mode?: string; automaticOSUpgradePolicy?: { enableAutomaticOSUpgrade?: boolean } };
    const upgradePolicy = { mode: policy.mode ?? 'Manual', automaticOSUpgrade: policy.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true };
    return { plan: planned.plan, summary, ...(killedSummary ? { killedSummary } : {}), entries, journalProblems, observations: az.observations, ...(ending ?? snapshot()), batchStartUnhealthy, upgradePolicy, ids };
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The maintenance schedule as an event subscriber: applied as each batch starts (idempotent on resume). */
type SimInstance = { instanceId: string; name: string; baselineHealth: string };
function maintenance(az: { sim: { world: { scaleSets: { instances: SimInstance[] }[] } } }, config: CaseConfig, ids: readonly string[], idOf: (i: SimInstance) => string): (e: RunEvent) => void {
  return (e) => {
    if (e.type !== 'batch' || e.state !== 'rechecking') return;
    for (const m of config.maintenance ?? []) {
      const inst = az.sim.world.scaleSets[0].instances.find((i) => idOf(i) === ids[Number(m.instance)]);
      if (!inst) continue;
      const baseline = config.fleet.instances[Number(m.instance)]?.baseline ?? 'healthy';
      if (e.index === m.from) inst.baselineHealth = 'unhealthy';
      else if (e.index === m.to) inst.baselineHealth = baseline;
    }
  };
}
