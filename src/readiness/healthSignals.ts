// H2/H3: the health sources of a scale set — an application health probe referenced from
// networkProfile.healthProbe.id, or the Application Health extension. A probe that is only on a
// load-balancing rule does not count (R3).
import { anyExtension, isHealthExtension } from './extensionKinds';
import { isPresent, type Verdict } from './facts';
import type { ExtensionModel, ScaleSetModel } from './model';

export interface HealthSignals {
  readonly probe: Verdict;
  readonly extension: Verdict;
  readonly healthExtension?: ExtensionModel;
  /** Whether the set has at least one health source. */
  readonly any: Verdict;
}

export function healthSignals(model: ScaleSetModel): HealthSignals {
  const probe = isPresent(model.healthProbeId);
  const found = anyExtension(model, isHealthExtension);
  const any: Verdict = probe === 'yes' || found.verdict === 'yes' ? 'yes' : probe === 'no' && found.verdict === 'no' ? 'no' : 'unknown';
  return { probe, extension: found.verdict, healthExtension: found.extension, any };
}
