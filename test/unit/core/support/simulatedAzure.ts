// The real SDK (through ArmGateway) against the real simulator: in memory for volume, or over HTTPS.
// Simulator and orchestrator share one injected clock: by default a virtual clock that jumps when every
// request has been answered and everyone waits (see virtualClock.ts).
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ArmGateway } from '../../../../src/azure/armGateway';
import { createClientFactory } from '../../../../src/azure/clientFactory';
import { staticTokenCredential } from '../../../../src/cli/connect';
import type { Clock } from '../../../../src/shared/clock';
import { ScaledClock } from '../../../../src/shared/clock';
import { startSimulator, type Scenario } from '../../../../src/simulator/simulator-entry';
import type { Simulator } from '../../../../src/simulator/simulator';
import { instanceHealth } from '../../../../src/simulator/state/health';
import { VirtualClock } from './virtualClock';

/** What the tests see Azure do, read at the transport: accepted moves and how many disks were being
 * replaced at once (sampled from the simulator's state after every response). */
export interface Observations {
  maxBusy: number;
  /** `modelSku`: the model's SKU (its image id for a gallery or managed image) when a manualupgrade was accepted (where it moves the instances). */
  readonly accepted: { readonly kind: 'reimage' | 'manualupgrade'; readonly instanceIds: readonly string[]; readonly exactVersion?: string; readonly modelSku?: string; /** Simulated time Azure accepted it (issue 16: inside the run's window). */ readonly at?: number }[];
  /** Instances not healthy in the last full read of the set (a list of its instances), as Azure computed it. */
  lastReadUnhealthy: ReadonlySet<string>;
  /** maxBusy is sampled while true (a case turns it off once the run's ending begins). */
  sampling: boolean;
  /** O8 maxSurge: instance ids in accepted DeleteInstances requests, in order (a repeat would show twice). */
  readonly deleted: string[];
}

export interface SimulatedAzure {
  readonly sim: Simulator;
  readonly observations: Observations;
  readonly gateway: ArmGateway;
  readonly clock: Clock;
  /** A second gateway with its own call statistics (e.g. for a resumed process). */
  newGateway(): ArmGateway;
  stop(): Promise<void>;
}

export interface SimulatedAzureOptions {
  readonly https?: boolean;
  /** Simulated ms per real ms for a scaled clock; default: a virtual clock. */
  readonly timeScale?: number;
  /** LRO poll interval, real ms (with the virtual clock it must exceed the quiet window). */
  readonly pollIntervalMs?: number;
  /** LRO polls wait on the shared (simulated) clock at this interval, e.g. the SDK's 2,000 ms; the
   * server's Retry-After still replaces it. Default: real-time waits of `pollIntervalMs`. */
  readonly simulatedPollMs?: number;
}

export const defaultStart = Date.parse('2026-11-01T00:00:00Z');

export async function simulatedAzure(scenario: Scenario, options: SimulatedAzureOptions = {}): Promise<SimulatedAzure> {
  const start = scenario.startTime ? Date.parse(scenario.startTime) : defaultStart;
  const virtual = options.timeScale ? undefined : new VirtualClock(start);
  const clock: Clock = virtual ?? new ScaledClock(options.timeScale!, start);
  const sim = await startSimulator({ scenario, clock, listen: options.https === true });
  let inFlight = 0;
  let sent = 0;
  const observations: Observations = { maxBusy: 0, accepted: [], deleted: [], lastReadUnhealthy: new Set(), sampling: true };
  const unhealthyNow = () => {
    const set = sim.world.scaleSets[0];
    const ctx = { now: sim.world.now, seed: sim.world.seed, timing: sim.world.timing };
    return new Set(set.instances.filter((i) => instanceHealth(ctx, set, i) !== 'healthy').map((i) => i.instanceId));
  };
  const busyNow = () => sim.world.scaleSets.reduce((n, set) => n + set.instances.filter((i) => i.busyUntil !== undefined && sim.world.now < i.busyUntil).length, 0);
  const counter: PipelinePolicy = {
    name: 'testInFlight',
    async sendRequest(request, next) {
      inFlight++;
      sent++;
      try {
        const response = await next(request);
        if (observations.sampling) observations.maxBusy = Math.max(observations.maxBusy, busyNow());
        if (request.method === 'GET' && /\/virtualMachines$/i.test(new URL(request.url).pathname) && response.status === 200) observations.lastReadUnhealthy = unhealthyNow();
        if (request.method === 'POST' && response.status === 202) {
          const reimage = /\/virtualMachines\/([^/]+)\/reimage$/i.exec(new URL(request.url).pathname);
          const body = typeof request.body === 'string' && request.body ? (JSON.parse(request.body) as { instanceIds?: string[]; exactVersion?: string }) : {};
          if (/\/delete$/i.test(new URL(request.url).pathname)) observations.deleted.push(...(body.instanceIds ?? []));
          const version = { ...(body.exactVersion ? { exactVersion: body.exactVersion } : {}), at: sim.world.now };
          if (reimage) observations.accepted.push({ kind: 'reimage', instanceIds: [reimage[1]], ...version });
          // VirtualMachineScaleSets_Reimage: one request for the batch (the orchestrator always names the ids).
          else if (/\/virtualMachineScaleSets\/[^/]+\/reimage$/i.test(new URL(request.url).pathname)) observations.accepted.push({ kind: 'reimage', instanceIds: body.instanceIds ?? [], ...version });
          else if (/\/manualupgrade$/i.test(new URL(request.url).pathname)) {
            const model = sim.world.scaleSets[0].properties.virtualMachineProfile as { storageProfile?: { imageReference?: { sku?: string; id?: string } } } | undefined;
            const reference = model?.storageProfile?.imageReference;
            observations.accepted.push({ kind: 'manualupgrade', instanceIds: body.instanceIds ?? [], modelSku: reference?.id ?? reference?.sku ?? '', at: sim.world.now });
          }
        }
        return response;
      } finally {
        inFlight--;
      }
    },
  };
  // A call is in flight from its first attempt to its last answer: the SDK's waits between retries are
  // real-time timers the virtual clock does not see, and time must not jump hours under them (a lease
  // renewal that was still retrying a dropped GET landed after the expiry it carried).
  let callsInFlight = 0;
  const callCounter: PipelinePolicy = {
    name: 'testCallInFlight',
    async sendRequest(request, next) {
      callsInFlight++;
      try {
        return await next(request);
      } finally {
        callsInFlight--;
      }
    },
  };
  if (virtual) virtual.hooks = { busy: () => inFlight > 0 || callsInFlight > 0, nextEventAt: () => sim.world.scheduler.nextEventAt(), requests: () => sent };
  const newGateway = () =>
    new ArmGateway(
      createClientFactory(
        {
          credential: staticTokenCredential(),
          endpoint: sim.url,
          ...(options.https ? { ca: sim.ca } : { httpClient: sim.httpClient }),
          // The SDK's own retries stay on (that is what runs against Azure), only with short real delays.
          retry: { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 4 },
          allowedHosts: ['127.0.0.1'],
          policies: [counter],
          callPolicies: [callCounter],
          ...(options.simulatedPollMs !== undefined ? { pollSleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms, signal) } : {}),
        },
        options.simulatedPollMs ?? options.pollIntervalMs ?? 2,
      ),
    );
  return {
    sim,
    observations,
    gateway: newGateway(),
    clock,
    newGateway,
    stop: async () => {
      virtual?.stop();
      await sim.stop();
    },
  };
}
