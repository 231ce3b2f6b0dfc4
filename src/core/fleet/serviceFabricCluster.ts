// The Service Fabric cluster a scale set is a node type of: the node extension's `clusterEndpoint`
// setting (Microsoft.Azure.ServiceFabric ServiceFabricNode / ServiceFabricLinuxNode, as the readiness
// rules R7–R9 read it, src/readiness/rules/serviceFabric.ts). Sets with the same endpoint back one cluster.
import type { VirtualMachineScaleSet } from '../../azure/gateway';

export function serviceFabricClusterOf(set: VirtualMachineScaleSet): string | undefined {
  for (const ext of set.virtualMachineProfile?.extensionProfile?.extensions ?? []) {
    if (!/^Microsoft\.Azure\.ServiceFabric$/i.test(ext.publisher ?? '')) continue;
    const endpoint = (ext.settings as { clusterEndpoint?: unknown } | undefined)?.clusterEndpoint;
    if (typeof endpoint === 'string' && endpoint.trim() !== '') return endpoint.trim().toLowerCase();
  }
  return undefined;
}
