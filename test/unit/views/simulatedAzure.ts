// Test helper: the real ArmGateway (through createAzureAccess, as the extension builds it) pointed at
// the embedded simulator — in memory by default, over HTTPS on 127.0.0.1 when `listen` is set. No
// hand-written fakes of Azure: faults, latency and throttling come from the scenario.
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { RetrySettings } from '../../../src/azure/clientFactory';
import type { AzureAccess } from '../../../src/connection/azureAccess';
import { createAzureAccess } from '../../../src/connection/createAzureAccess';
import { simulatorCredential } from '../../../src/connection/simulatorCredential';
import { loadScenario, startSimulator, type Scenario, type Simulator } from '../../../src/simulator/simulator-entry';

export interface SimulatedAzure {
  readonly simulator: Simulator;
  readonly access: AzureAccess;
  readonly scenario: Scenario;
  stop(): Promise<void>;
}

export interface SimulatedAzureOptions {
  /** Changes to the default scenario (faults, latency, timing, …). */
  readonly scenario?: Partial<Scenario>;
  readonly credential?: TokenCredential;
  readonly listen?: boolean;
  /** Fast retries by default, so that retried faults do not slow the tests down. */
  readonly retry?: Partial<RetrySettings>;
  /** Real time by default: the scenario's scheduled events stay far in the future. */
  readonly timeScale?: number;
  readonly policies?: readonly PipelinePolicy[];
}

export function defaultScenario(): Scenario {
  return loadScenario('default');
}

export async function startSimulatedAzure(options: SimulatedAzureOptions = {}): Promise<SimulatedAzure> {
  const scenario: Scenario = { ...defaultScenario(), ...options.scenario };
  const simulator = await startSimulator({ scenario, listen: options.listen ?? false, timeScale: options.timeScale ?? 1 });
  const access = createAzureAccess({
    cloud: 'Simulator',
    credentialFor: () => options.credential ?? simulatorCredential,
    clientOptions: {
      endpoint: simulator.url,
      ...(options.listen ? { ca: simulator.ca } : { httpClient: simulator.httpClient }),
      allowedHosts: ['127.0.0.1'],
      retry: { maxRetries: 2, retryDelayInMs: 5, maxRetryDelayInMs: 20, ...options.retry },
      ...(options.policies ? { policies: options.policies } : {}),
    },
  });
  return { simulator, access, scenario, stop: () => simulator.stop() };
}

/** Runs `test` against a simulated Azure started with `options`, and stops it whatever the outcome. */
export async function withAzure(options: SimulatedAzureOptions, test: (azure: SimulatedAzure) => Promise<void>): Promise<void> {
  const azure = await startSimulatedAzure(options);
  try {
    await test(azure);
  } finally {
    await azure.stop();
  }
}
