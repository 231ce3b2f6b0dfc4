// Issue 6: the extension's simulator runs in its own process, so what a window reload does — the
// extension host lets go of its connection (ConnectionManager.dispose → detachSimulator) and a new one
// connects again — keeps the simulated world. Restarting the simulator still starts a fresh world.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

// cache-tier: Manual upgrade mode, no automatic upgrades, every instance on 24.04.202410020.
const cacheTier = { subscriptionId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', resourceGroup: 'rg-cache', name: 'cache-tier' };
const scenarioVersion = '24.04.202410020';
const otherVersion = '24.04.202409010';

describe('simulator world across a reload (real VS Code, issue 6)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;

  const instanceVersion = async (instanceId: string) => {
    const access = await api.connection.access();
    assert.ok(access, 'the simulator connection is up');
    return (await access.gateway().getInstance(cacheTier, instanceId)).image.exactVersion;
  };

  before(async () => {
    api = await vscode.extensions.getExtension<ExtensionApi>('vmss-upgrades.vmss-upgrades')!.activate();
    await vscode.commands.executeCommand('vmssUpgrades.useSimulator'); // a fresh world
    await api.connection.settled();
  });

  after(async () => {
    // Later suites expect the signed-out welcome view; leaving the simulator ends its process.
    await api.connection.signOut();
  });

  it('an instance reimaged to another version is still on it after the connection lets go and reconnects', async () => {
    assert.equal(await instanceVersion('0'), scenarioVersion);
    const before = (await api.connection.access())!;
    await before.gateway().reimage(cacheTier, '0', { exactVersion: otherVersion });
    assert.equal(await instanceVersion('0'), otherVersion);
    const simulatedNow = api.connection.clock!.now();

    await api.connection.detachSimulator(); // what the end of the extension host does on a reload
    const after = await api.connection.access();

    assert.notEqual(after, before, 'a new connection');
    assert.equal(after!.endpoint, before.endpoint, 'to the same simulator process');
    assert.equal(await instanceVersion('0'), otherVersion);
    assert.equal(await instanceVersion('1'), scenarioVersion);
    // The same simulated time continues (the clock is rebuilt from the discovery file, not restarted).
    assert.ok(api.connection.clock!.now() >= simulatedNow, 'simulated time went on');
  });

  it('restarting the simulator (Use the Built-in Simulator) ends that world: the instance is back on the scenario version', async () => {
    assert.equal(await instanceVersion('0'), otherVersion);
    await vscode.commands.executeCommand('vmssUpgrades.useSimulator');
    await api.connection.settled();
    assert.equal(await instanceVersion('0'), scenarioVersion);
  });
});
