// ARM resource ids of simulated resources.
import type { Instance, LoadBalancer, ScaleSet } from './model';

export function scaleSetId(set: Pick<ScaleSet, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${set.subscriptionId}/resourceGroups/${set.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${set.name}`;
}

export function instanceResourceId(set: ScaleSet, instance: Instance): string {
  return `${scaleSetId(set)}/virtualMachines/${instance.instanceId}`;
}

/** Flexible orchestration: each instance is a standalone VM resource. */
export function standaloneVmId(set: ScaleSet, instance: Instance): string {
  return `/subscriptions/${set.subscriptionId}/resourceGroups/${set.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${instance.name}`;
}

export function loadBalancerId(lb: LoadBalancer): string {
  return `/subscriptions/${lb.subscriptionId}/resourceGroups/${lb.resourceGroup}/providers/Microsoft.Network/loadBalancers/${lb.name}`;
}

export function probeId(lb: LoadBalancer, probe: string): string {
  return `${loadBalancerId(lb)}/probes/${probe}`;
}

export function osDiskName(set: ScaleSet, instance: Instance): string {
  return `${set.name}_${instance.name}_OsDisk_1_${instance.vmId.replace(/-/g, '')}`;
}

export function diskId(set: ScaleSet, name: string): string {
  return `/subscriptions/${set.subscriptionId}/resourceGroups/${set.resourceGroup}/providers/Microsoft.Compute/disks/${name}`;
}

export function operationPath(subscriptionId: string, location: string, operationId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/locations/${location}/operations/${operationId}`;
}
