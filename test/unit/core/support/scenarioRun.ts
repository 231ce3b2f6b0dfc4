// One simulator and one journal directory for an executor test, with helpers to plan and start a run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunEvent, Strategy, Gates, UpgradeTarget } from '../../../../src/core/contract';
import type { RolloutExecutor } from '../../../../src/core/executor/executor';
import { JournalStore } from '../../../../src/core/journal/journalStore';
import type { PolicyOverrides } from '../../../../src/core/policy';
import { planFromAzure, startRun } from '../../../../src/core/rollout';
import type { Scenario } from '../../../../src/simulator/simulator-entry';
import { ref } from './fleetScenario';
import { testRetry } from './runCase';
import { type SimulatedAzure, simulatedAzure } from './simulatedAzure';

export interface TestRun {
  readonly az: SimulatedAzure;
  readonly store: JournalStore;
  readonly executor: RolloutExecutor;
  readonly events: RunEvent[];
  dispose(): Promise<void>;
}

export interface TestRunOptions {
  readonly target?: UpgradeTarget;
  readonly strategy?: Strategy;
  readonly policy?: PolicyOverrides;
  readonly gates?: Partial<Gates>;
  readonly https?: boolean;
}

export async function withSimulator(scenario: Scenario, options: { https?: boolean } = {}): Promise<{ az: SimulatedAzure; store: JournalStore; dir: string; dispose(): Promise<void> }> {
  const az = await simulatedAzure(scenario, { https: options.https === true });
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-exec-'));
  return {
    az,
    store: new JournalStore(dir),
    dir,
    dispose: async () => {
      await az.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestRun(scenario: Scenario, options: TestRunOptions = {}): Promise<TestRun> {
  const env = await withSimulator(scenario, options);
  const planned = await planFromAzure(
    env.az.gateway,
    { ref, target: options.target ?? { kind: 'latest' }, strategy: options.strategy ?? { kind: 'percentage' }, policy: { healthPoll: 'PT30S', ...options.policy }, gates: options.gates ?? {} },
    env.az.clock,
    testRetry,
  );
  if (!planned.ok) throw new Error(planned.errors.join('; '));
  const executor = startRun({ gateway: env.az.gateway, clock: env.az.clock, store: env.store, retry: testRetry }, ref, planned.plan);
  const events: RunEvent[] = [];
  executor.subscribe((e) => events.push(e));
  return { az: env.az, store: env.store, executor, events, dispose: env.dispose };
}

/** Resolves at the first event that matches. */
export function nextEvent(executor: RolloutExecutor, match: (e: RunEvent) => boolean): Promise<RunEvent> {
  return new Promise((resolve) => {
    const sub = executor.subscribe((e) => {
      if (match(e)) {
        sub.dispose();
        resolve(e);
      }
    });
  });
}
