// Turns an SDK VirtualMachineScaleSetVM (Uniform set, listed with $expand=instanceView) or VirtualMachine
// (a Flexible set's instance, listed with $filter and $expand=instanceView) into an InstanceSnapshot,
// deriving health as the platform does (H1–H3).
import type { ImageReference, InstanceViewStatus, VirtualMachine, VirtualMachineInstanceView, VirtualMachineScaleSetVM, VirtualMachineScaleSetVMInstanceView } from '@azure/arm-compute';
import type { HealthState, InstanceSnapshot } from './gateway';
import { pendingOsUpgradeOf } from './osUpgradeDeferral';

function statusValue(statuses: readonly InstanceViewStatus[] | undefined, prefix: string): string | undefined {
  const code = statuses?.find((s) => s.code?.startsWith(`${prefix}/`))?.code;
  return code?.slice(prefix.length + 1);
}

/** H3: `HealthState/healthy|unhealthy|initializing|unknown`. */
function signalledHealth(code: string | undefined): HealthState | undefined {
  const state = code?.startsWith('HealthState/') ? code.slice('HealthState/'.length).toLowerCase() : undefined;
  return state === 'healthy' || state === 'unhealthy' || state === 'initializing' || state === 'unknown' ? state : undefined;
}

/** When provisioning last succeeded (the `ProvisioningState/succeeded` status's time): a reimage's end. */
function provisionedAt(statuses: readonly InstanceViewStatus[] | undefined): number | undefined {
  const time = statuses?.find((s) => s.code === 'ProvisioningState/succeeded')?.time;
  const ms = time === undefined ? NaN : new Date(time).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** What both kinds of instance carry. */
interface InstanceFields {
  readonly instanceId: string;
  readonly name: string;
  readonly zones?: readonly string[];
  readonly provisioningState?: string;
  readonly latestModelApplied?: boolean;
  readonly imageReference?: ImageReference;
  readonly instanceView?: VirtualMachineScaleSetVMInstanceView | VirtualMachineInstanceView;
  readonly tags?: Record<string, string>;
}

export function toInstanceSnapshot(vm: VirtualMachineScaleSetVM): InstanceSnapshot {
  return snapshotOf({
    instanceId: vm.instanceId ?? vm.name ?? '',
    name: vm.name ?? '',
    zones: vm.zones,
    provisioningState: vm.provisioningState,
    latestModelApplied: vm.latestModelApplied,
    imageReference: vm.storageProfile?.imageReference,
    instanceView: vm.instanceView,
    tags: vm.tags,
  });
}

/**
 * A Flexible set's VM: its instance id is the VM name (Learn, "Performing manual upgrades": instanceIds
 * are instance names with Flexible orchestration). A VirtualMachine has no latestModelApplied, and
 * Flexible sets have no update domains.
 */
export function vmToInstanceSnapshot(vm: VirtualMachine): InstanceSnapshot {
  return snapshotOf({
    instanceId: vm.name ?? '',
    name: vm.name ?? '',
    zones: vm.zones,
    provisioningState: vm.provisioningState,
    imageReference: vm.storageProfile?.imageReference,
    instanceView: vm.instanceView,
    tags: vm.tags,
  });
}

function snapshotOf(vm: InstanceFields): InstanceSnapshot {
  const view = vm.instanceView;
  const powerState = statusValue(view?.statuses, 'PowerState') ?? 'unknown';
  const provisioningState = vm.provisioningState ?? statusValue(view?.statuses, 'ProvisioningState') ?? 'Unknown';
  const extensionProblems = (view?.extensions ?? [])
    .filter((e) => (e.statuses ?? []).some((s) => s.code?.startsWith('ProvisioningState/') && s.code !== 'ProvisioningState/succeeded'))
    .map((e) => `${e.name ?? e.type ?? 'extension'}: ${(e.statuses ?? []).map((s) => s.displayStatus ?? s.code).join(', ')}`);
  const signalled = signalledHealth(view?.vmHealth?.status?.code);
  // H1: without a probe or the extension, health = running + every extension provisioned.
  const derived: HealthState = powerState === 'running' && extensionProblems.length === 0 && provisioningState.toLowerCase() === 'succeeded' ? 'healthy' : 'unhealthy';
  const image = vm.imageReference;
  return {
    instanceId: vm.instanceId,
    name: vm.name,
    zone: vm.zones?.[0],
    updateDomain: view?.platformUpdateDomain,
    faultDomain: view?.platformFaultDomain,
    powerState,
    provisioningState,
    latestModelApplied: vm.latestModelApplied,
    image: { publisher: image?.publisher, offer: image?.offer, sku: image?.sku, version: image?.version, exactVersion: image?.exactVersion, id: image?.id },
    health: signalled ?? derived,
    healthSource: signalled ? 'signal' : 'derived',
    extensionProblems,
    ...(pendingOsUpgradeOf(vm.tags) !== undefined ? { pendingOsUpgrade: pendingOsUpgradeOf(vm.tags) } : {}),
    ...(provisionedAt(view?.statuses) !== undefined ? { provisionedAt: provisionedAt(view?.statuses) } : {}),
  };
}
