// A1: turns on automatic OS image upgrade with its sibling flags. First the readiness rules run on the
// live set (R1–R16 via src/readiness); what blocks it is listed, with the fixes that can be applied to
// the live model pre-selected (the Application Health extension, version `latest`, Windows automatic
// updates off). After enabling on a Manual-mode set, it offers to bring the instances to the latest
// model (`manualupgrade`, O9), since the platform only upgrades instances that run the latest model.
import * as vscode from 'vscode';
import type { AutomaticOSUpgradePolicy } from '@azure/arm-compute';
import type { VirtualMachineScaleSet } from '../azure/gateway';
import type { ReadinessFinding } from '../readiness/findings';
import type { FixIntent } from '../readiness/fixIntents';
import type { ExtensionCommand } from './extensionCommand';
import { afterScaleSetChange } from './afterScaleSetChange';
import { liveFixUpdate, parseHealthEndpoint } from './liveFixes';
import { findingText, liveFixesOf, liveReadiness } from './liveReadiness';
import { resolveScaleSet, type ScaleSetTarget } from './scaleSetTarget';

interface FindingItem extends vscode.QuickPickItem {
  readonly finding: ReadinessFinding;
  readonly fix?: FixIntent;
}

interface FlagItem extends vscode.QuickPickItem {
  readonly flag: keyof Omit<AutomaticOSUpgradePolicy, 'enableAutomaticOSUpgrade'>;
}

function findingItems(blocking: readonly ReadinessFinding[], advised: readonly ReadinessFinding[]): FindingItem[] {
  return [...blocking, ...advised].flatMap((finding): FindingItem[] => {
    const icon = finding.severity === 'error' ? '$(error)' : '$(warning)';
    const text = findingText(finding);
    const fixes = liveFixesOf(finding);
    if (fixes.length === 0) return [{ label: `${icon} ${text}`, detail: vscode.l10n.t('No automatic fix: change the model or template yourself.'), finding, alwaysShow: true }];
    return fixes.map((fix) => ({ label: `${icon} ${text}`, detail: vscode.l10n.t('Fix: {0}', fix.title), finding, fix, picked: true, alwaysShow: true }));
  });
}

async function healthEndpoint(title: string): Promise<ReturnType<typeof parseHealthEndpoint>> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('What the Application Health extension probes in each instance (H3): http:PORT/PATH, https:PORT/PATH or tcp:PORT'),
    value: 'http:80/',
    ignoreFocusOut: true,
    validateInput: (v) => (parseHealthEndpoint(v) ? undefined : vscode.l10n.t('For example http:80/health, https:443/ or tcp:22')),
  });
  return text === undefined ? undefined : parseHealthEndpoint(text);
}

/** Applies the chosen fixes one PATCH at a time; resolves false when the user backed out. */
async function applyFixes(target: ScaleSetTarget, set: VirtualMachineScaleSet, fixes: readonly FixIntent[], title: string): Promise<boolean> {
  const endpoint = fixes.some((f) => f.kind === 'add-application-health-extension') ? await healthEndpoint(title) : undefined;
  if (fixes.some((f) => f.kind === 'add-application-health-extension') && !endpoint) return false;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying fixes to {0}…', target.ref.name) }, async (progress) => {
    let current = set;
    for (const fix of fixes) {
      progress.report({ message: fix.title });
      const update = liveFixUpdate(fix, current, endpoint);
      if (update) current = await target.gateway.updateScaleSet(target.ref, update);
    }
  });
  return true;
}

async function pickSiblingFlags(set: VirtualMachineScaleSet, title: string): Promise<AutomaticOSUpgradePolicy | undefined> {
  const current = set.upgradePolicy?.automaticOSUpgradePolicy ?? {};
  const items: FlagItem[] = [
    { label: 'useRollingUpgradePolicy', detail: vscode.l10n.t("Use the set's rolling upgrade policy instead of the platform's 20% defaults"), flag: 'useRollingUpgradePolicy', picked: current.useRollingUpgradePolicy ?? set.upgradePolicy?.mode === 'Rolling' },
    { label: 'disableAutomaticRollback', detail: vscode.l10n.t('Keep failed instances on the new image instead of rolling them back (O4)'), flag: 'disableAutomaticRollback', picked: current.disableAutomaticRollback ?? false },
    { label: 'osRollingUpgradeDeferral', detail: vscode.l10n.t('Defer OS upgrades (osRollingUpgradeDeferral)'), flag: 'osRollingUpgradeDeferral', picked: current.osRollingUpgradeDeferral ?? false },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, placeHolder: vscode.l10n.t('Sibling settings of automatic OS image upgrade (A1); unticked ones are turned off'), ignoreFocusOut: true });
  if (!picked) return undefined;
  return { enableAutomaticOSUpgrade: true, ...Object.fromEntries(items.map((i) => [i.flag, picked.includes(i)])) };
}

async function offerManualUpgrade(target: ScaleSetTarget, title: string): Promise<void> {
  const instances = await target.gateway.listInstances(target.ref);
  const behind = instances.filter((i) => i.latestModelApplied === false).map((i) => i.instanceId);
  if (behind.length === 0) return;
  const upgrade = vscode.l10n.t('Upgrade {0} Instances', behind.length);
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} runs in Manual upgrade mode and {1} instance(s) are not on the latest model: automatic OS upgrades only reach instances on the latest model. Bring them to it now (manualupgrade)?', target.ref.name, behind.length),
    { modal: false },
    upgrade,
  );
  if (answer !== upgrade) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => target.gateway.manualUpgrade(target.ref, behind));
}

export const enableAutomaticOsUpgradeCommand: ExtensionCommand = {
  id: 'vmssUpgrades.enableAutomaticOSUpgrade',
  async run(services, arg?: unknown) {
    const title = vscode.l10n.t('Enable Automatic OS Image Upgrade');
    const target = await resolveScaleSet(services, arg, title);
    if (!target) return;
    const check = () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking whether {0} is ready (R1–R16)…', target.ref.name) }, async () => {
        const set = await target.gateway.getScaleSet(target.ref);
        return { set, readiness: liveReadiness(set) };
      });
    let { set, readiness } = await check();
    const items = findingItems(readiness.blocking, readiness.advised);
    if (items.length > 0) {
      const picked = await vscode.window.showQuickPick(items, {
        title: readiness.blocking.length
          ? vscode.l10n.t('{0} problem(s) block automatic OS upgrade on {1}', readiness.blocking.length, target.ref.name)
          : vscode.l10n.t('Recommended before enabling automatic OS upgrade on {0}', target.ref.name),
        placeHolder: vscode.l10n.t('Select the fixes to apply to the live model, then press Enter'),
        canPickMany: true,
        ignoreFocusOut: true,
        matchOnDetail: true,
      });
      if (!picked) return;
      const chosen = [...new Map(picked.filter((p) => p.fix).map((p) => [p.fix!.kind + p.fix!.title, p.fix!])).values()];
      if (chosen.length > 0) {
        if (!(await applyFixes(target, set, chosen, title))) return;
        ({ set, readiness } = await check());
        await afterScaleSetChange(services, target, vscode.l10n.t('Readiness fixes applied: {0}', chosen.map((f) => f.title).join('; ')));
      }
      if (readiness.blocking.length > 0) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Automatic OS upgrade stays off on {0}: {1}', target.ref.name, readiness.blocking.map(findingText).join(' · ')),
        );
        return;
      }
    }
    const policy = await pickSiblingFlags(set, title);
    if (!policy) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Turning on automatic OS image upgrade on {0}…', target.ref.name) }, () =>
      // The mode travels along so that no server reading the PATCH as a replacement resets it.
      target.gateway.updateScaleSet(target.ref, { upgradePolicy: { mode: set.upgradePolicy?.mode, automaticOSUpgradePolicy: policy } }),
    );
    await afterScaleSetChange(services, target, vscode.l10n.t('Automatic OS image upgrade turned on (A1): {0}', JSON.stringify(policy)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Automatic OS image upgrade is on for {0}. The first rollout can take up to 3 hours (A4).', target.ref.name));
    if ((set.upgradePolicy?.mode ?? 'Manual') === 'Manual') await offerManualUpgrade(target, title);
  },
};
