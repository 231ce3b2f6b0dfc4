// Connections opened while the user signs in (issue 18): the warm-up opens as many keep-alive
// connections as asked, in the one pool every client of the connection sends through (transport.ts),
// so the first load's parallel requests find them open; requests sent while they still open wait for
// them instead of opening more; a second warm-up within a minute sends nothing.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConnectionsAhead, rewarmAfterMs } from '../../../src/connection/connectionsAhead';
import { createAzureAccess } from '../../../src/connection/createAzureAccess';
import { simulatorCredential } from '../../../src/connection/simulatorCredential';
import { createClientFactory } from '../../../src/azure/clientFactory';
import type { Transport } from '../../../src/azure/transport';
import { type Simulator, startSimulator } from '../../../src/simulator/simulator-entry';

/** Counts the TLS connections an agent opens. */
function countConnections(agent: https.Agent): { readonly count: number } {
  const counter = { count: 0 };
  const original = agent.createConnection.bind(agent) as (...args: unknown[]) => unknown;
  (agent as unknown as { createConnection: (...args: unknown[]) => unknown }).createConnection = (...args: unknown[]) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}

function metadataRequests(simulator: Simulator): number {
  return simulator.requests().filter((r) => r.path === '/metadata/endpoints').length;
}

function target(simulator: Simulator) {
  return { endpoint: simulator.url, ca: simulator.ca!, allowedHosts: ['127.0.0.1'] };
}

/** An access to the simulator sending through `transport`, as the connection manager builds it. */
function accessOn(simulator: Simulator, transport: () => Transport) {
  return createAzureAccess({ cloud: 'Simulator', credentialFor: () => simulatorCredential, clientOptions: { ...target(simulator), transport } });
}

describe('connections opened ahead of the first load (issue 18)', function () {
  this.timeout(60_000);
  let simulator: Simulator;

  before(async () => {
    simulator = await startSimulator({ scenario: 'default', timeScale: 1 });
  });
  after(async () => {
    await simulator.stop();
  });

  it('opens the connections asked for, and the access built on the same pool sends on them without opening more', async () => {
    let now = 0;
    const ahead = new ConnectionsAhead({ now: () => now });
    const simulatorEndpoint = target(simulator);
    const transport = ahead.transportFor(simulatorEndpoint);
    const opened = countConnections(transport().agent!);
    const before = metadataRequests(simulator);
    const result = await ahead.open(simulatorEndpoint, 6);
    assert.deepEqual(result, { opened: 6, failed: 0 });
    assert.equal(opened.count, 6);
    assert.equal((metadataRequests(simulator)) - before, 6, 'one metadata request per connection');

    const access = accessOn(simulator, transport);
    // Clients of both SDK families (core-client's subscriptions, arm-compute's modular client) share it.
    const subscriptionId = (await access.gateway().listSubscriptions())[0].subscriptionId;
    await Promise.all([...Array.from({ length: 3 }, () => access.gateway().listSubscriptions()), ...Array.from({ length: 3 }, () => access.gateway().listScaleSets(subscriptionId))]);
    assert.equal(opened.count, 6, 'no connection beyond those opened ahead');

    // Within a minute nothing is sent again; after it, the pool is warmed again.
    assert.equal(await ahead.open(simulatorEndpoint, 6), undefined);
    assert.equal((metadataRequests(simulator)) - before, 6);
    now += rewarmAfterMs;
    assert.deepEqual(await ahead.open(simulatorEndpoint, 2), { opened: 2, failed: 0 });
    ahead.dispose();
  });

  it('holds requests sent while the connections still open, so the pool does not open them twice', async () => {
    const ahead = new ConnectionsAhead();
    const simulatorEndpoint = target(simulator);
    const transport = ahead.transportFor(simulatorEndpoint);
    const opened = countConnections(transport().agent!);
    const access = accessOn(simulator, transport);
    const warming = ahead.open(simulatorEndpoint, 4);
    // The SDK loads on the next turn; the warm-up starts sending right after.
    while (!transport().handoff.isOpening) await new Promise((resolve) => setImmediate(resolve));
    const lists = await Promise.all(Array.from({ length: 4 }, () => access.gateway().listSubscriptions()));
    assert.deepEqual(await warming, { opened: 4, failed: 0 });
    assert.ok(lists.every((list) => list.length > 0));
    assert.equal(opened.count, 4);
    assert.equal(transport().handoff.isOpening, false, 'the pool says it is warm once the connections are open');
    ahead.dispose();
  });

  it('requests beyond the connections being opened go straight on; each of the others takes one as it comes free', async () => {
    const ahead = new ConnectionsAhead();
    const transport = ahead.transportFor(target(simulator));
    const opened = countConnections(transport().agent!);
    const access = accessOn(simulator, transport);
    const warming = ahead.open(target(simulator), 2);
    while (!transport().handoff.isOpening) await new Promise((resolve) => setImmediate(resolve));
    const lists = await Promise.all(Array.from({ length: 5 }, () => access.gateway().listSubscriptions()));
    assert.deepEqual(await warming, { opened: 2, failed: 0 });
    assert.ok(lists.every((list) => list.length > 0));
    // Without the wait: 2 + 5; with every request waiting for the warm-up: 2.
    assert.equal(opened.count, 2 + 3, 'two took the connections opened ahead, three opened their own at once');
    ahead.dispose();
  });

  it('never throws: refused connections and requests the host guard stops are reported as failed; nothing asked, nothing sent', async () => {
    const ahead = new ConnectionsAhead();
    // Nothing listens on port 9 of this host: every connection is refused.
    const nowhere = { endpoint: 'https://127.0.0.1:9', allowedHosts: ['127.0.0.1'] };
    assert.deepEqual(await ahead.open(nowhere, 3), { opened: 0, failed: 3 });
    const refused = { ...target(simulator), allowedHosts: ['localhost'] };
    assert.deepEqual(await ahead.open(refused, 2), { opened: 0, failed: 2 }, 'the host guard refuses them before they leave');
    ahead.dispose();
    const fresh = new ConnectionsAhead();
    assert.deepEqual(await fresh.open(target(simulator), 0), { opened: 0, failed: 0 }, 'nothing asked, nothing sent');
    fresh.dispose();
  });

  it("a proxy in the environment takes Azure's requests, the warm-up's too: the pool names no agent for Azure", async () => {
    // A proxy that records what it is asked to tunnel to, and refuses.
    const tunnels: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
      tunnels.push(req.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      // Made while the variable is set: the SDK's proxy policy reads it when a pipeline is made.
      const azure = { endpoint: 'https://management.azure.com', allowedHosts: ['management.azure.com'] };
      const ahead = new ConnectionsAhead();
      // Answered (by the proxy's 502, which the SDK's proxy agent hands to the request): that is all `opened` counts.
      assert.deepEqual(await ahead.open(azure, 2), { opened: 2, failed: 0 });
      const factory = createClientFactory({ ...azure, credential: simulatorCredential, retry: { maxRetries: 0 }, transport: ahead.transportFor(azure) });
      const listing = (async () => {
        for await (const s of factory.subscriptions().subscriptions.list()) void s;
      })();
      await assert.rejects(listing);
      assert.deepEqual(tunnels, ['management.azure.com:443', 'management.azure.com:443', 'management.azure.com:443'], 'two warm-up requests and the list, all through the proxy');
      ahead.dispose();
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = saved;
      proxy.close();
    }
  });

  it('a factory given no pool sends through one of its own, as before', async () => {
    const factory = createClientFactory({ endpoint: simulator.url, credential: simulatorCredential, ca: simulator.ca!, retry: { maxRetries: 0 } });
    const subscriptions = [];
    for await (const s of factory.subscriptions().subscriptions.list()) subscriptions.push(s);
    assert.ok(subscriptions.length > 0);
  });
});
