// Issue 15: "Rehearse This Upgrade…" — the questions of a real embedded run, then the faults to try; the
// live set (Azure or the simulator) is read once into a snapshot and the plan runs on a private simulator
// of it, shown in the set's dashboard as a rehearsal. Nothing in Azure changes; when it has finished,
// one button there runs the same plan on the set itself.
import * as vscode from 'vscode';
import { loadRunCore } from '../webview/loadRunCore';
import type { ExtensionCommand } from './extensionCommand';
import { pickRehearsalFaults } from './pickRehearsalFaults';
import { pickRunPlanOptions } from './runPlanPickers';
import { resolveScaleSet } from './scaleSetTarget';

/** Simulated ms per real ms: an hour of upgrade in 30 seconds, slow enough to watch batch by batch. */
const rehearsalTimeScale = 120;

export const rehearseUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.rehearseUpgrade',
  async run(services, arg?: unknown) {
    const title = vscode.l10n.t('Rehearse This Upgrade');
    const target = await resolveScaleSet(services, arg, title);
    if (!target) return;
    const options = await pickRunPlanOptions(target, title);
    if (!options) return;
    const faults = await pickRehearsalFaults(title);
    if (!faults) return;
    const start = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} and starting its rehearsal…', target.ref.name) }, async () => {
      const core = loadRunCore();
      const { scenario, notes } = core.scenarioFromLive(await core.readLiveSet(target.gateway, target.ref), Date.now());
      // The person watching answers the gates, as in the real run.
      return core.startRehearsal({ scenario, ...options, faults, notes, timeScale: rehearsalTimeScale, approveGates: false });
    });
    if (!start.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The rehearsal of {0} could not start: {1}', target.ref.name, start.report.reason ?? ''));
      return;
    }
    const { plan, executor, clock, assumptions, report } = start.started;
    services.upgrades.runs.rehearse(target.ref, { plan, executor, clock, assumptions });
    services.upgrades.dashboards.show(target.id, undefined, { focus: 'run' });
    report.catch((err: unknown) => services.upgrades.log.error(`Rehearsal of ${target.ref.name} failed: ${(err as Error).message}`));
  },
};
