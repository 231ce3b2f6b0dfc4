// The SDK's HTTP log (issue 8): one debug line per attempt with method, redacted URL, status, duration
// and retry number — through the real client factory and SDK, with a transport that answers in memory.
import * as assert from 'node:assert/strict';
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { httpLogPolicy } from '../../../src/log/httpLogPolicy';
import { findSensitiveData } from '../../../src/shared/redact';

const subscriptionId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJvaWQiOiI5OSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function transport(statuses: number[]): HttpClient & { seen: PipelineRequest[] } {
  const seen: PipelineRequest[] = [];
  return {
    seen,
    async sendRequest(request): Promise<PipelineResponse> {
      seen.push(request);
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)];
      const body = status === 200 ? JSON.stringify({ id: `/subscriptions/${subscriptionId}/resourceGroups/rg-payments/providers/Microsoft.Compute/virtualMachineScaleSets/payments-web`, name: 'payments-web', location: 'westeurope' }) : JSON.stringify({ error: { code: status === 404 ? 'ResourceNotFound' : 'ServerBusy', message: `payments-web in ${subscriptionId}` } });
      return { request, status, headers: createHttpHeaders({ 'content-type': 'application/json', 'x-ms-request-id': subscriptionId }), bodyAsText: body };
    },
  };
}

function factoryWith(statuses: number[]) {
  const lines: string[] = [];
  const httpClient = transport(statuses);
  let clock = 0;
  const factory = createClientFactory({
    credential: { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    endpoint: 'https://management.azure.com',
    httpClient,
    retry: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
    policies: [httpLogPolicy({ debug: (m) => lines.push(m) }, () => (clock += 5))],
  });
  return { factory, lines, httpClient };
}

describe('httpLogPolicy', function () {
  this.timeout(20_000); // the first test loads the Azure SDK

  it('logs one line per attempt: method, redacted URL, status, duration and the retry number', async () => {
    const { factory, lines, httpClient } = factoryWith([503, 200]);
    await factory.compute(subscriptionId).virtualMachineScaleSets.get('rg-payments', 'payments-web');
    assert.equal(httpClient.seen.length, 2);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^HTTP GET https:\/\/management\.azure\.com\/subscriptions\/<subscription>\/resourceGroups\/<resourceGroup>\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/<name>\?api-version=[\d-]+ → 503 in 5 ms$/);
    assert.match(lines[1], /→ 200 in 5 ms \(retry 1\)$/);
  });

  it('never logs the token, the subscription, the names, headers or bodies', async () => {
    const { factory, lines, httpClient } = factoryWith([200]);
    await factory.compute(subscriptionId).virtualMachineScaleSets.get('rg-payments', 'payments-web');
    assert.match(httpClient.seen[0].headers.get('authorization') ?? '', /^Bearer /, 'the request did carry a token');
    const text = lines.join('\n');
    assert.deepEqual(findSensitiveData(text), []);
    for (const secret of [token, subscriptionId, 'rg-payments', 'payments-web', 'westeurope', 'authorization']) assert.equal(text.toLowerCase().includes(secret.toLowerCase()), false, secret);
  });

  it('logs a failed call with its status and code, never its message', async () => {
    const { factory, lines } = factoryWith([404]);
    await assert.rejects(factory.compute(subscriptionId).virtualMachineScaleSets.get('rg-payments', 'payments-web'));
    assert.equal(lines.length, 1);
    assert.match(lines[0], /→ 404 in \d+ ms$/);
    assert.doesNotMatch(lines.join('\n'), /payments-web|ResourceNotFound in/);
  });
});
