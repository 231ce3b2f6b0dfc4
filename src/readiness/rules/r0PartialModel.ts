// R0 vmss-not-a-full-model: a partial or update-only resource (only sku.capacity, only an
// extensionProfile) or a Flexible shell without a VM profile carries no image or upgrade
// policy; the image and health rules cannot judge it.
import { note, pass, type ReadinessRule } from './rule';

export const r0PartialModel: ReadinessRule = {
  id: 'R0',
  shapes: ['full', 'partial', 'no-profile'],
  evaluate(model) {
    if (model.shape === 'full') return pass('R0', []);
    const what =
      model.shape === 'no-profile'
        ? 'a scale set resource without a virtualMachineProfile (an update of an existing set such as sku.capacity only, or a Flexible shell whose VMs are attached separately)'
        : 'a partial or update-only scale set resource (a virtualMachineProfile without storageProfile)';
    return note('R0', [], {
      origin: model.origin,
      message: `R0: ${what}; automatic OS image upgrade readiness is judged on the complete scale set model, so only the extension rules apply here.`,
    });
  },
};
