// An instance as the gateway reads it, for tests that only care about a few of its fields.
import type { InstanceSnapshot } from '../../../src/azure/gateway';

/** Running, provisioned and healthy by its health signal, with no extension problems; `overrides` set the rest. */
export function healthyInstance(instanceId: string, overrides: Partial<InstanceSnapshot> = {}): InstanceSnapshot {
  return {
    instanceId,
    name: `vmss_${instanceId}`,
    powerState: 'running',
    provisioningState: 'Succeeded',
    image: {},
    health: 'healthy',
    healthSource: 'signal',
    extensionProblems: [],
    ...overrides,
  };
}
