// VirtualMachineScaleSetVMInstanceView (and, for a Flexible set's VM, VirtualMachineInstanceView — the same
// fields): zone placement (update/fault domain), power and provisioning
// state, disks, extension statuses and `vmHealth` (H2/H3) — or, with no health source (H1), the
// extension and provisioning statuses that health is judged from.
import { computerNameOf } from '../state/computerName';
import { instanceHealth } from '../state/health';
import { osDiskName } from '../state/ids';
import type { HealthState, Instance, ScaleSet } from '../state/model';
import { healthSource, modelExtensions, orchestrationMode } from '../state/modelView';
import type { World } from '../state/world';
import { iso } from './time';

interface Status {
  code: string;
  level: 'Info' | 'Warning' | 'Error';
  displayStatus: string;
  message?: string;
  time?: string;
}

const healthText: Record<HealthState, string> = {
  healthy: 'The VM is healthy',
  unhealthy: 'The VM is unhealthy',
  initializing: 'The VM health is initializing',
  unknown: 'The VM health is unknown',
};

const powerText = { running: 'VM running', stopped: 'VM stopped', deallocated: 'VM deallocated' } as const;

function osName(set: ScaleSet): { osName: string; osVersion: string } {
  return set.osType === 'Windows' ? { osName: 'Windows Server 2022 Datacenter Azure Edition', osVersion: '10.0.20348' } : { osName: 'ubuntu', osVersion: '24.04' };
}

export function instanceViewJson(world: World, set: ScaleSet, inst: Instance): Record<string, unknown> {
  const now = world.now;
  const health = instanceHealth({ now, seed: world.seed, timing: world.timing }, set, inst);
  const source = healthSource(set);
  const busy = inst.busyUntil !== undefined && now < inst.busyUntil;
  // A scale-out VM's disk is "replaced" when it finishes booting: never show a time after now.
  const since = iso(Math.min(inst.diskReplacedAt ?? inst.timeCreated, now));
  // H1: without a probe or the extension, an unhealthy VM shows as a failed extension (or VM) provisioning.
  const failedH1 = source.kind === 'none' && health === 'unhealthy';
  const extensions = modelExtensions(set);
  const failedExtension = inst.extensionsFailed || (failedH1 && extensions.length > 0) ? extensions[0]?.name : undefined;
  const vmFailed = failedH1 && extensions.length === 0;
  const agentStatus: Status = { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready', message: 'Guest Agent is running', time: iso(now) };
  const extStatus = (name: string): Status =>
    name === failedExtension
      ? { code: 'ProvisioningState/failed/1', level: 'Error', displayStatus: 'Provisioning failed', message: 'Enable failed: the extension exited with code 1.' }
      : { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: 'Enable succeeded' };
  return {
    // Flexible sets spread over fault domains only ("Update Domains: No", Learn: Orchestration modes).
    ...(orchestrationMode(set) === 'Flexible' ? {} : { platformUpdateDomain: inst.updateDomain }),
    platformFaultDomain: inst.faultDomain,
    computerName: computerNameOf(set, inst),
    ...osName(set),
    hyperVGeneration: 'V2',
    vmAgent: {
      vmAgentVersion: '2.12.0.2',
      statuses: [agentStatus],
      extensionHandlers: extensions.map((e) => ({ type: `${e.publisher}.${e.type}`, typeHandlerVersion: e.typeHandlerVersion, status: { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready' } })),
    },
    disks: [{ name: osDiskName(set, inst), statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: 'Disk provisioned', time: since }] }],
    ...(extensions.length > 0 ? { extensions: extensions.map((e) => ({ name: e.name, type: `${e.publisher}.${e.type}`, typeHandlerVersion: e.typeHandlerVersion, statuses: [extStatus(e.name)] })) } : {}),
    ...(source.kind === 'none' ? {} : { vmHealth: { status: { code: `HealthState/${health}`, level: health === 'healthy' || health === 'initializing' ? 'Info' : 'Warning', displayStatus: healthText[health], time: iso(now) } } }),
    statuses: [
      inst.deletingUntil !== undefined
        ? { code: 'ProvisioningState/deleting', level: 'Info', displayStatus: 'Deleting', message: 'The VM is being deleted', time: iso(now) }
        : busy
        ? inst.creating
          ? { code: 'ProvisioningState/creating', level: 'Info', displayStatus: 'Creating', message: 'The VM is being created', time: iso(now) }
          : { code: 'ProvisioningState/updating', level: 'Info', displayStatus: 'Updating', message: 'The OS disk is being replaced', time: iso(now) }
        : vmFailed
          ? { code: 'ProvisioningState/failed/VMStartTimedOut', level: 'Error', displayStatus: 'Provisioning failed', message: 'The VM did not report ready in time.', time: since }
          : { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', message: 'Provisioning succeeded', time: since },
      { code: `PowerState/${inst.powerState}`, level: 'Info', displayStatus: powerText[inst.powerState], message: powerText[inst.powerState], time: since },
    ],
  };
}
