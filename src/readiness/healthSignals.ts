// H2/H3: the health sources of a scale set — an application health probe referenced from
// networkProfile.healthProbe.id, or the Application Health extension. A probe that is only on a
// load-balancing rule does not count (R3).
import { anyExtension, isHealthExtension } from './extensionKinds';
import { asString, isPresent, judge, type Verdict } from './facts';
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

/** Whether the set uses Flexible orchestration (absent: Uniform, the API default). */
export function isFlexible(model: ScaleSetModel): Verdict {
  return judge(model.orchestrationMode, (value) => asString(value)?.toLowerCase() === 'flexible');
}

/**
 * The health source an upgrade can use. On a Flexible set only the Application Health extension
 * counts ("you must install and configure the Application Health Extension if using Flexible
 * Orchestration", Learn: Orchestration modes; a rolling upgrade policy there "must also use the
 * application health extension", Learn: Configure rolling upgrades); on a Uniform set a probe too.
 */
export function usableHealthSignal(model: ScaleSetModel): Verdict {
  const signals = healthSignals(model);
  const flexible = isFlexible(model);
  if (flexible === 'no') return signals.any;
  if (flexible === 'yes' || signals.extension === 'yes') return signals.extension;
  // Mode unknown: a probe alone may or may not count.
  return signals.extension === 'no' && signals.probe === 'no' ? 'no' : 'unknown';
}
