// The failure catalogue's scenario (src/simulator/scenarios/failures.json: one scale set per failure),
// run on the real SDK against the simulator with a virtual clock: our run on one set, or Azure's own
// OS rolling upgrade on it, then the explanation.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScaleSetRef } from '../../../src/azure/gateway';
import type { Strategy } from '../../../src/core/contract';
import { explainPlatform, latestPlatformUpgrade } from '../../../src/core/explain/explainPlatform';
import { explainRun } from '../../../src/core/explain/explainRun';
import type { Explanation } from '../../../src/core/explain/explanation';
import { JournalStore } from '../../../src/core/journal/journalStore';
import type { PolicyOverrides } from '../../../src/core/policy';
import { planFromAzure, startRun, type PlanRequest } from '../../../src/core/rollout';
import type { Scenario } from '../../../src/simulator/simulator-entry';
import { testRetry } from '../core/support/runCase';
import { simulatedAzure, type SimulatedAzure } from '../core/support/simulatedAzure';

export const failuresFile = path.join(__dirname, '..', '..', '..', '..', 'src', 'simulator', 'scenarios', 'failures.json');

export function failuresScenario(): Scenario {
  return JSON.parse(fs.readFileSync(failuresFile, 'utf8')) as Scenario;
}

export function setRef(name: string): ScaleSetRef {
  return { subscriptionId: '00000000-0000-4000-8000-0000000000f1', resourceGroup: 'rg-failures', name };
}

export interface Explained {
  readonly explanation: Explanation;
  readonly az: SimulatedAzure;
  readonly store: JournalStore;
  readonly runId?: string;
}

export async function withFailures<T>(work: (az: SimulatedAzure, store: JournalStore) => Promise<T>): Promise<T> {
  const az = await simulatedAzure(failuresScenario());
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vmss-explain-'));
  try {
    return await work(az, new JournalStore(dir));
  } finally {
    await az.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Our run on one set of the failures world, to its end; the explanation from its journal alone. */
export async function explainOurRun(az: SimulatedAzure, store: JournalStore, name: string, policy: PolicyOverrides = {}, strategy: Strategy = { kind: 'percentage' }, window?: PlanRequest['window']): Promise<{ explanation: Explanation; runId: string }> {
  const ref = setRef(name);
  const planned = await planFromAzure(az.gateway, { ref, target: { kind: 'latest' }, strategy, policy: { healthPoll: 'PT30S', ...policy }, gates: {}, ...(window ? { window } : {}) }, az.clock, testRetry);
  if (!planned.ok) throw new Error(planned.errors.join('; '));
  const executor = startRun({ gateway: az.gateway, clock: az.clock, store, retry: testRetry }, ref, planned.plan);
  await executor.run();
  const explanation = explainRun(store.read(executor.runId).entries);
  if (!explanation) throw new Error('no explanation');
  return { explanation, runId: executor.runId };
}

/** Azure's own OS rolling upgrade of one set (A6), to its end; then explain --platform. */
export async function explainPlatformRun(az: SimulatedAzure, name: string): Promise<Explanation> {
  const ref = setRef(name);
  await az.gateway.startOsRollingUpgrade(ref).catch(() => undefined);
  for (let i = 0; i < 200; i++) {
    const latest = await az.gateway.getLatestRollingUpgrade(ref);
    if (latest?.runningStatus?.code !== 'RollingForward') break;
    await az.clock.sleep(60_000);
  }
  const [latest, history, instances] = await Promise.all([az.gateway.getLatestRollingUpgrade(ref), az.gateway.listOsUpgradeHistory(ref), az.gateway.listInstances(ref)]);
  return explainPlatform(ref, latestPlatformUpgrade(latest, history), instances);
}
