// Item 4: plans a rollout with the embedded orchestrator — target (newest, a listed version (A7),
// another SKU or a gallery/custom image, O9), strategy, canary and gates, policy — and shows the plan
// in the dashboard as a dry run. Nothing moves until the user presses Start there (or runs
// "Start the Reviewed Run").
import * as vscode from 'vscode';
import { loadRunCore } from '../webview/loadRunCore';
import type { ExtensionCommand } from './extensionCommand';
import { pickRunPlanOptions } from './runPlanPickers';
import { resolveScaleSet } from './scaleSetTarget';

export const runEmbeddedUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.runEmbeddedUpgrade',
  async run(services, arg?: unknown) {
    const title = vscode.l10n.t('Run OS Upgrade with the Embedded Orchestrator');
    const target = await resolveScaleSet(services, arg, title);
    if (!target) return;
    const options = await pickRunPlanOptions(target, title);
    if (!options) return;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Planning the upgrade of {0} (dry run)…', target.ref.name) }, () =>
      loadRunCore().planFromAzure(target.gateway, { ref: target.ref, ...options }),
    );
    if (!result.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot plan the upgrade of {0}: {1}', target.ref.name, result.errors.join('; ')));
      return;
    }
    services.upgrades.runs.review(target.ref, result.plan);
    services.upgrades.dashboards.show(target.id);
  },
};
