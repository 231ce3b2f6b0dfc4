// Edits the set's rollingUpgradePolicy in a multi-step input: the three percentages (5–100 / 5–100 /
// 0–100; O2, O1/O6, O5), the pause between batches (ISO 8601, O8) and the O8 switches; then one PATCH.
import * as vscode from 'vscode';
import { back, inputStep, multiPickStep } from './multiStepInput';
import type { ExtensionCommand } from './extensionCommand';
import { currentAnswers, percentFields, policyFlags, policyFromAnswers, validatePause, validatePercent, type PolicyFlag } from './rollingPolicyFields';
import { resolveScaleSet } from './scaleSetTarget';
import { afterScaleSetChange } from './afterScaleSetChange';

interface FlagItem extends vscode.QuickPickItem {
  readonly flag: PolicyFlag;
}

function flagItems(): FlagItem[] {
  const detail: Record<PolicyFlag, string> = {
    prioritizeUnhealthyInstances: vscode.l10n.t('Upgrade unhealthy instances first (O8)'),
    enableCrossZoneUpgrade: vscode.l10n.t('Let batches span availability zones (O8)'),
    rollbackFailedInstancesOnPolicyBreach: vscode.l10n.t('Roll failed instances back when the policy is breached (Uniform only, O8)'),
    maxSurge: vscode.l10n.t('Create new instances before deleting old ones (O8)'),
  };
  return policyFlags.map((flag) => ({ label: flag, detail: detail[flag], flag }));
}

export const editRollingPolicyCommand: ExtensionCommand = {
  id: 'vmssUpgrades.editRollingUpgradePolicy',
  async run(services, arg?: unknown) {
    const title = vscode.l10n.t('Edit Rolling Upgrade Policy');
    const target = await resolveScaleSet(services, arg, title);
    if (!target) return;
    const set = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', target.ref.name) }, () => target.gateway.getScaleSet(target.ref));
    const answers = currentAnswers(set.upgradePolicy?.rollingUpgradePolicy);
    const percents = { ...answers.percents };
    let pause = answers.pause;
    let flags = answers.flags;
    const totalSteps = percentFields.length + 2;
    const stepTitle = `${title}: ${target.ref.name}`;
    for (let step = 1; step <= totalSteps; ) {
      let result: unknown;
      if (step <= percentFields.length) {
        const field = percentFields[step - 1];
        result = await inputStep({
          title: stepTitle,
          step,
          totalSteps,
          value: String(percents[field.key]),
          prompt: vscode.l10n.t('{0} ({1}–{2}, rule {3})', field.key, field.min, field.max, field.rule),
          validate: (v) => validatePercent(field, v),
        });
        if (typeof result === 'string') percents[field.key] = Number(result.trim());
      } else if (step === percentFields.length + 1) {
        result = await inputStep({ title: stepTitle, step, totalSteps, value: pause, prompt: vscode.l10n.t('pauseTimeBetweenBatches as an ISO 8601 duration, e.g. PT0S, PT30S, PT5M (O8)'), validate: validatePause });
        if (typeof result === 'string') pause = result;
      } else {
        const items = flagItems();
        result = await multiPickStep({ title: stepTitle, step, totalSteps, items, picked: items.filter((i) => flags.has(i.flag)), placeholder: vscode.l10n.t('Switches to turn on (the others are turned off)') });
        if (Array.isArray(result)) flags = new Set((result as FlagItem[]).map((i) => i.flag));
      }
      if (result === undefined) return;
      step += result === back ? -1 : 1;
    }
    const rollingUpgradePolicy = policyFromAnswers({ percents, pause, flags });
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating the rolling upgrade policy of {0}…', target.ref.name) }, () =>
      target.gateway.updateScaleSet(target.ref, { upgradePolicy: { mode: set.upgradePolicy?.mode, rollingUpgradePolicy } }),
    );
    await afterScaleSetChange(services, target, vscode.l10n.t('Rolling upgrade policy updated: {0}', JSON.stringify(rollingUpgradePolicy)));
    void vscode.window.showInformationMessage(vscode.l10n.t('The rolling upgrade policy of {0} was updated.', target.ref.name));
  },
};
