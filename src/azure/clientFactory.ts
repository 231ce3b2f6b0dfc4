// The one place that builds SDK clients (issue 4): endpoint, trust, retry options, user agent, the
// abort-signal policy and call statistics. Everything else asks this factory for a client.
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, Pipeline, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { ServiceClient } from '@azure/core-client';
import type { MetricsClient } from '@azure/monitor-query-metrics';
import { loadSdk } from './loadSdk';
import { managementScope } from './clouds';
import { metricsEndpoint } from './metrics/metricsEndpoint';
import { currentSignal } from './requestScope';
import { type CallStats, emptyStats } from './callStats';
import { type PollPacing, type PollSleep, RetryAfterLog, retryAfterPolicy } from './lroPolling';
import { awaitWarmupPolicy, lazyTransport, type Transport } from './transport';

export interface RetrySettings {
  readonly maxRetries: number;
  readonly retryDelayInMs: number;
  readonly maxRetryDelayInMs: number;
}

export interface ClientFactoryOptions {
  readonly credential: TokenCredential;
  /** Resource Manager endpoint, e.g. https://management.azure.com or the simulator's URL. */
  readonly endpoint: string;
  /** PEM certificate to trust (the simulator's self-signed certificate). */
  readonly ca?: string;
  /** Hands requests to something other than the network (the simulator's in-memory transport). */
  readonly httpClient?: HttpClient;
  readonly retry?: Partial<RetrySettings>;
  readonly userAgentPrefix?: string;
  /** Hosts a request may go to; anything else is refused before it leaves (test guard). */
  readonly allowedHosts?: readonly string[];
  /** Extra policies (e.g. the extension's redacted HTTP log). */
  readonly policies?: readonly PipelinePolicy[];
  /** Extra policies around a whole call, the SDK's retries and their waits included (e.g. a test clock
   * that must not move while a call is still retrying). */
  readonly callPolicies?: readonly PipelinePolicy[];
  /** How LRO polls wait (default: real time); a simulated clock paces them in simulated time. */
  readonly pollSleep?: PollSleep;
  /** The connection pool to send through, shared with other factories of the same connection (one per
   * tenant) and with the connections opened while signing in; default: a pool of this factory's own. */
  readonly transport?: () => Transport;
}

export interface ClientFactory {
  readonly endpoint: string;
  readonly stats: CallStats;
  /** LRO poll interval for every long-running operation (the SDK has no client default). */
  readonly pollIntervalMs: number;
  /** Interval, sleep and the server's Retry-After values for the LRO helper. */
  readonly pacing: PollPacing;
  compute(subscriptionId: string): ComputeManagementClient;
  subscriptions(): SubscriptionClient;
  resourceGraph(): ResourceGraphClient;
  /** A plain ARM client (same credential, endpoint and pipeline) for REST families without an SDK package (Microsoft.Maintenance). */
  arm(): ServiceClient;
  /** A plain ARM client for REST APIs without an SDK package here (alerts, azure/alerts/alertsClient.ts). */
  alertsManagement(): ServiceClient;
  /** Azure Monitor metrics (metrics:getBatch) at a region's data-plane endpoint (the simulator: itself). */
  metrics(region: string): MetricsClient;
}

export const defaultRetry: RetrySettings = { maxRetries: 3, retryDelayInMs: 800, maxRetryDelayInMs: 60_000 };

function signalPolicy(): PipelinePolicy {
  return {
    name: 'vmssUpgradesAbortSignal',
    sendRequest(request, next) {
      request.abortSignal ??= currentSignal();
      return next(request);
    },
  };
}

function statsPolicies(stats: CallStats): { perCall: PipelinePolicy; perRetry: PipelinePolicy } {
  return {
    perCall: { name: 'vmssUpgradesCallCount', sendRequest: (req, next) => { stats.calls++; return next(req); } },
    perRetry: {
      name: 'vmssUpgradesAttemptCount',
      async sendRequest(req, next) {
        stats.attempts++;
        const res = await next(req);
        if (res.status === 429) stats.throttled++;
        else if (res.status >= 500) stats.serverErrors++;
        return res;
      },
    },
  };
}

function hostGuardPolicy(allowed: readonly string[]): PipelinePolicy {
  return {
    name: 'vmssUpgradesHostGuard',
    sendRequest(request, next) {
      const host = new URL(request.url).hostname;
      if (!allowed.includes(host)) throw new Error(`Refused a request to ${host}: only ${allowed.join(', ')} may be called.`);
      return next(request);
    },
  };
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('The operation was aborted.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('The operation was aborted.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The host guard and the caller's policies (the HTTP log): on every request, counted or not. */
export function guardAndLogPolicies(options: Pick<ClientFactoryOptions, 'allowedHosts' | 'policies'>): ExtraPolicies {
  return [
    ...(options.allowedHosts ? [{ policy: hostGuardPolicy(options.allowedHosts), position: 'perRetry' as const }] : []),
    ...(options.policies ?? []).map((policy) => ({ policy, position: 'perRetry' as const })),
  ];
}

type ExtraPolicies = readonly { readonly policy: PipelinePolicy; readonly position: 'perCall' | 'perRetry' }[];

/** Options that hand a client a pipeline made before: its additional policies are in it already (the runtime would add them again). */
function sharedPipeline(pipeline: Pipeline): { pipeline: Pipeline; additionalPolicies: undefined } {
  return { pipeline, additionalPolicies: undefined };
}

/** What every client of a factory shares: endpoint, connection pool, retries, user agent, policies. */
export function pipelineOptions(options: Omit<ClientFactoryOptions, 'credential'>, endpoint: string, additionalPolicies: ExtraPolicies, transport: Transport) {
  return {
    endpoint,
    ...(transport.agent ? { agent: transport.agent } : {}),
    httpClient: transport.httpClient,
    retryOptions: { ...defaultRetry, ...options.retry },
    userAgentOptions: { userAgentPrefix: options.userAgentPrefix ?? 'vmss-upgrades' },
    additionalPolicies: [...additionalPolicies],
  };
}

export function createClientFactory(options: ClientFactoryOptions, pollIntervalMs = 2000): ClientFactory {
  const stats = emptyStats();
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const counters = statsPolicies(stats);
  const retryAfter = new RetryAfterLog();
  const additionalPolicies = [
    { policy: signalPolicy(), position: 'perCall' as const },
    { policy: counters.perCall, position: 'perCall' as const },
    { policy: counters.perRetry, position: 'perRetry' as const },
    { policy: retryAfterPolicy(retryAfter), position: 'perRetry' as const },
    ...guardAndLogPolicies(options),
    ...(options.callPolicies ?? []).map((policy) => ({ policy, position: 'perCall' as const })),
  ];
  // Made with the first client: a transport loads the SDK.
  const transport = options.transport ?? lazyTransport(options);
  // Requests sent while connections open ahead wait for them (transport.ts).
  additionalPolicies.unshift({ policy: awaitWarmupPolicy(transport), position: 'perCall' as const });
  let commonOptions: ReturnType<typeof pipelineOptions> | undefined;
  const common = () => (commonOptions ??= pipelineOptions(options, endpoint, additionalPolicies, transport()));
  const scopes = [managementScope(endpoint.startsWith('https://127.0.0.1') ? 'https://management.azure.com' : endpoint)];
  const computeClients = new Map<string, ComputeManagementClient>();
  // The subscriptions' Compute clients share the first one's pipeline: nothing in it is per subscription,
  // and each client would otherwise build its own policies and bearer-token cache — a token request per
  // subscription and ~0.5 ms per client before the first load sends anything (issue 18: 50 subscriptions).
  let computePipeline: Pipeline | undefined;
  let subscriptionClient: SubscriptionClient | undefined;
  let graphClient: ResourceGraphClient | undefined;
  let armClient: ServiceClient | undefined;
  let alertsClient: ServiceClient | undefined;
  const metricsClients = new Map<string, MetricsClient>();
  return {
    endpoint,
    stats,
    pollIntervalMs,
    pacing: { intervalMs: pollIntervalMs, sleep: options.pollSleep ?? realSleep, retryAfter },
    compute(subscriptionId) {
      let client = computeClients.get(subscriptionId);
      if (!client) {
        client = new (loadSdk().ComputeManagementClient)(options.credential, subscriptionId, { ...common(), credentials: { scopes }, ...(computePipeline ? sharedPipeline(computePipeline) : {}) });
        computePipeline ??= client.pipeline;
        computeClients.set(subscriptionId, client);
      }
      return client;
    },
    subscriptions() {
      subscriptionClient ??= new (loadSdk().SubscriptionClient)(options.credential, { ...common(), credentialScopes: scopes });
      return subscriptionClient;
    },
    resourceGraph() {
      graphClient ??= new (loadSdk().ResourceGraphClient)(options.credential, { ...common(), credentialScopes: scopes });
      return graphClient;
    },
    arm() {
      armClient ??= new (loadSdk().ArmServiceClient)(options.credential, { ...common(), credentialScopes: scopes });
      return armClient;
    },
    alertsManagement() {
      alertsClient ??= new (loadSdk().ServiceClient)({ ...common(), baseUri: endpoint, credential: options.credential, credentialScopes: scopes });
      return alertsClient;
    },
    metrics(region) {
      const url = metricsEndpoint(endpoint, region);
      let client = metricsClients.get(url);
      if (!client) {
        // The SDK's own default audience is the public cloud's management endpoint; ours follows the cloud.
        client = new (loadSdk().MetricsClient)(url, options.credential, { ...common(), endpoint: url, credentials: { scopes } });
        metricsClients.set(url, client);
      }
      return client;
    },
  };
}
