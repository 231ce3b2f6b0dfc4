// What the issue-6 commands share: the dashboards, the journal of our runs, the injected clock and
// the log. Created once at activation (cheap: nothing here touches Azure or the SDK).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import { JournalStore } from '../core/journal/journalStore';
import { type Clock, realClock } from '../shared/clock';
import { DashboardPanels } from './dashboardPanels';
import { promptLeaseRefusal } from './leasePrompt';
import { RunRegistry } from './runRegistry';
import { createRunStatusBar } from '../statusBar/runStatusBar';

export interface UpgradeServices extends vscode.Disposable {
  readonly dashboards: DashboardPanels;
  readonly journal: JournalStore;
  readonly runs: RunRegistry;
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

export interface UpgradeServiceOptions {
  /** The gateway for a set (its tenant's token); rejects when signed out. */
  readonly gatewayFor: (ref: ScaleSetRef) => Promise<AzureGateway>;
  /** The tree's in-flight indicator for a set while `until` is pending. */
  readonly watch: (ref: ScaleSetRef, until: Promise<unknown>) => void;
  /** The clock of the current connection (the simulator's time scale, or real time). */
  readonly currentClock?: () => Clock;
}

export function createUpgradeServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, options: UpgradeServiceOptions): UpgradeServices {
  const clock = followingClock(options.currentClock ?? (() => realClock));
  const dashboards = new DashboardPanels(context.extensionUri, clock, log);
  // Canned dashboard scenarios are a development tool: offered only outside production.
  void vscode.commands.executeCommand('setContext', 'vmssUpgrades.devMode', context.extensionMode !== vscode.ExtensionMode.Production);
  const journal = new JournalStore(path.join(context.globalStorageUri.fsPath, 'journal'));
  const runs: RunRegistry = new RunRegistry({
    journal,
    clock,
    session: (id) => dashboards.session(id),
    gatewayFor: options.gatewayFor,
    watch: options.watch,
    finished: (id) => void dashboards.refresh(id),
    leaseRefused: (id, heldBy, reason) => void promptLeaseRefusal(runs, id, heldBy, reason, log),
  });
  const statusBar = createRunStatusBar(runs);
  return {
    dashboards,
    journal,
    runs,
    clock,
    log,
    dispose: () => {
      statusBar.dispose();
      dashboards.dispose();
    },
  };
}
