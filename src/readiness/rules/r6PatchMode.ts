// R6 vmss-patch-mode: patchSettings.patchMode AutomaticByPlatform (guest patching orchestrated by
// Azure) cannot be combined with automatic OS image upgrades.
import { possibleValues } from '../facts';
import type { Fact } from '../model';
import { isUnknown } from '../value';
import { dependsOnDeployment, fail, pass, type ReadinessRule } from './rule';

function isAutomaticByPlatform(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'automaticbyplatform';
}

export const r6PatchMode: ReadinessRule = {
  id: 'R6',
  evaluate(model) {
    const patchFacts: Fact[] = [model.windowsPatchMode, model.linuxPatchMode];
    const facts = [
      { label: 'windowsConfiguration.patchSettings.patchMode', fact: model.windowsPatchMode },
      { label: 'linuxConfiguration.patchSettings.patchMode', fact: model.linuxPatchMode },
    ];
    // The Windows and Linux configurations are alternatives: the set has one OS. Collect the
    // patch modes the template can produce for either and judge them together.
    const modes: unknown[] = [];
    for (const fact of patchFacts) {
      const values = possibleValues(fact);
      if (!values || values.some(isUnknown)) return dependsOnDeployment('R6', facts, fact, 'which guest patch mode the scale set uses');
      modes.push(...values.filter((v) => v !== undefined && v !== null));
    }
    const platform = modes.filter(isAutomaticByPlatform);
    if (platform.length === 0) return pass('R6', facts);
    if (platform.length < modes.length) return dependsOnDeployment('R6', facts, model.windowsPatchMode, 'whether the guest patch mode is AutomaticByPlatform');
    const origin = [model.windowsPatchMode, model.linuxPatchMode].find((f) => (possibleValues(f) ?? []).some(isAutomaticByPlatform))!.origin;
    return fail('R6', facts, {
      origin,
      message: "R6: patchSettings.patchMode is AutomaticByPlatform: Azure's guest patching would patch the same VMs that automatic OS image upgrades replace, and the two cannot be combined. Use patchMode AutomaticByOS/ImageDefault (or Manual) when automatic OS image upgrade is on.",
    });
  },
};
