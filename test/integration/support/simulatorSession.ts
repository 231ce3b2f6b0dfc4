// Suites that watch one scale set's dashboard in the real extension host, signed in to the built-in simulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { DashboardTraffic } from '../../../src/webview/dashboardPanels';

/** Polls `find` every 50 ms until it gives a value; rejects naming `what` after `timeoutMs`. */
export function until<T>(what: string, timeoutMs: number, find: () => T | undefined | Promise<T | undefined>): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = async () => {
      const found = await find();
      if (found !== undefined) return resolve(found);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      setTimeout(() => void tick(), 50);
    };
    void tick();
  });
}

export interface SimulatorSession {
  readonly api: ExtensionApi;
  /** Stops `onTraffic`. */
  readonly hook: vscode.Disposable;
}

/**
 * Activates the extension, hands every dashboard message of scale set `id` (either direction) to `onTraffic`,
 * and connects to the built-in simulator.
 */
export async function startSimulatorSession(id: string, onTraffic: (t: DashboardTraffic) => void): Promise<SimulatorSession> {
  const api = await vscode.extensions.getExtension<ExtensionApi>('vmss-upgrades.vmss-upgrades')!.activate();
  const hook = api.onDashboardMessage((t: DashboardTraffic) => {
    if (t.scaleSetId.toLowerCase() === id.toLowerCase()) onTraffic(t);
  });
  await vscode.commands.executeCommand('vmssUpgrades.useSimulator');
  await api.connection.settled();
  assert.ok(await api.connection.access(), 'the simulator connection is up');
  return { api, hook };
}

/** Stops the recording, closes the editors and signs out: later suites expect the signed-out welcome view. */
export async function endSimulatorSession(session: Partial<SimulatorSession>): Promise<void> {
  session.hook?.dispose();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await session.api!.connection.signOut();
}
