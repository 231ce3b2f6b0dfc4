// Where the running simulator listens, and how to trust it; produced by the simulator loader.
import type { HttpClient } from '@azure/core-rest-pipeline';

export interface SimulatorEndpoint {
  /** e.g. https://127.0.0.1:PORT */
  readonly endpoint: string;
  /** Its self-signed certificate (PEM), when it serves HTTPS. */
  readonly ca?: string;
  /** In-memory transport, when it serves without sockets. */
  readonly httpClient?: HttpClient;
  stop(): Promise<void>;
}

export type SimulatorStarter = () => Promise<SimulatorEndpoint>;
