// Which extensions matter to the rules, judged on the extension's type (and publisher when the
// type alone is ambiguous). Unknown types give an 'unknown' verdict, never a guess.
import { judge, asString, type Verdict } from './facts';
import type { ExtensionModel, ScaleSetModel } from './model';

const healthTypes = ['applicationhealthlinux', 'applicationhealthwindows'];
const serviceFabricTypes = ['servicefabricnode', 'servicefabriclinuxnode'];
const diskEncryptionTypes = ['azurediskencryption', 'azurediskencryptionforlinux'];

function typeIn(extension: ExtensionModel, types: readonly string[]): Verdict {
  return judge(extension.type, (value) => {
    const text = asString(value);
    return text !== undefined && types.includes(text.toLowerCase());
  });
}

/** H3: the Application Health extension (Microsoft.ManagedServices / ApplicationHealthLinux|Windows). */
export const isHealthExtension = (extension: ExtensionModel): Verdict => typeIn(extension, healthTypes);
export const isServiceFabricExtension = (extension: ExtensionModel): Verdict => typeIn(extension, serviceFabricTypes);
export const isDiskEncryptionExtension = (extension: ExtensionModel): Verdict => typeIn(extension, diskEncryptionTypes);

/** Whether any extension of the set is of a kind: yes if one surely is; unknown if one might be or the list is unknown. */
export function anyExtension(model: ScaleSetModel, test: (extension: ExtensionModel) => Verdict): { verdict: Verdict; extension?: ExtensionModel } {
  let sawUnknown = model.extensionsUnknown !== undefined;
  for (const extension of model.extensions) {
    const verdict = test(extension);
    if (verdict === 'yes') return { verdict, extension };
    if (verdict === 'unknown') sawUnknown = true;
  }
  return { verdict: sawUnknown ? 'unknown' : 'no' };
}
