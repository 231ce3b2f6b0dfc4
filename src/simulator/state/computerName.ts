// The guest computer name of a scale-set VM, one source for the VM's osProfile and its instance view.
// Uniform: computerNamePrefix (default: the set's name) + the instance id in base 36, six digits, e.g.
// "web000001" (learn: "Virtual Machine Scale Sets naming conventions"/osProfile.computerNamePrefix;
// Windows names are at most 15 characters, so the prefix keeps 9). Flexible VMs keep their VM name.
import type { Instance, ScaleSet } from './model';

export function computerNameOf(set: ScaleSet, inst: Instance): string {
  const os = set.properties.virtualMachineProfile as { osProfile?: { computerNamePrefix?: unknown } } | undefined;
  const configured = os?.osProfile?.computerNamePrefix;
  const prefix = (typeof configured === 'string' && configured ? configured : set.name).replace(/[^A-Za-z0-9-]/g, '');
  const id = Number(inst.instanceId);
  if (set.properties.orchestrationMode === 'Flexible' || !Number.isInteger(id)) return inst.name.replace(/_/g, '').slice(0, 15);
  return `${set.osType === 'Windows' ? prefix.slice(0, 9) : prefix}${id.toString(36).toUpperCase().padStart(6, '0')}`;
}
