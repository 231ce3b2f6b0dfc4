// The real SDK clients pointed at a simulator, unchanged but for `endpoint` and either a trusting
// HTTPS agent or the in-memory httpClient. A pipeline policy refuses any host but 127.0.0.1, so a
// test can never reach Azure.
import * as https from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ComputeManagementClient } from '@azure/arm-compute';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { Simulator } from '../../../../src/simulator/simulator';

export const credential: TokenCredential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

export function hostGuard(): PipelinePolicy {
  return {
    name: 'onlyLoopback',
    sendRequest(request, next) {
      const host = new URL(request.url).hostname;
      if (host !== '127.0.0.1') throw new Error(`test refused a request to ${host}`);
      return next(request);
    },
  };
}

export interface RetrySettings {
  maxRetries?: number;
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
}

export const fastRetry: RetrySettings = { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 40 };

export interface Clients {
  readonly transport: 'https' | 'memory';
  compute(subscriptionId: string): ComputeManagementClient;
  subscriptions(): SubscriptionClient;
  graph(): ResourceGraphClient;
  /** Closes the keep-alive sockets (HTTPS). */
  close(): void;
}

export function sdkClients(sim: Simulator, transport: 'https' | 'memory', retryOptions: RetrySettings = fastRetry, policies: PipelinePolicy[] = []): Clients {
  const agent = transport === 'https' ? new https.Agent({ ca: sim.ca, keepAlive: true }) : undefined;
  const options = {
    endpoint: sim.url,
    ...(agent ? { agent } : { httpClient: sim.httpClient }),
    retryOptions,
    additionalPolicies: [hostGuard(), ...policies].map((policy) => ({ policy, position: 'perRetry' as const })),
  };
  return {
    transport,
    compute: (subscriptionId) => new ComputeManagementClient(credential, subscriptionId, options),
    subscriptions: () => new SubscriptionClient(credential, options),
    graph: () => new ResourceGraphClient(credential, options),
    close: () => agent?.destroy(),
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** LRO options: poll at once, every time (simulated time moves with the StepClock). */
export const poll = { updateIntervalInMs: 0 };

export interface RecordedResponse {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** A pipeline policy recording every raw response (what the simulator sent, before the SDK reads it). */
export function recorder(into: RecordedResponse[]): PipelinePolicy {
  return {
    name: 'recordResponses',
    async sendRequest(request, next) {
      const response = await next(request);
      const text = response.bodyAsText;
      into.push({ method: request.method, url: request.url, status: response.status, headers: response.headers.toJSON(), body: text ? (JSON.parse(text) as unknown) : undefined });
      return response;
    },
  };
}
