// The readiness rules (R1–R16) on a live scale set, through the one rule set and its live adapter
// (src/readiness/fromLive.ts): what blocks automatic OS image upgrade, and which findings carry a
// fix that can be applied to the live model.
import type { VirtualMachineScaleSet } from '../azure/gateway';
import type { ReadinessFinding } from '../readiness/findings';
import type { FixIntent } from '../readiness/fixIntents';
import { evaluateReadiness } from '../readiness/evaluateReadiness';
import { scaleSetModelFromLive } from '../readiness/fromLive';
import { isLiveFix } from './liveFixes';

export interface LiveReadiness {
  /** Errors: automatic OS upgrade must not be turned on while any remains. */
  readonly blocking: readonly ReadinessFinding[];
  /** Warnings worth fixing at the same time (e.g. R5). */
  readonly advised: readonly ReadinessFinding[];
}

export function liveReadiness(set: VirtualMachineScaleSet): LiveReadiness {
  const { findings } = evaluateReadiness(scaleSetModelFromLive(set));
  // R12 reports the very switch this is about; it is not a precondition.
  const relevant = findings.filter((f) => f.kind === 'violation' && f.rule !== 'R12');
  return { blocking: relevant.filter((f) => f.severity === 'error'), advised: relevant.filter((f) => f.severity === 'warning') };
}

/** The fixes of a finding that can be applied to the live model. */
export function liveFixesOf(finding: ReadinessFinding): FixIntent[] {
  return (finding.fixes ?? []).filter(isLiveFix);
}

/** A finding in one line, with its rule number once ("R1: …"). */
export function findingText(finding: ReadinessFinding): string {
  return finding.message.startsWith(`${finding.rule}:`) ? finding.message : `${finding.rule}: ${finding.message}`;
}
