// Development only (hidden unless the extension runs in development or test mode): replays a canned
// event stream from src/webview/scenarios/ into a dashboard, so the UI can be worked on and
// screenshot without Azure or the simulator.
import * as vscode from 'vscode';
import type { ExtensionCommand } from './extensionCommand';

/** Development data, not shipped: the command only runs from a source checkout (development or test mode). */
export const scenarioFolder = ['src', 'webview', 'scenarios'] as const;

export interface PlayScenarioArgs {
  /** File name in src/webview/scenarios/ (asked for when absent). */
  readonly scenario?: string;
  /** Real ms per simulated ms between events; 0 plays everything at once (default 0.001). */
  readonly speed?: number;
  /** Stop before this event index. */
  readonly stopAt?: number;
}

export const playDashboardScenarioCommand: ExtensionCommand = {
  id: 'vmssUpgrades.dev.playDashboardScenario',
  async run({ context, upgrades }, args?: unknown) {
    if (context.extensionMode === vscode.ExtensionMode.Production) return;
    const options = (typeof args === 'object' && args !== null ? args : {}) as PlayScenarioArgs;
    const folder = vscode.Uri.joinPath(context.extensionUri, ...scenarioFolder);
    let name = options.scenario;
    if (!name) {
      const files = (await vscode.workspace.fs.readDirectory(folder)).filter(([f]) => f.endsWith('.json')).map(([f]) => f);
      name = await vscode.window.showQuickPick(files, { title: vscode.l10n.t('Play a canned dashboard scenario') });
      if (!name) return;
    }
    const raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)))) as unknown;
    const { parseCannedScenario, playScenario } = upgrades.host();
    const scenario = parseCannedScenario(raw);
    const session = upgrades.dashboards.show(scenario.scaleSet.id, scenario.scaleSet, { refresh: false });
    await playScenario(session, scenario, { speed: options.speed ?? 0.001, ...(options.stopAt !== undefined ? { stopAt: options.stopAt } : {}) });
  },
};
