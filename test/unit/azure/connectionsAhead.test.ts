// Connections opened while the user signs in (issue 18): the pool's agent opens as many TLS
// connections as asked, without sending anything on them, in the one pool every client of the
// connection sends through (transport.ts); the first load's requests take them in whatever state they
// are (handshake done or not) instead of opening more, and requests beyond them open their own at once.
// Once they are open and none is taken, the request path runs on connections of its own. A proxy in
// the environment wins over the pool, and then nothing is opened ahead.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { ConnectionsAhead, maxConnectionsAhead, type OpenedAhead, rewarmAfterMs } from '../../../src/connection/connectionsAhead';
import { warmupConnections, warmupRounds } from '../../../src/azure/requestPathWarmup';
import { createAzureAccess } from '../../../src/connection/createAzureAccess';
import { simulatorCredential } from '../../../src/connection/simulatorCredential';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { PreconnectAgent } from '../../../src/azure/preconnectAgent';
import type { Transport } from '../../../src/azure/transport';
import { type Simulator, startSimulator } from '../../../src/simulator/simulator-entry';

/** Node's own `tls` exports, which `https` calls for every connection it opens. */
const tlsModule = createRequire(__filename)('node:tls') as { connect: (...args: unknown[]) => unknown };

/** Counts the TLS connections this process opens (to any host) while the counter is on. */
function countTlsConnections(): { readonly count: number; stop(): void } {
  const original = tlsModule.connect;
  const counter = {
    count: 0,
    stop: () => void (tlsModule.connect = original),
  };
  tlsModule.connect = (...args: unknown[]) => {
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
  let connections: ReturnType<typeof countTlsConnections> | undefined;

  before(async () => {
    simulator = await startSimulator({ scenario: 'default', timeScale: 1 });
  });
  afterEach(() => connections?.stop());
  after(async () => {
    await simulator.stop();
  });

  it('opens the connections asked for, runs the request path on connections of its own, and both SDK families send on the spares without opening more', async () => {
    let now = 0;
    const logged: string[] = [];
    const httpLog = { name: 'testLog', sendRequest: (request: { url: string }, next: (r: never) => Promise<unknown>) => (logged.push(request.url), next(request as never)) };
    const ahead = new ConnectionsAhead({ now: () => now, policies: [httpLog as never] });
    const endpoint = target(simulator);
    const transport = ahead.transportFor(endpoint);
    const sent = metadataRequests(simulator);
    connections = countTlsConnections();
    assert.deepEqual(await ahead.open(endpoint, 6), { opened: 6, failed: 0, warmupRequests: warmupConnections * warmupRounds });
    assert.equal(connections.count, 6 + warmupConnections, 'the spares, and the warm-up\'s own connections');
    assert.equal(metadataRequests(simulator) - sent, warmupConnections * warmupRounds, 'the warm-up sends one metadata request per connection and round');
    assert.equal(logged.length, warmupConnections * warmupRounds, 'the warm-up\'s requests are in the HTTP log');
    assert.equal(transport().agent.spareCount(), 6, 'the warm-up took no spare');

    const access = accessOn(simulator, transport);
    // Clients of both SDK families (core-client's subscriptions, arm-compute's modular client) share it.
    const subscriptionId = (await access.gateway().listSubscriptions())[0].subscriptionId;
    await Promise.all([...Array.from({ length: 3 }, () => access.gateway().listSubscriptions()), ...Array.from({ length: 3 }, () => access.gateway().listScaleSets(subscriptionId))]);
    assert.equal(connections.count, 6 + warmupConnections, 'no connection beyond those opened ahead');
    assert.equal(transport().agent.spareCount(), 0, 'every spare was taken');

    // Within a minute nothing is opened again; after it, the pool is opened again.
    assert.equal(await ahead.open(endpoint, 6), 'recently');
    assert.equal(connections.count, 6 + warmupConnections);
    now += rewarmAfterMs;
    assert.equal((await ahead.open(endpoint, 2) as OpenedAhead).opened, 2);
    ahead.dispose();
    assert.equal(transport().agent.spareCount(), 0, 'dispose closes the spares nobody took');
  });

  it('a request sent while the connections are still opening takes one as it is, so no handshake is paid twice', async () => {
    const ahead = new ConnectionsAhead();
    const transport = ahead.transportFor(target(simulator));
    const access = accessOn(simulator, transport);
    connections = countTlsConnections();
    const opening = ahead.open(target(simulator), 4);
    // The SDK loads on a later turn; then the four connections start at once.
    while (connections.count < 4) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(transport().agent.spareCount(), 4);
    const lists = await Promise.all(Array.from({ length: 4 }, () => access.gateway().listSubscriptions()));
    assert.ok(lists.every((list) => list.length > 0));
    assert.deepEqual(await opening, { opened: 4, failed: 0, warmupRequests: 0 }, 'each finished its handshake, taken or not; with the load under way, no warm-up');
    assert.equal(connections.count, 4);
    ahead.dispose();
  });

  it('requests beyond the connections opened ahead open their own at once', async () => {
    const ahead = new ConnectionsAhead();
    const transport = ahead.transportFor(target(simulator));
    const access = accessOn(simulator, transport);
    connections = countTlsConnections();
    assert.equal((await ahead.open(target(simulator), 2) as OpenedAhead).opened, 2);
    const before = connections.count;
    const lists = await Promise.all(Array.from({ length: 5 }, () => access.gateway().listSubscriptions()));
    assert.ok(lists.every((list) => list.length > 0));
    assert.equal(connections.count - before, 3, 'two took the connections opened ahead, three opened their own');
    ahead.dispose();
  });

  it('never throws: refused connections are reported as failed and never handed out; a host the guard refuses, nothing asked: nothing opened', async () => {
    const ahead = new ConnectionsAhead();
    // Nothing listens on port 9 of this host: every connection is refused.
    const nowhere = { endpoint: 'https://127.0.0.1:9', ca: simulator.ca!, allowedHosts: ['127.0.0.1'] };
    assert.deepEqual(await ahead.open(nowhere, 3), { opened: 0, failed: 3, warmupRequests: 0 });
    assert.equal(ahead.transportFor(nowhere)().agent.spareCount(), 0, 'a refused spare is dropped');
    connections = countTlsConnections();
    assert.equal(await ahead.open({ ...target(simulator), allowedHosts: ['localhost'] }, 2), 'hostNotAllowed');
    assert.equal(connections.count, 0, 'the host guard stops them before they leave');
    assert.deepEqual(await ahead.open(target(simulator), 0), { opened: 0, failed: 0, warmupRequests: 0 }, 'nothing asked, nothing opened');
    assert.equal(connections.count, 0);
    ahead.dispose();
  });

  it(`never opens more than ${maxConnectionsAhead}`, async () => {
    const ahead = new ConnectionsAhead();
    connections = countTlsConnections();
    assert.equal((await ahead.open(target(simulator), maxConnectionsAhead + 10) as OpenedAhead).opened, maxConnectionsAhead);
    assert.equal(connections.count, maxConnectionsAhead + warmupConnections);
    ahead.dispose();
  });

  it('a spare nobody takes is closed after its idle time', async () => {
    const agent = new PreconnectAgent({ keepAlive: true, ca: simulator.ca!, spareIdleMs: 50 });
    assert.deepEqual(await agent.preconnect(new URL(simulator.url), 2), { opened: 2, failed: 0 });
    assert.equal(agent.spareCount(), 2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(agent.spareCount(), 0);
    agent.destroy();
  });

  it('with a proxy for Azure, nothing is opened ahead (the environment\'s by default); the simulator\'s pool is never proxied', async () => {
    const proxied = new ConnectionsAhead({ throughProxy: () => true });
    connections = countTlsConnections();
    assert.equal(await proxied.open({ endpoint: 'https://management.azure.com', allowedHosts: ['management.azure.com'] }, 4), 'proxy');
    assert.equal((await proxied.open(target(simulator), 1) as OpenedAhead).opened, 1);
    proxied.dispose();
    const saved = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
    try {
      const byEnvironment = new ConnectionsAhead();
      assert.equal(await byEnvironment.open({ endpoint: 'https://management.azure.com', allowedHosts: ['management.azure.com'] }, 4), 'proxy');
      byEnvironment.dispose();
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = saved;
    }
    assert.equal(connections.count, 1 + warmupConnections, 'only the simulator\'s connections were opened');
  });

  it("the SDK's proxy wins over the pool: a request to Azure with HTTPS_PROXY set goes to the proxy", async () => {
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
      // A factory made while the variable is set: the SDK's proxy policy reads it when the pipeline is made.
      const factory = createClientFactory({ endpoint: 'https://management.azure.com', credential: simulatorCredential, retry: { maxRetries: 0 }, allowedHosts: ['management.azure.com'] });
      const listing = (async () => {
        for await (const s of factory.subscriptions().subscriptions.list()) void s;
      })();
      await assert.rejects(listing);
      assert.deepEqual(tunnels, ['management.azure.com:443']);
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
