// RollingUpgradeStatusInfo (`rollingUpgrades/latest`, A6) and UpgradeOperationHistoricalStatusInfo
// (`osUpgradeHistory`, A5, items keep `properties` nested) from a recorded run.
import { scaleSetId } from '../state/ids';
import type { ScaleSet } from '../state/model';
import type { RunError, UpgradeRun } from '../state/upgradeRun';
import { iso } from './time';

function progress(run: UpgradeRun) {
  const counts = { successfulInstanceCount: 0, failedInstanceCount: 0, inProgressInstanceCount: 0, pendingInstanceCount: 0 };
  for (const p of run.progress.values()) {
    if (p === 'succeeded') counts.successfulInstanceCount++;
    else if (p === 'failed') counts.failedInstanceCount++;
    else if (p === 'inProgress') counts.inProgressInstanceCount++;
    else counts.pendingInstanceCount++;
  }
  return counts;
}

/** ApiError: the failed instances as details, the platform's code in innererror. */
function apiError(set: ScaleSet, run: UpgradeRun, error: RunError) {
  const failed = [...run.progress].filter(([, p]) => p === 'failed').map(([id]) => id);
  return {
    code: error.code,
    target: set.name,
    message: error.message,
    details: failed.map((id) => ({ code: 'VMHealthCheckFailed', target: id, message: `Instance ${id} did not become healthy within the health wait.` })),
    innererror: { exceptiontype: error.code, errordetail: error.message },
  };
}

export function rollingStatusJson(set: ScaleSet, run: UpgradeRun): Record<string, unknown> {
  const { pauseMs: _pauseMs, ...policy } = run.policy;
  return {
    id: `${scaleSetId(set)}/rollingUpgrades/latest`,
    name: 'latest',
    type: 'Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades',
    location: set.location,
    tags: {},
    properties: {
      policy,
      runningStatus: { code: run.code, startTime: iso(run.startTime), lastAction: run.lastAction, lastActionTime: iso(run.lastActionTime) },
      progress: progress(run),
      ...(run.error ? { error: apiError(set, run, run.error) } : {}),
    },
  };
}

export function historyItemJson(set: ScaleSet, run: UpgradeRun): Record<string, unknown> {
  return {
    properties: {
      runningStatus: { code: run.code, startTime: iso(run.startTime), ...(run.endTime !== undefined ? { endTime: iso(run.endTime) } : {}) },
      progress: progress(run),
      ...(run.error ? { error: apiError(set, run, run.error) } : {}),
      startedBy: run.startedBy,
      targetImageReference: run.target.id
        ? { id: run.target.id, ...(run.target.version ? { exactVersion: run.target.version } : {}) }
        : { publisher: run.target.publisher, offer: run.target.offer, sku: run.target.sku, version: run.target.version, exactVersion: run.target.version },
      rollbackInfo: {
        successfullyRolledbackInstanceCount: run.rolledBack,
        failedRolledbackInstanceCount: run.rollbackFailed,
        ...(run.rollbackError ? { rollbackError: apiError(set, run, run.rollbackError) } : {}),
      },
    },
    type: 'Microsoft.Compute/virtualMachineScaleSets/osUpgradeHistory',
    location: set.location,
  };
}
