// A rehearsal: the plan run on a private simulator of a snapshot, with the faults the user asks for
// (issue 15). The real SDK talks HTTPS to the simulator and the real orchestrator runs — the same code
// as `run` — at a high time scale, so an hour of upgrade takes seconds; the report is what happened there:
// the batches, where the run would stop or roll back, how long it took in simulated time, the ARM calls.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArmGateway } from '../azure/armGateway';
import { createClientFactory } from '../azure/clientFactory';
import { simulatorCredential } from '../connection/simulatorCredential';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import type { RolloutPlan, RunEvent, RunSummary } from '../core/contract';
import type { RolloutExecutor } from '../core/executor/executor';
import { JournalStore } from '../core/journal/journalStore';
import { type PlanRequest, planFromAzure, startRun } from '../core/rollout';
import { loadSimulator } from '../simulator/loadSimulator';
import type { Clock } from '../shared/clock';
import type { Simulator } from '../simulator/simulator';
import type { Scenario } from '../simulator/scenario/scenarioTypes';
import { describeFaults, type RehearsalFaults, withFaults } from './rehearsalFaults';
import { type RehearsalReport, reportOf } from './rehearsalReport';

export interface RehearsalRequest extends Omit<PlanRequest, 'ref'> {
  /** The snapshot; its first scale set is the one rehearsed. */
  readonly scenario: Scenario;
  readonly faults?: RehearsalFaults;
  /** Simulated ms per real ms; default 2000 (an hour in under two seconds). */
  readonly timeScale?: number;
  /** Every event of the rehearsed run, as the dashboard or a progress line wants it. */
  readonly onEvent?: (event: RunEvent) => void;
  /** Assumptions the snapshot made (its notes), repeated in the report. */
  readonly notes?: readonly string[];
}

const defaultTimeScale = 2000;

function gatewayOf(sim: Simulator): AzureGateway {
  const url = new URL(sim.url);
  return new ArmGateway(createClientFactory({ credential: simulatorCredential, endpoint: sim.url, ...(sim.ca ? { ca: sim.ca } : {}), allowedHosts: [url.hostname] }, 5));
}

export function refOf(scenario: Scenario): ScaleSetRef {
  const set = scenario.scaleSets[0];
  if (!set) throw new Error('The snapshot has no scale set to rehearse.');
  return { subscriptionId: set.subscriptionId, resourceGroup: set.resourceGroup, name: set.name };
}

async function withSimulator<T>(scenario: Scenario, timeScale: number, work: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await loadSimulator().startSimulator({ scenario, timeScale });
  try {
    return await work(sim);
  } finally {
    await sim.stop();
  }
}

type Planned = { ok: true; plan: RolloutPlan } | { ok: false; errors: readonly string[] };

async function plan(sim: Simulator, request: RehearsalRequest): Promise<Planned> {
  const { scenario: _s, faults: _f, timeScale: _t, onEvent: _e, notes: _n, ...planRequest } = request;
  return planFromAzure(gatewayOf(sim), { ...planRequest, ref: refOf(request.scenario) }, sim.clock);
}

/** A rehearsal under way: its executor (events, pause / cancel), its plan, and its report when it ends. */
export interface StartedRehearsal {
  readonly plan: RolloutPlan;
  readonly executor: RolloutExecutor;
  /** The private simulator's clock, which the executor waits in. */
  readonly clock: Clock;
  readonly assumptions: readonly string[];
  /** The report; the private simulator and journal are gone once it settles. */
  readonly report: Promise<RehearsalReport>;
}

export type RehearsalStart = { readonly ok: true; readonly started: StartedRehearsal } | { readonly ok: false; readonly report: RehearsalReport };

/**
 * Plans on the snapshot, writes the faults in by plan order, starts a private simulator of the faulted
 * snapshot and the run on it; gates are approved as they open (the person watching would), unless
 * `approveGates` is false (the editor lets the person answer them).
 */
export async function startRehearsal(request: RehearsalRequest & { readonly approveGates?: boolean }): Promise<RehearsalStart> {
  const timeScale = request.timeScale ?? defaultTimeScale;
  const ref = refOf(request.scenario);
  // The faults pick instances by plan order, so plan once on the snapshot as it is (nothing moves).
  const first = await withSimulator(request.scenario, timeScale, (sim) => plan(sim, request));
  if (!first.ok) return { ok: false, report: reportOf({ ref, refused: first.errors, assumptions: request.notes ?? [] }) };
  const order = first.plan.batches.flatMap((b) => b.instances.map((i) => i.instanceId));
  const faults = request.faults ?? {};
  const faulted = withFaults(request.scenario, faults, order);
  const approve = request.approveGates !== false;
  const assumptions = [...describeFaults(faults, order), ...(approve ? ['gates are approved when they open'] : []), ...(request.notes ?? [])];
  const sim = await loadSimulator().startSimulator({ scenario: faulted, timeScale });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmss-rehearsal-'));
  const cleanUp = async () => {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const planned = await plan(sim, request);
    if (!planned.ok) {
      await cleanUp();
      return { ok: false, report: reportOf({ ref, refused: planned.errors, assumptions }) };
    }
    const executor = startRun({ gateway: gatewayOf(sim), clock: sim.clock, store: new JournalStore(dir) }, ref, planned.plan);
    const events: RunEvent[] = [];
    executor.subscribe((event) => {
      events.push(event);
      if (approve && event.type === 'gate' && event.state === 'open') executor.send({ type: 'approve' });
      request.onEvent?.(event);
    });
    const report = executor
      .run()
      .then((summary: RunSummary) => reportOf({ ref, plan: planned.plan, summary, events, assumptions }))
      .finally(cleanUp);
    return { ok: true, started: { plan: planned.plan, executor, clock: sim.clock, assumptions, report } };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** Runs the rehearsal to its end; gates are approved as the person watching would. */
export async function rehearse(request: RehearsalRequest): Promise<RehearsalReport> {
  const start = await startRehearsal(request);
  return start.ok ? start.started.report : start.report;
}
