// Azure's own data as the dashboard shows it: the scale set header, the platform rolling upgrade
// (A6: rollingUpgrades/latest) and Azure's OS upgrade history (A5). Pure mapping, no vscode.
import type { ImageReference } from '@azure/arm-compute';
import type { RollingUpgradeStatusInfo, UpgradeOperationHistoricalStatusInfo, VirtualMachineScaleSet } from '../azure/gateway';
import { scaleSetRefFromId } from '../azure/gateway';
import { imageLabel } from '../views/scaleSetFacts';
import type { ScaleSetMaintenance } from '../azure/maintenance/maintenanceTypes';
import { summarizeWindow } from '../shared/maintenance/windowSummary';
import type { HistoryEntry, PlatformUpgradeView, ScaleSetHeader } from './contract';

const time = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).getTime());

/** `maintenance`: the set's OS-image window, summarized at `now` (the connection's clock: simulated on the simulator). */
export function scaleSetHeader(id: string, set: VirtualMachineScaleSet, maintenance?: ScaleSetMaintenance, now = Date.now()): ScaleSetHeader {
  const ref = scaleSetRefFromId(id);
  const window = maintenance ? summarizeWindow(maintenance.window, now) : undefined;
  return {
    ...(window && maintenance ? { maintenanceWindow: { name: maintenance.name, schedule: window.schedule, timeZone: window.timeZone, open: window.open, when: window.when } } : {}),
    id,
    name: set.name ?? ref.name,
    resourceGroup: ref.resourceGroup,
    location: set.location,
    image: imageLabel(set.virtualMachineProfile?.storageProfile?.imageReference),
    upgradeMode: set.upgradePolicy?.mode ?? 'Manual',
    automaticOsUpgrade: set.upgradePolicy?.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade === true,
    orchestrationMode: set.orchestrationMode === 'Flexible' ? 'Flexible' : 'Uniform',
  };
}

export function platformUpgradeView(status: RollingUpgradeStatusInfo, note?: string): PlatformUpgradeView {
  const p = status.progress ?? {};
  const running = status.runningStatus?.code === 'RollingForward';
  return {
    status: status.runningStatus?.code ?? 'Unknown',
    lastAction: status.runningStatus?.lastAction,
    startedAt: time(status.runningStatus?.startTime),
    endedAt: running ? undefined : time(status.runningStatus?.lastActionTime),
    successful: p.successfulInstanceCount ?? 0,
    failed: p.failedInstanceCount ?? 0,
    inProgress: p.inProgressInstanceCount ?? 0,
    pending: p.pendingInstanceCount ?? 0,
    error: status.error ? `${status.error.code ?? 'Error'}: ${status.error.message ?? ''}`.trim() : undefined,
    note,
  };
}

function targetLabel(image: ImageReference | undefined): string | undefined {
  if (!image) return undefined;
  return image.exactVersion && !image.id ? `${[image.publisher, image.offer, image.sku].filter(Boolean).join('/')} ${image.exactVersion}` : imageLabel(image) || undefined;
}

/** A5: one entry per Azure OS upgrade attempt. */
export function platformHistoryEntry(item: UpgradeOperationHistoricalStatusInfo): HistoryEntry {
  const p = item.properties ?? {};
  const startedAt = time(p.runningStatus?.startTime);
  const error = p.error ?? p.rollbackInfo?.rollbackError;
  return {
    id: `platform-${startedAt ?? 'unknown'}`,
    source: 'platform',
    status: p.runningStatus?.code ?? 'Unknown',
    startedAt,
    endedAt: time(p.runningStatus?.endTime),
    target: targetLabel(p.targetImageReference),
    startedBy: p.startedBy,
    succeeded: p.progress?.successfulInstanceCount ?? 0,
    failed: p.progress?.failedInstanceCount ?? 0,
    rolledBack: p.rollbackInfo?.successfullyRolledbackInstanceCount ?? 0,
    error: error ? `${error.code ?? 'Error'}: ${error.message ?? ''}`.trim() : undefined,
  };
}

/** Azure's attempts and our runs together, newest first (undated entries last). */
export function mergeHistory(...lists: readonly (readonly HistoryEntry[])[]): HistoryEntry[] {
  return lists.flat().sort((a, b) => (b.startedAt ?? -Infinity) - (a.startedAt ?? -Infinity));
}
