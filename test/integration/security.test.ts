// Security review, made into tests inside a real VS Code (issue 8):
// - the embedded simulator, loaded from the extension's own shipped bundle (dist/simulator-entry.js),
//   listens on 127.0.0.1 only, refuses requests from any other address and answers 401 without a
//   bearer token — checked from outside, over real HTTPS and through its public dispatch;
// - the SDK's HTTP log, against that simulator, is one redacted debug line per attempt.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type * as SimulatorEntry from '../../src/simulator/simulator-entry';
import { createClientFactory } from '../../src/azure/clientFactory';
import { httpLogPolicy } from '../../src/log/httpLogPolicy';
import { findSensitiveData } from '../../src/shared/redact';

const extensionId = 'vmss-upgrades.vmss-upgrades';

function shippedSimulator(): typeof SimulatorEntry {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension);
  const bundle = path.join(extension.extensionPath, 'dist', 'simulator-entry.js');
  assert.ok(existsSync(bundle), `${bundle} is built`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(bundle) as typeof SimulatorEntry;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

function get(url: string, ca: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'GET', ca, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Local addresses of listening TCP sockets on a port, from the kernel's table (Linux). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A = LISTEN
      const [hexAddress, hexPort] = local.split(':');
      if (parseInt(hexPort, 16) === port) found.push(hexAddress);
    }
  }
  return found;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('security of the embedded simulator and the HTTP log', function () {
  this.timeout(60_000);
  let sim: Awaited<ReturnType<typeof SimulatorEntry.startSimulator>>;
  let port: number;
  let listUrl: string;

  before(async () => {
    sim = await shippedSimulator().startSimulator();
    port = Number(new URL(sim.url).port);
    listUrl = `${sim.url}/subscriptions?api-version=2022-12-01`;
  });

  after(async () => {
    await sim?.stop();
  });

  it('listens on 127.0.0.1 only', async () => {
    assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const addresses = listeningAddresses(port);
    assert.deepEqual(addresses, ['0100007F'], 'one listening socket, bound to 127.0.0.1 (not 0.0.0.0 or ::)');
    assert.equal(await connects('127.0.0.1', port), true, 'control: loopback connects');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === 'IPv4');
    for (const address of external) assert.equal(await connects(address.address, port), false, `${address.address}:${port} must not accept connections`);
  });

  it('refuses a request that does not come from 127.0.0.1, even with a token', async () => {
    const request = (remoteAddress: string) =>
      sim.dispatch({ method: 'GET', url: new URL(listUrl), origin: sim.url, headers: new Map([['authorization', 'Bearer abc']]), body: '', remoteAddress });
    assert.equal((await request('127.0.0.1')).status, 200, 'control: loopback with a token is answered');
    for (const address of ['10.1.2.3', '192.168.0.7', '::1x', '', '::ffff:10.0.0.1']) {
      const answer = await request(address);
      assert.equal(answer.status, 403, address);
    }
  });

  it('answers 401 to a request without a bearer token, over HTTPS', async () => {
    const ok = await get(listUrl, sim.ca ?? '', { authorization: 'Bearer anything' });
    assert.equal(ok.status, 200, 'control: any bearer token is accepted');
    const missing = await get(listUrl, sim.ca ?? '', {});
    assert.equal(missing.status, 401);
    assert.equal(JSON.parse(missing.body).error.code, 'AuthenticationFailed');
    assert.match(String(missing.headers['www-authenticate']), /^Bearer /);
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'token abc', '']) {
      const answer = await get(listUrl, sim.ca ?? '', authorization ? { authorization } : {});
      assert.equal(answer.status, 401, JSON.stringify(authorization));
    }
  });

  it('logs the SDK traffic to the simulator as redacted debug lines, one per attempt', async () => {
    const lines: string[] = [];
    const factory = createClientFactory({
      credential: { getToken: async () => ({ token: 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiIxIn0.c2lnbmF0dXJl', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      endpoint: sim.url,
      ca: sim.ca ?? '',
      allowedHosts: ['127.0.0.1'],
      policies: [httpLogPolicy({ debug: (line) => lines.push(line) })],
    });
    const subscriptions: string[] = [];
    for await (const s of factory.subscriptions().subscriptions.list()) subscriptions.push(s.subscriptionId ?? '');
    assert.ok(subscriptions.length > 0);
    const scaleSets: string[] = [];
    for await (const set of factory.compute(subscriptions[0]).virtualMachineScaleSets.listAll()) scaleSets.push(set.name ?? '');
    assert.ok(scaleSets.length > 0, 'the default scenario has scale sets');

    assert.ok(lines.length >= 2);
    for (const line of lines) assert.match(line, /^HTTP GET https:\/\/127\.0\.0\.1:\d+\/\S+ → 200 in \d+ ms$/);
    const text = lines.join('\n');
    assert.deepEqual(findSensitiveData(text, [...subscriptions, ...scaleSets]), []);
    assert.ok(text.includes('/subscriptions/<subscription>/providers/Microsoft.Compute/virtualMachineScaleSets'), text);
  });
});
