// The palette face of the dashboard's run controls: each command file names one action; this builds
// it. The run is found by the scale set the command was invoked on, or the only run in progress.
import * as vscode from 'vscode';
import { scaleSetId, scaleSetRefFromId } from '../azure/gateway';
import type { RunAction } from '../webview/contract';
import type { RunRegistry } from '../webview/runRegistry';
import type { CommandServices, ExtensionCommand } from './extensionCommand';
import { resolveScaleSet } from './scaleSetTarget';

/**
 * The runs, or undefined (with a message) while the webview host is not loaded: every run is created
 * there, with its dashboard, so before the first dashboard there is none to control (issue 18).
 */
function loadedRuns(services: CommandServices): RunRegistry | undefined {
  const runs = services.upgrades.loaded()?.runs;
  if (!runs) void vscode.window.showWarningMessage(vscode.l10n.t('No upgrade run has been started or shown in this window.'));
  return runs;
}

async function runScaleSet(services: CommandServices, runs: RunRegistry, arg: unknown, title: string): Promise<string | undefined> {
  if (arg === undefined) {
    const running = runs.running();
    if (running.length === 1) return running[0].scaleSetId;
    if (running.length > 1) {
      const pick = await vscode.window.showQuickPick(
        running.map((r) => ({ label: r.ref.name, description: r.view().status, id: r.scaleSetId })),
        { title, placeHolder: vscode.l10n.t('Which run?') },
      );
      return pick?.id;
    }
  }
  // A scale set id (the status bar, the dashboard): checked, not trusted.
  if (typeof arg === 'string') return scaleSetId(scaleSetRefFromId(arg));
  return (await resolveScaleSet(services, arg, title))?.id;
}

/** Says why a run refused a command (a stale button, a finished run) instead of failing silently. */
export function reportRefusal(result: { accepted: boolean; message?: string }): void {
  if (!result.accepted) void vscode.window.showWarningMessage(result.message ?? vscode.l10n.t('The run did not accept the command.'));
}

export function runControlCommand(id: string, action: RunAction, title: () => string): ExtensionCommand {
  return {
    id,
    async run(services, arg?: unknown) {
      const runs = loadedRuns(services);
      if (!runs) return;
      const id = await runScaleSet(services, runs, arg, title());
      if (id) reportRefusal(await runs.control(id, action));
    },
  };
}

export function gateCommand(id: string, decision: 'approve' | 'reject', title: () => string): ExtensionCommand {
  return {
    id,
    async run(services, arg?: unknown) {
      const runs = loadedRuns(services);
      if (!runs) return;
      const id = await runScaleSet(services, runs, arg, title());
      if (!id) return;
      const gateId = runs.openGate(id);
      if (!gateId) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No approval gate is open on this run.'));
        return;
      }
      reportRefusal(runs.decide(id, gateId, decision));
    },
  };
}
