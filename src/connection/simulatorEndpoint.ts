// Where the running simulator listens, and how to trust it; produced by the simulator loader.
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { Clock } from '../shared/clock';

export interface SimulatorEndpoint {
  /** e.g. https://127.0.0.1:PORT */
  readonly endpoint: string;
  /** Its self-signed certificate (PEM), when it serves HTTPS. */
  readonly ca?: string;
  /** In-memory transport, when it serves without sockets. */
  readonly httpClient?: HttpClient;
  /** Its simulated time: the embedded orchestrator must wait in the same time scale. */
  readonly clock?: Clock;
  stop(): Promise<void>;
}

export type SimulatorStarter = () => Promise<SimulatorEndpoint>;
