// What the issue-6 commands share: the journal of our runs, the injected clock, the log — and the
// dashboards and runs, which live in the webview host (dist/webview-host.js). Created once with the
// features (cheap: nothing here touches Azure or the SDK); the host loads on the first access to
// `dashboards`, `runs` or `host()`, i.e. with the first dashboard (issue 18).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import { JournalStore } from '../core/journal/journalStore';
import { type Clock, realClock } from '../shared/clock';
import type { LogLevel } from './contract';
import type { DashboardPanels } from './dashboardPanels';
import { loadWebviewHost, type WebviewHostModule } from './loadWebviewHost';
import type { RunRegistry } from './runRegistry';
import type { DashboardHost } from './webview-host';

export type { DashboardHost };

/** A line for a set's dashboard log. */
export interface DashboardNote {
  readonly level: LogLevel;
  readonly text: string;
}

export interface UpgradeServices extends vscode.Disposable {
  readonly journal: JournalStore;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  /** The dashboard panels; the first access loads the webview host. */
  readonly dashboards: DashboardPanels;
  /** The embedded runs; the first access loads the webview host. */
  readonly runs: RunRegistry;
  /** The webview host's module (fleet view, platform watch, a dashboard's data), loading it if needed. */
  host(): WebviewHostModule;
  /** The dashboards and runs if the host is loaded; before that no run and no dashboard session exists. */
  loaded(): DashboardHost | undefined;
  /**
   * Adds lines to a set's dashboard log without loading the host: before the first dashboard they wait
   * here, stamped now, and go into the set's session when the host loads (a dashboard opened later
   * still says what a command changed).
   */
  note(scaleSetId: string, lines: readonly DashboardNote[]): void;
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
  /** Wires the host once it loaded (the dashboards' actions, the tree's visibility, run telemetry). */
  readonly hostLoaded?: (host: DashboardHost, module: WebviewHostModule) => void;
}

export function createUpgradeServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, options: UpgradeServiceOptions): UpgradeServices {
  const clock = followingClock(options.currentClock ?? (() => realClock));
  // Canned dashboard scenarios are a development tool: offered only outside production.
  void vscode.commands.executeCommand('setContext', 'vmssUpgrades.devMode', context.extensionMode !== vscode.ExtensionMode.Production);
  const journal = new JournalStore(path.join(context.globalStorageUri.fsPath, 'journal'));
  const pendingNotes: Array<{ readonly scaleSetId: string; readonly lines: ReadonlyArray<DashboardNote & { readonly at: number }> }> = [];
  let host: DashboardHost | undefined;
  let disposed = false;
  const loadHost = (): DashboardHost => {
    if (host) return host;
    if (disposed) throw new Error('vmss-upgrades: the dashboards were disposed with the extension.');
    const module = loadWebviewHost();
    const created = module.createDashboardHost({ extensionUri: context.extensionUri, clock, log, journal, gatewayFor: options.gatewayFor, watch: options.watch });
    host = created;
    for (const { scaleSetId, lines } of pendingNotes.splice(0)) created.dashboards.session(scaleSetId).append(lines);
    options.hostLoaded?.(created, module);
    return created;
  };
  return {
    journal,
    clock,
    log,
    get dashboards() {
      return loadHost().dashboards;
    },
    get runs() {
      return loadHost().runs;
    },
    host: () => (loadHost(), loadWebviewHost()),
    loaded: () => host,
    note: (scaleSetId, lines) => {
      if (host) host.dashboards.session(scaleSetId).append(lines);
      else pendingNotes.push({ scaleSetId, lines: lines.map((l) => ({ ...l, at: clock.now() })) });
    },
    dispose: () => {
      disposed = true;
      host?.dispose();
    },
  };
}
