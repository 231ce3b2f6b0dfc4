// Every failure Azure documents for rolling and automatic OS upgrades, and every way one of our own runs
// ends badly, with the cause in words, the codes that name it, the Learn page that describes it and the
// fixes (a command where one exists; the risk said where a fix trades safety away). Written in our own
// words from the pages in learn.ts and the rules in shared/spec/os-upgrades.md (A8, O1–O8, H1–H3).
import { learn, type LearnPage } from './learn';

export type FailureId =
  | 'unhealthyBeforeUpgrade'
  | 'upgradedInstancesUnhealthy'
  | 'setUnhealthyDuringUpgrade'
  | 'failedUpgradedVmsStillRunning'
  | 'upgradeInProgress'
  | 'healthExtensionMisconfigured'
  | 'healthSignalMissing'
  | 'extensionProvisioningFailed'
  | 'allocationFailed'
  | 'quotaExceeded'
  | 'operationNotAllowed'
  | 'healthTimeout'
  | 'upgradeTimeout'
  | 'internalError'
  | 'outsideMaintenanceWindow'
  | 'rollbackFailed'
  | 'diskReplacementFailed'
  | 'gateRejected'
  | 'bakeGateBreached'
  | 'cancelled'
  | 'imageNotLatest'
  | 'instanceBusy';

/** What the dashboard's fix buttons can run (the CLI prints the command instead). */
export type FixAction = 'cancelRollingUpgrade' | 'startOsRollingUpgrade' | 'checkReadiness' | 'resumeRun';

export interface FixContext {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  /** The first failed instances (for per-instance commands). */
  readonly instanceIds: readonly string[];
  readonly runId?: string;
}

export interface FixTemplate {
  readonly label: string;
  readonly command?: (c: FixContext) => string;
  /** What the fix trades away, where it does. */
  readonly risk?: string;
  readonly action?: FixAction;
}

export interface CatalogueEntry {
  readonly id: FailureId;
  readonly title: string;
  /** ARM error codes (A8 and others) that name this failure. */
  readonly codes: readonly string[];
  /** The spec rule(s) involved. */
  readonly rules: readonly string[];
  readonly cause: string;
  readonly learn: readonly LearnPage[];
  readonly fixes: readonly FixTemplate[];
  /** Where Azure documents the code but not the cause, or not the code at all. */
  readonly unverified?: string;
}

const set = (c: FixContext) => `--subscription ${c.subscriptionId} -g ${c.resourceGroup} -n ${c.name}`;
const ours = (c: FixContext) => `--subscription ${c.subscriptionId} --resource-group ${c.resourceGroup} --name ${c.name}`;
const ids = (c: FixContext) => (c.instanceIds.length > 0 ? c.instanceIds.join(' ') : '<instance ids>');

const inspectInstances: FixTemplate = {
  label: 'Read the instance views of the failed instances (health, extension statuses, provisioning errors)',
  command: (c) => `az vmss get-instance-view ${set(c)} --instance-id ${c.instanceIds[0] ?? '<instance id>'}`,
};
const cancelPlatform: FixTemplate = {
  label: "Cancel Azure's rolling upgrade (the batch in flight finishes its disks; no further batch starts)",
  command: (c) => `az vmss rolling-upgrade cancel ${set(c)}`,
  action: 'cancelRollingUpgrade',
};
const restartPlatform: FixTemplate = {
  label: 'Start the OS rolling upgrade again once the cause is fixed (instances already on the newest image are not touched; a manual start never rolls back, A6)',
  command: (c) => `az vmss rolling-upgrade start ${set(c)}`,
  action: 'startOsRollingUpgrade',
};
const readiness: FixTemplate = {
  label: 'Re-run the readiness check and plan (O1 is checked against the set as it is now)',
  command: (c) => `vmss-upgrades plan ${ours(c)}`,
  action: 'checkReadiness',
};
const restartInstances: FixTemplate = {
  label: 'Restart (or reimage) the unhealthy instances so they count as healthy again',
  command: (c) => `az vmss restart ${set(c)} --instance-ids ${ids(c)}`,
};
const raise = (property: string, risk: string): FixTemplate => ({
  label: `Raise ${property} (default 20%)`,
  command: (c) => `az vmss update ${set(c)} --set upgradePolicy.rollingUpgradePolicy.${property}=30`,
  risk,
});
const fixHealthExtension: FixTemplate = {
  label: 'Fix the health probe: point the Application Health extension at an endpoint the application answers on the new image (protocol, port, requestPath)',
  command: (c) => `az vmss extension set ${set(c)} --name ApplicationHealthLinux --publisher Microsoft.ManagedServices --version 2.0 --settings '{"protocol":"http","port":80,"requestPath":"/health"}'`,
};

export const catalogue: Readonly<Record<FailureId, CatalogueEntry>> = {
  unhealthyBeforeUpgrade: {
    id: 'unhealthyBeforeUpgrade',
    title: 'Too many instances were unhealthy before the upgrade started',
    codes: ['MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade'],
    rules: ['O1'],
    cause: 'Before the first batch, more of the whole set than maxUnhealthyInstancePercent was unhealthy, for any reason (stopped, failed extensions, a failing application). The upgrade refused to start and moved nothing.',
    learn: [learn.automaticUpgrade, learn.rollingPolicy],
    fixes: [inspectInstances, restartInstances, readiness, raise('maxUnhealthyInstancePercent', 'More of the set may be out of service at once during the upgrade; capacity may drop below what the application needs.')],
  },
  upgradedInstancesUnhealthy: {
    id: 'upgradedInstancesUnhealthy',
    title: 'Too many upgraded instances became unhealthy',
    codes: ['MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade'],
    rules: ['O4', 'O5'],
    cause: 'After a batch, more of the upgraded instances than maxUnhealthyUpgradedInstancePercent did not become healthy on the new image, so the upgrade stopped. The new image (or the application on it) is the usual suspect.',
    learn: [learn.automaticUpgrade, learn.rollingPolicy, learn.healthExtension],
    fixes: [
      inspectInstances,
      fixHealthExtension,
      raise('maxUnhealthyUpgradedInstancePercent', 'A broken image may then reach more instances before the upgrade stops.'),
      restartPlatform,
    ],
  },
  setUnhealthyDuringUpgrade: {
    id: 'setUnhealthyDuringUpgrade',
    title: 'The set became too unhealthy during the upgrade',
    codes: ['MaxUnhealthyInstancePercentExceededInRollingUpgrade'],
    rules: ['O6'],
    cause: 'The whole-set check before a batch found more than maxUnhealthyInstancePercent of all instances unhealthy (upgraded ones, or others taken down by other maintenance), so the upgrade stopped at the end of the batch.',
    learn: [learn.automaticUpgrade, learn.rollingPolicy],
    fixes: [inspectInstances, restartInstances, raise('maxUnhealthyInstancePercent', 'More of the set may be out of service at once.'), restartPlatform],
  },
  failedUpgradedVmsStillRunning: {
    id: 'failedUpgradedVmsStillRunning',
    title: 'A rolling upgrade with failed upgraded VMs is still in progress',
    codes: ['RollingUpgradeInProgressWithFailedUpgradedVMs'],
    rules: ['A6', 'A8'],
    cause: 'The rolling upgrade is still running although some upgraded instances failed; nothing new can start until it ends. Azure lists the code (A8) without describing the cause further.',
    learn: [learn.getLatest, learn.azRollingUpgrade],
    fixes: [inspectInstances, cancelPlatform, restartPlatform],
    unverified: 'Learn names the code but does not describe when Azure reports it; the cause here is read from its name.',
  },
  upgradeInProgress: {
    id: 'upgradeInProgress',
    title: 'Another rolling upgrade is in progress',
    codes: ['RollingUpgradeInProgress'],
    rules: ['A6'],
    cause: "A rolling upgrade (Azure's, or an automatic OS upgrade) is running on the set; another one, and our run, cannot start until it finishes or is cancelled.",
    learn: [learn.getLatest, learn.azRollingUpgrade],
    fixes: [{ label: 'Watch the running upgrade', command: (c) => `az vmss rolling-upgrade get-latest ${set(c)}` }, cancelPlatform, readiness],
  },
  healthExtensionMisconfigured: {
    id: 'healthExtensionMisconfigured',
    title: 'The health probe never answered: the Application Health extension (or probe) looks misconfigured',
    codes: [],
    rules: ['H2', 'H3'],
    cause: 'Every failed instance reported Unknown health: the Application Health extension got no answer on its configured port or path (rich health states report Unknown then; a rolling upgrade counts Unknown as unhealthy, H3). Usually the probe points at the wrong port/path, or the application does not start on the new image.',
    learn: [learn.healthExtension],
    fixes: [inspectInstances, fixHealthExtension, restartPlatform],
  },
  healthSignalMissing: {
    id: 'healthSignalMissing',
    title: 'No health signal, or two of them',
    codes: ['BadRequest'],
    rules: ['R3', 'R13', 'R15'],
    cause: 'Rolling upgrades need exactly one health source: a load balancer probe or the Application Health extension. Without one Azure refuses Rolling mode and automatic OS upgrades; with both, they must be reduced to one.',
    learn: [learn.healthExtension, learn.rollingUpgrades],
    fixes: [fixHealthExtension, { label: 'Lint the template for R3/R13/R15', command: () => 'vmss-upgrades lint <template.json>' }],
  },
  extensionProvisioningFailed: {
    id: 'extensionProvisioningFailed',
    title: 'An extension failed to provision on the new OS disk',
    codes: ['VMExtensionProvisioningError', 'VMExtensionHandlerNonTransientError'],
    rules: ['A2', 'H1'],
    cause: "The new OS disk runs every extension of the model again (A2). An extension failed there, so the instance's provisioning failed (and without a health signal that alone makes it unhealthy, H1). Expired credentials in extension settings are a common cause (R11).",
    learn: [learn.automaticUpgrade, learn.extensionSequencing],
    fixes: [inspectInstances, { label: 'Fix the extension settings (or their sequencing), then reimage the failed instances', command: (c) => `az vmss reimage ${set(c)} --instance-ids ${ids(c)}` }, restartPlatform],
  },
  allocationFailed: {
    id: 'allocationFailed',
    title: 'Azure had no capacity for the VMs',
    codes: ['AllocationFailed', 'ZonalAllocationFailed', 'OverconstrainedAllocationRequest', 'OverconstrainedZonalAllocationRequest'],
    rules: ['O8'],
    cause: 'Azure could not find capacity for the VM size in the region or zone (new VMs of a maxSurge batch, or an instance restarted on its new disk). This is capacity, not quota.',
    learn: [learn.allocation],
    fixes: [
      { label: 'Try again later; the shortage is often temporary', command: (c) => `vmss-upgrades resume ${c.runId ?? '<run id>'}`, action: 'resumeRun' },
      { label: 'Upgrade in place instead of with maxSurge (no new VMs needed)', risk: 'Each batch is out of service while its disks are replaced.' },
      { label: 'Move to a VM size or zone with capacity', risk: 'A size change applies to every instance.' },
    ],
  },
  quotaExceeded: {
    id: 'quotaExceeded',
    title: 'The regional vCPU quota is too small',
    codes: ['OperationNotAllowed', 'QuotaExceeded'],
    rules: ['O8'],
    cause: 'A scale-out (maxSurge creates the new VMs of a batch before deleting the old ones) needed more vCPUs than the subscription has left in the region, so Azure refused it with OperationNotAllowed naming the quota.',
    learn: [learn.quotas, learn.rollingUpgrades],
    fixes: [
      { label: 'See the regional usage against the limits', command: () => 'az vm list-usage --location <region> -o table' },
      { label: 'Request more quota for the VM family, or use smaller batches', command: (c) => `vmss-upgrades plan ${ours(c)} --max-batch 10`, risk: 'Smaller batches make the upgrade take longer.' },
    ],
  },
  operationNotAllowed: {
    id: 'operationNotAllowed',
    title: 'Azure refused the operation (OperationNotAllowed)',
    codes: ['OperationNotAllowed'],
    rules: ['A6'],
    cause: 'Azure refused the request as not allowed in the current state: cancelling when no rolling upgrade runs, a scale set VM operation on a Flexible set (use the VM APIs), or a throttled request (429 with OperationNotAllowed). The message names which.',
    learn: [learn.getLatest, learn.rollingUpgrades],
    fixes: [{ label: "Read the set's latest rolling upgrade before acting", command: (c) => `az vmss rolling-upgrade get-latest ${set(c)}` }, readiness],
  },
  healthTimeout: {
    id: 'healthTimeout',
    title: 'Upgraded instances did not become healthy within the wait',
    codes: [],
    rules: ['O4', 'H3'],
    cause: 'Each batch waits up to the health timeout (5 minutes by default) for its upgraded instances to become healthy. These were still Unhealthy or Initializing at the deadline and counted as failed (and were rolled back unless rollback is off).',
    learn: [learn.automaticUpgrade, learn.healthExtension],
    fixes: [inspectInstances, { label: 'If the application is only slow to start, give the health extension a longer grace period (gracePeriod setting)', risk: 'A broken instance is noticed later.' }, restartPlatform],
  },
  upgradeTimeout: {
    id: 'upgradeTimeout',
    title: 'The rolling upgrade timed out',
    codes: ['RollingUpgradeTimeoutError'],
    rules: ['A8'],
    cause: 'Azure stopped the rolling upgrade because it ran past its time limit. The code is listed by Azure (A8); the limit itself is not documented.',
    learn: [learn.getLatest, learn.automaticUpgrade],
    fixes: [inspectInstances, restartPlatform],
    unverified: 'Learn lists the code but neither the time limit nor what counts toward it.',
  },
  internalError: {
    id: 'internalError',
    title: 'Azure failed internally',
    codes: ['InternalExecutionError', 'InternalServerError'],
    rules: ['A8'],
    cause: 'The platform reported an internal error; nothing in the set is known to be wrong. Starting again usually works.',
    learn: [learn.getLatest],
    fixes: [restartPlatform, { label: 'Resume our run (it reads Azure first and moves nothing twice)', command: (c) => `vmss-upgrades resume ${c.runId ?? '<run id>'}`, action: 'resumeRun' }],
    unverified: 'Learn lists InternalExecutionError without a cause.',
  },
  outsideMaintenanceWindow: {
    id: 'outsideMaintenanceWindow',
    title: 'A batch fell outside the maintenance window',
    codes: [],
    rules: ['A4'],
    cause: 'An OS-image maintenance configuration limits when upgrades may run; the window closed before the next batch, so the upgrade waits for the next window (it is not lost).',
    learn: [learn.maintenanceConfigurations],
    fixes: [{ label: 'Resume in the next window, or widen the window', command: (c) => `vmss-upgrades resume ${c.runId ?? '<run id>'}`, action: 'resumeRun' }],
    unverified: 'Learn describes OS-image maintenance windows but no error code for a batch that would fall outside one.',
  },
  rollbackFailed: {
    id: 'rollbackFailed',
    title: 'Rolling failed instances back failed',
    codes: [],
    rules: ['O4', 'A5'],
    cause: 'An instance that did not become healthy was to go back to its previous OS disk, and that reimage failed too: it may still run the new image, or be half-provisioned. Azure reports this in the OS upgrade history as rollbackInfo (failedRolledbackInstanceCount, rollbackError).',
    learn: [learn.osUpgradeHistory, learn.automaticUpgrade],
    fixes: [inspectInstances, { label: 'Reimage the instance to the version it ran before', command: (c) => `az vmss reimage ${set(c)} --instance-ids ${ids(c)}` }],
  },
  diskReplacementFailed: {
    id: 'diskReplacementFailed',
    title: 'Replacing the OS disk failed',
    codes: [],
    rules: ['O3', 'O9'],
    cause: 'The reimage (or manual upgrade) of these instances failed and Azure gave no more specific code; the recorded message says what Azure answered.',
    learn: [learn.automaticUpgrade],
    fixes: [inspectInstances, { label: 'Resume the run (instances already on the target are not moved again)', command: (c) => `vmss-upgrades resume ${c.runId ?? '<run id>'}`, action: 'resumeRun' }],
  },
  gateRejected: {
    id: 'gateRejected',
    title: 'An approval gate was rejected',
    codes: [],
    rules: [],
    cause: 'Someone rejected the gate after a batch, so the run stopped there. Instances already moved stay on the new image.',
    learn: [],
    fixes: [readiness],
  },
  bakeGateBreached: {
    id: 'bakeGateBreached',
    title: 'A gate failed during the bake after a batch',
    codes: [],
    rules: [],
    cause:
      "The run's own gates (issue 16) watched the set during the bake after a batch: its health held, no Azure Monitor alert fired, a metric stayed within its threshold. One of them failed, so the batch was rolled back (or held at a gate for a person) and no further batch started. The evidence names the gate and what it read.",
    learn: [],
    fixes: [
      inspectInstances,
      { label: 'Read the alerts that fired on the scale set during the batch and bake', command: (c) => `az monitor alert list --resource-group ${c.resourceGroup} --target-resource-type Microsoft.Compute/virtualMachineScaleSets` },
      readiness,
    ],
  },
  cancelled: {
    id: 'cancelled',
    title: 'The run was cancelled',
    codes: [],
    rules: ['A6'],
    cause: 'The run was cancelled. Operations already sent to Azure finish there.',
    learn: [learn.azRollingUpgrade],
    fixes: [readiness],
  },
  imageNotLatest: {
    id: 'imageNotLatest',
    title: "The model's image is pinned to a version, not 'latest'",
    codes: ['OperationNotAllowed', 'BadRequest'],
    rules: ['A1', 'A4', 'A6'],
    cause: "Azure's OS rolling upgrade and automatic OS upgrades move instances to the newest version of the model's image, so they need imageReference.version 'latest' (a platform image, or a gallery image definition without a version). With a pinned version Azure refuses to start the OS rolling upgrade, and refuses to turn automatic OS upgrades on.",
    learn: [learn.automaticUpgrade, learn.azRollingUpgrade],
    fixes: [
      { label: "Set the model's image version to 'latest' (a model update: in Rolling or Automatic mode Azure then applies it itself)", command: (c) => `az vmss update ${set(c)} --set virtualMachineProfile.storageProfile.imageReference.version=latest`, risk: 'Instances follow every new image release from then on.' },
      { label: 'Or move the set to a chosen version with our run (it changes the model and moves the instances batch by batch with health gates, O9)', command: (c) => `vmss-upgrades plan ${ours(c)}`, action: 'checkReadiness' },
    ],
    unverified: "Compute's messages are known from public reports (for the automatic OS upgrade PUT a 400 BadRequest); the status and code of the refused OS rolling upgrade are not documented (the simulator answers 409 OperationNotAllowed).",
  },
  instanceBusy: {
    id: 'instanceBusy',
    title: 'Another operation was still running on the instance',
    codes: ['OperationNotAllowed'],
    rules: ['O3', 'O9'],
    cause: "Azure refused an operation on these instances (reimage, manual upgrade) because another operation on them had not finished yet: someone else's reimage, restart or upgrade, or Azure's own maintenance. Nothing was changed on them by the refused request.",
    learn: [learn.rollingUpgrades],
    fixes: [
      inspectInstances,
      { label: 'Resume the run once the other operation has finished (instances already on the target are not moved again)', command: (c) => `vmss-upgrades resume ${c.runId ?? '<run id>'}`, action: 'resumeRun' },
    ],
    unverified: "Compute answers OperationNotAllowed \"Operation '…' is not allowed on VM '…' since …\" for a VM in a conflicting state (seen in public reports); the exact wording for an operation already in progress is not documented.",
  },
};

/** The entry an ARM error code names, if any (codes shared by several entries resolve by message). */
export function entryForCode(code: string | undefined, message = ''): CatalogueEntry | undefined {
  if (!code) return undefined;
  if (code === 'OperationNotAllowed') {
    // "…results in exceeding approved Total Regional Cores quota…"; a bare /quota/ would also match a set named "no-quota".
    if (/exceed\w*[\w ]*quota/i.test(message)) return catalogue.quotaExceeded;
    if (/version set to ['"]?latest/i.test(message)) return catalogue.imageNotLatest;
    if (/another operation is in progress/i.test(message)) return catalogue.instanceBusy;
    return catalogue.operationNotAllowed;
  }
  if (code === 'BadRequest') {
    if (/health (?:probe|extension)/i.test(message)) return catalogue.healthSignalMissing;
    if (/version set to ['"]?latest/i.test(message)) return catalogue.imageNotLatest;
    return undefined;
  }
  return Object.values(catalogue).find((e) => e.codes.includes(code));
}
