// Issue 6: the extension's simulator as its own process, found again through its discovery file. These
// tests start the real server script (compiled to out/) as a detached process, exactly as the
// extension does, and talk to it through the real SDK.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectSharedSimulator, discoveryFileName, stopSharedSimulator, type SharedSimulatorOptions } from '../../../src/connection/sharedSimulator';
import type { SimulatorEndpoint } from '../../../src/connection/simulatorEndpoint';
import { createAzureAccess } from '../../../src/connection/createAzureAccess';
import { simulatorCredential } from '../../../src/connection/simulatorCredential';
import { processAlive, readDiscovery, writeDiscovery } from '../../../src/simulator/process/discovery';
import { startSimulator } from '../../../src/simulator/simulator-entry';
import { certificateCacheFileName, generateCertificate } from '../../../src/simulator/transport/certificate';
import { ScaledClock } from '../../../src/shared/clock';

const serverScript = path.resolve(__dirname, '../../../src/simulator/process/simulator-server.js');
const cacheTier = { subscriptionId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', resourceGroup: 'rg-cache', name: 'cache-tier' };

async function until(what: string, timeoutMs: number, done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function gatewayOf(sim: SimulatorEndpoint) {
  return createAzureAccess({ cloud: 'Simulator', credentialFor: () => simulatorCredential, clientOptions: { endpoint: sim.endpoint, ca: sim.ca!, allowedHosts: ['127.0.0.1'] }, pollIntervalMs: 50 }).gateway();
}

/** A pid that surely belongs to no process any more: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

describe('shared simulator process (issue 6)', function () {
  this.timeout(60_000);
  let dir: string;
  let options: SharedSimulatorOptions;
  const started: SimulatorEndpoint[] = [];
  const connect = async (extra: Partial<SharedSimulatorOptions> = {}) => {
    const sim = await connectSharedSimulator({ ...options, ...extra });
    started.push(sim);
    return sim;
  };
  const file = () => path.join(dir, discoveryFileName);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vmss-shared-sim-'));
    options = { dir, serverScript, config: { timeScale: 60 } };
  });

  afterEach(async () => {
    for (const sim of started.splice(0)) await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two hosts activating at once start ONE server; a later host reuses it, with the same simulated time', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    assert.ok(a.pid && processAlive(a.pid));
    assert.equal(b.pid, a.pid);
    assert.equal(b.endpoint, a.endpoint);
    const recorded = readDiscovery(file())!;
    assert.equal(recorded.pid, a.pid);
    assert.equal(recorded.ca, a.ca);
    assert.equal(recorded.clock.timeScale, 60);
    const later = await connect();
    assert.equal(later.pid, a.pid);
    // Rebuilt from the file in this process: the same simulated time as the server's (60x real time).
    const drift = Math.abs(later.clock!.now() - a.clock!.now());
    assert.ok(drift < 200, `clocks differ by ${drift} simulated ms`);
    assert.equal(later.clock!.timeScale, 60);
  });

  it('outlives the process that started it (the extension host ending on a reload)', async () => {
    const launcher = path.resolve(__dirname, '../../../src/connection/sharedSimulator.js');
    const script = `require(${JSON.stringify(launcher)}).connectSharedSimulator(${JSON.stringify(options)}).then((s) => { process.stdout.write(String(s.pid)); process.exit(0); })`;
    const host = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    host.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    assert.equal(await new Promise((r) => host.once('exit', r)), 0);
    const pid = Number(printed);
    assert.ok(pid > 0 && processAlive(pid), 'the server lives on after its launcher exited');
    const next = await connect();
    assert.equal(next.pid, pid);
  });

  it('a world change made through the SDK is still there after letting go and connecting again (what a reload does)', async () => {
    const first = await connect();
    const before = await gatewayOf(first).getInstance(cacheTier, '0');
    assert.equal(before.image.exactVersion, '24.04.202410020');
    await gatewayOf(first).reimage(cacheTier, '0', { exactVersion: '24.04.202409010' });
    await first.detach!();
    const again = await connect();
    assert.equal(again.pid, first.pid);
    const after = await gatewayOf(again).getInstance(cacheTier, '0');
    assert.equal(after.image.exactVersion, '24.04.202409010');
  });

  it('stop() ends the process and removes the discovery file; the next connect starts a fresh world', async () => {
    const first = await connect();
    await first.stop();
    assert.equal(processAlive(first.pid!), false);
    assert.equal(existsSync(file()), false);
    const second = await connect();
    assert.notEqual(second.pid, first.pid);
  });

  it('a host that never connected (after a reload) ends the recorded server when the user restarts or leaves the simulator', async () => {
    const before = await connect();
    await stopSharedSimulator(dir);
    assert.equal(processAlive(before.pid!), false);
    assert.equal(existsSync(file()), false);
    await stopSharedSimulator(dir); // nothing recorded: nothing to do
  });

  it('a restarted server reuses the certificate kept in the storage folder, private to its owner (issue 18)', async () => {
    const first = await connect();
    await first.stop();
    const cached = path.join(dir, certificateCacheFileName);
    assert.ok(existsSync(cached));
    if (process.platform !== 'win32') assert.equal(statSync(cached).mode & 0o777, 0o600);
    const second = await connect();
    assert.notEqual(second.pid, first.pid);
    assert.equal(second.ca, first.ca);
  });

  it('replaces a stale discovery file whose process is dead', async () => {
    const real = await connect();
    const recorded = readDiscovery(file())!;
    await real.stop();
    const dead = await deadPid();
    writeDiscovery(file(), { ...recorded, pid: dead });
    const fresh = await connect();
    assert.notEqual(fresh.pid, dead);
    assert.equal(readDiscovery(file())!.pid, fresh.pid);
  });

  it('does not trust a live process whose server shows another certificate: starts its own and signals nobody', async () => {
    // A real simulator listens where the file points, but the file records another certificate, and
    // its pid is this test process: connecting must neither reuse it nor signal that pid.
    const impostor = await startSimulator({ timeScale: 60 });
    try {
      writeDiscovery(file(), { pid: process.pid, url: impostor.url, ca: generateCertificate().cert, clock: { timeScale: 60, start: 0, realStart: 0 }, config: { timeScale: 60 } });
      const own = await connect();
      assert.notEqual(own.pid, process.pid);
      assert.notEqual(own.endpoint, impostor.url);
      assert.equal(readDiscovery(file())!.pid, own.pid);
    } finally {
      await impostor.stop();
    }
  });

  it('replaces a server started with another configuration (scenario or time scale)', async () => {
    const sixty = await connect();
    const real = await connect({ config: { timeScale: 1 } });
    assert.notEqual(real.pid, sixty.pid);
    assert.equal(real.clock!.timeScale, 1);
    await until('the old server to exit', 5_000, () => !processAlive(sixty.pid!));
  });

  it('a lock left by a host that died while starting does not block the next start', async () => {
    writeFileSync(path.join(dir, 'simulator.lock'), String(await deadPid()));
    const sim = await connect({ startTimeoutMs: 15_000 });
    assert.ok(sim.pid && processAlive(sim.pid));
  });

  it('exits on its own after the idle period without requests, and removes its discovery file', async () => {
    const sim = await connect({ idleMs: 1_000 });
    // Requests keep it alive past the idle period...
    const keepAliveUntil = Date.now() + 1_500;
    while (Date.now() < keepAliveUntil) {
      await gatewayOf(sim).listSubscriptions();
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(processAlive(sim.pid!), true, 'it exited although it was in use');
    // ...and without them it goes.
    await until('the idle server to exit', 10_000, () => !processAlive(sim.pid!));
    assert.equal(existsSync(file()), false);
  });

  it('exits when its discovery file is gone (the extension storage was deleted): nobody could find it again', async () => {
    const sim = await connect({ idleMs: 60_000 });
    rmSync(file());
    await until('the orphaned server to exit', 15_000, () => !processAlive(sim.pid!));
  });
});

describe('ScaledClock with a real start (issue 6)', () => {
  it('reads the time of a clock created elsewhere from its time scale, simulated start and real start', () => {
    const original = new ScaledClock(60, Date.UTC(2026, 0, 1), Date.now() - 1_000);
    const rebuilt = new ScaledClock(original.timeScale, original.start, original.realStart);
    const elapsed = rebuilt.now() - Date.UTC(2026, 0, 1);
    assert.ok(elapsed >= 60_000 && elapsed < 60_000 + 60 * 200, `${elapsed} simulated ms after one real second at 60x`);
    assert.ok(Math.abs(rebuilt.now() - original.now()) <= 60, 'both read the same simulated time');
  });
});
