// "Run Fleet Rollout…" on a *.fleet.json file (issue 17): checks the file (problems go to the Problems
// view with their positions), plans it against Azure (or the simulator) and opens the fleet view with the
// plan and its safety checks; Start there runs it stage by stage, journaled like `vmss-upgrades fleet run`.
import * as vscode from 'vscode';
import { describeTarget } from '../core/fleet/describeTarget';
import { loadRunCore } from '../webview/loadRunCore';
import type { FleetPanel } from '../webview/fleetPanel';
import type { ExtensionCommand } from './extensionCommand';

const diagnostics = vscode.languages.createDiagnosticCollection('vmss-fleet');

/** The last fleet view opened (tests drive it). */
export let lastFleetPanel: FleetPanel | undefined;

function fileOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

export const runFleetRolloutCommand: ExtensionCommand = {
  id: 'vmssUpgrades.runFleetRollout',
  async run(services, arg?: unknown) {
    const uri = fileOf(arg);
    if (!uri || !/\.fleet\.json$/i.test(uri.path)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a rollout file (*.fleet.json) first.'));
      return undefined;
    }
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const core = loadRunCore();
    const parsed = core.parseRolloutFile(text);
    if (!parsed.ok) {
      diagnostics.set(uri, parsed.problems.map((p) => new vscode.Diagnostic(new vscode.Range(p.position.line - 1, p.position.column - 1, p.position.line - 1, p.position.column - 1 + Math.max(1, p.position.length)), p.message, vscode.DiagnosticSeverity.Error)));
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} has {1} problem(s); see the Problems view.', uri.path.split('/').at(-1) ?? '', parsed.problems.length));
      return undefined;
    }
    diagnostics.delete(uri);
    const access = await services.connection.access();
    const gateway = access?.gateway(access.tenantId);
    if (!gateway) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Sign in to Azure or use the simulator first.'));
      return undefined;
    }
    const clock = services.upgrades.clock;
    const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Planning fleet rollout {0} (dry run)…', parsed.rollout.name) }, () => core.planFleet(gateway, parsed.rollout, { clock, file: uri.fsPath }));
    const fleetStore = new core.FleetJournalStore(services.upgrades.journal.dir);
    // The fleet view is part of the webview host, loaded here for it (issue 18).
    const { FleetPanel } = services.upgrades.host();
    lastFleetPanel = new FleetPanel(
      { extensionUri: services.context.extensionUri, clock, log: services.upgrades.log, start: (p) => core.startFleet({ gateway, clock, store: services.upgrades.journal, fleetStore }, p) },
      plan,
      describeTarget(plan.target),
    );
    return lastFleetPanel;
  },
};
