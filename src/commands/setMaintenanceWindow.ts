// "Set Maintenance Window…" (issue 16): the scale set's OS-image maintenance configuration
// (Microsoft.Maintenance, scope OSImage) — when Azure may apply automatic OS image upgrades. Shows the
// current one (schedule, time zone, next window), asks for the start, the duration and the time zone
// (Windows time zone ids from the CLDR table), checks Azure's rules as the user types (≥ 5 hours,
// recurrence Day — Learn), then writes the configuration and assigns it (azure/maintenance/setScaleSetWindow.ts).
import * as vscode from 'vscode';
import { ianaZoneOf } from '../shared/maintenance/windowsTimeZone';
import { timeZones } from '../shared/maintenance/loadTimeZones';
import { MaintenanceWindowError, parseDuration, parseLocalDateTime, type MaintenanceWindow } from '../shared/maintenance/maintenanceWindow';
import { compileWindow, nextWindow } from '../shared/maintenance/occurrences';
import { osImageWindowProblems } from '../shared/maintenance/osImageRules';
import type { ExtensionCommand } from './extensionCommand';
import { afterScaleSetChange } from './afterScaleSetChange';
import { resolveScaleSet } from './scaleSetTarget';

function describe(window: MaintenanceWindow): string {
  const next = nextWindow(compileWindow(window), Date.now());
  const when = next ? new Date(next.start).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : vscode.l10n.t('none (expired)');
  return vscode.l10n.t('{0} from {1} for {2} ({3}); next window {4}', window.recurEvery ?? 'Day', window.startDateTime, window.duration ?? '?', window.timeZone, when);
}

function messageOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    return err instanceof MaintenanceWindowError ? err.message : String(err);
  }
}

export const setMaintenanceWindowCommand: ExtensionCommand = {
  id: 'vmssUpgrades.setMaintenanceWindow',
  async run(services, arg?: unknown) {
    const title = vscode.l10n.t('Set Maintenance Window');
    const target = await resolveScaleSet(services, arg, title);
    if (!target) return;
    const gateway = target.gateway;
    if (!gateway.osImageMaintenance || !gateway.setOsImageMaintenance) {
      void vscode.window.showErrorMessage(vscode.l10n.t('This connection cannot manage maintenance configurations.'));
      return;
    }
    const [set, current] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the maintenance configuration of {0}…', target.ref.name) }, () =>
      Promise.all([gateway.getScaleSet(target.ref), gateway.osImageMaintenance!(target.ref)]),
    );
    const zones = [...new Set(timeZones().WINDOWS_TO_IANA_MAP.map((z) => z.windowsName as string))].sort();
    const zone = await vscode.window.showQuickPick(
      zones.flatMap((z) => messageOf(() => ianaZoneOf(z)) ? [] : [{ label: z, description: ianaZoneOf(z) }]),
      { title, placeHolder: current ? vscode.l10n.t('Now: {0}. Time zone of the window (a Windows time zone id)', describe(current.window)) : vscode.l10n.t('Time zone of the window (a Windows time zone id)'), ignoreFocusOut: true, matchOnDescription: true },
    );
    if (!zone) return;
    const start = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('First window start in {0}: YYYY-MM-DD hh:mm (today or later)', zone.label),
      value: current?.window.startDateTime ?? `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)} 22:00`,
      ignoreFocusOut: true,
      validateInput: (v) => messageOf(() => parseLocalDateTime(v, 'startDateTime')),
    });
    if (start === undefined) return;
    const duration = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Duration HH:mm — Azure requires at least 05:00 for OS image upgrades; the window recurs every day'),
      value: current?.window.duration ?? '05:00',
      ignoreFocusOut: true,
      validateInput: (v) => messageOf(() => parseDuration(v)) ?? osImageWindowProblems({ startDateTime: start, duration: v, timeZone: zone.label, recurEvery: 'Day' })[0],
    });
    if (duration === undefined) return;
    const window: MaintenanceWindow = { startDateTime: start.trim(), duration: duration.trim(), timeZone: zone.label, recurEvery: 'Day' };
    const written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Setting the maintenance window of {0}…', target.ref.name) }, () =>
      gateway.setOsImageMaintenance!(target.ref, set.location, window),
    );
    // The row shows the new window at once (the tree reads windows in the background only on load).
    const row = services.tree.scaleSetNode(target.ref);
    if (row) row.maintenance = written;
    await afterScaleSetChange(services, target, vscode.l10n.t('Maintenance window set ({0}): {1}', written.name, describe(written.window)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Automatic OS image upgrades of {0} now run only in its maintenance window: {1}', target.ref.name, describe(written.window)));
  },
};
