// What the issue-6 commands share: the dashboards, the journal of our runs, the injected clock and
// the log. Created once at activation (cheap: nothing here touches Azure or the SDK).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { JournalStore } from '../core/journal/journalStore';
import { type Clock, realClock } from '../shared/clock';
import { DashboardPanels } from './dashboardPanels';

export interface UpgradeServices extends vscode.Disposable {
  readonly dashboards: DashboardPanels;
  readonly journal: JournalStore;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
}

/**
 * A clock that asks `current` each time: with the simulator the executor must wait in the simulator's
 * time scale (a 5-minute health wait in seconds), otherwise in real time.
 */
export function followingClock(current: () => Clock): Clock {
  return {
    now: () => current().now(),
    sleep: (ms, signal) => current().sleep(ms, signal),
    get timeScale() {
      return current().timeScale;
    },
  };
}

export function createUpgradeServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, currentClock: () => Clock = () => realClock): UpgradeServices {
  const clock = followingClock(currentClock);
  const dashboards = new DashboardPanels(context.extensionUri, clock, log);
  // Canned dashboard scenarios are a development tool: offered only outside production.
  void vscode.commands.executeCommand('setContext', 'vmssUpgrades.devMode', context.extensionMode !== vscode.ExtensionMode.Production);
  return {
    dashboards,
    journal: new JournalStore(path.join(context.globalStorageUri.fsPath, 'journal')),
    clock,
    log,
    dispose: () => dashboards.dispose(),
  };
}
