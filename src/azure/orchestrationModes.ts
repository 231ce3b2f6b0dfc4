// Orchestration mode per scale set, remembered from the scale set reads the gateway serves. The mode is
// fixed at creation ("cannot be changed or updated later", Learn: Orchestration modes for Virtual
// Machine Scale Sets), so an entry never goes stale while the set exists.
import type { VirtualMachineScaleSet } from '@azure/arm-compute';
import { scaleSetRefFromId, type ScaleSetRef } from './gateway';

export type OrchestrationMode = 'Uniform' | 'Flexible';

function keyOf(ref: ScaleSetRef): string {
  return `${ref.subscriptionId}/${ref.resourceGroup}/${ref.name}`.toLowerCase();
}

export class OrchestrationModes {
  private readonly byKey = new Map<string, OrchestrationMode>();

  of(ref: ScaleSetRef): OrchestrationMode | undefined {
    return this.byKey.get(keyOf(ref));
  }

  /** Records the set's mode (absent means Uniform, the API default) and returns it. */
  remember(set: VirtualMachineScaleSet): OrchestrationMode {
    const mode: OrchestrationMode = set.orchestrationMode === 'Flexible' ? 'Flexible' : 'Uniform';
    if (set.id) {
      try {
        this.byKey.set(keyOf(scaleSetRefFromId(set.id)), mode);
      } catch {
        // Not a scale set id: nothing to remember it by.
      }
    }
    return mode;
  }
}
