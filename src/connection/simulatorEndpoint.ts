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
  /** The simulator's own process, when it runs outside the extension host (issue 6). */
  readonly pid?: number;
  /** Ends the simulator (the user restarted or left it). */
  stop(): Promise<void>;
  /**
   * Lets go of a simulator that outlives this extension host without ending it, as a window reload
   * does (issue 6): the next start finds it again. Absent: the simulator lives in this host; stop it.
   */
  detach?(): Promise<void>;
}

export type SimulatorStarter = () => Promise<SimulatorEndpoint>;
