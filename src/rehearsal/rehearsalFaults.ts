// The "what if" of a rehearsal: instances that never become healthy on the new image, instances that
// are slow to, Compute throttling and any fault rule of the simulator (SCENARIOS.md, Faults). They are
// written into the snapshot scenario — the simulator's own behaviours, not a shortcut of ours — so the
// orchestrator meets them exactly as it would meet Azure answering that way.
import type { FaultRule } from '../simulator/http/faults';
import type { BehaviourSpec, Scenario } from '../simulator/scenario/scenarioTypes';

/** Which instances a fault hits: the first N the plan moves, or named instance ids. */
export type InstancePick = { readonly first: number } | { readonly ids: readonly string[] };

export interface RehearsalFaults {
  readonly neverHealthy?: InstancePick;
  readonly slow?: { readonly pick: InstancePick; readonly seconds: number };
  /** A fraction (0–1) of Compute requests answered 429 TooManyRequests with a Retry-After. */
  readonly throttleRate?: number;
  readonly rules?: readonly FaultRule[];
}

/** A fault names an instance the plan does not move: the user's input, not a failure of the rehearsal. */
export class FaultPickError extends Error {}

/** `3` (the first three) or `0,5,7` (those ids). */
export function parsePick(text: string, option: string): InstancePick {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { first: Number(trimmed) };
  const ids = trimmed.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new FaultPickError(`${option} needs a count or a comma-separated list of instance ids, got '${text}'`);
  return { ids };
}

function picked(pick: InstancePick, planOrder: readonly string[], option: string): string[] {
  if ('first' in pick) return planOrder.slice(0, pick.first);
  const unknown = pick.ids.filter((id) => !planOrder.includes(id));
  if (unknown.length > 0) throw new FaultPickError(`${option}: instance(s) ${unknown.join(', ')} are not in the plan (planned: ${planOrder.join(', ')})`);
  return [...pick.ids];
}

/** Words for the report: what the rehearsal assumed. */
export function describeFaults(faults: RehearsalFaults, planOrder: readonly string[]): string[] {
  const out: string[] = [];
  if (faults.neverHealthy) out.push(`never healthy on the new image: ${picked(faults.neverHealthy, planOrder, '--never-healthy').join(', ') || 'none'}`);
  if (faults.slow) out.push(`healthy only ${faults.slow.seconds} s after the new disk: ${picked(faults.slow.pick, planOrder, '--slow').join(', ') || 'none'}`);
  if (faults.throttleRate) out.push(`${Math.round(faults.throttleRate * 100)}% of Compute requests throttled (429)`);
  if (faults.rules?.length) out.push(`${faults.rules.length} fault rule(s) from the faults file`);
  return out;
}

/** The scenario with the faults written in; `planOrder` is the plan's instance order (batch by batch). */
export function withFaults(scenario: Scenario, faults: RehearsalFaults, planOrder: readonly string[]): Scenario {
  const set = scenario.scaleSets[0];
  const overrides = { ...(set.instances.overrides ?? {}) };
  const indexOf = new Map(Object.entries(overrides).map(([index, spec]) => [spec.instanceId, index]));
  const behave = (ids: readonly string[], behaviour: BehaviourSpec) => {
    for (const id of ids) {
      const index = indexOf.get(id);
      if (index !== undefined) overrides[index] = { ...overrides[index], afterUpgrade: behaviour };
    }
  };
  if (faults.slow) behave(picked(faults.slow.pick, planOrder, '--slow'), { kind: 'slow', seconds: faults.slow.seconds });
  if (faults.neverHealthy) behave(picked(faults.neverHealthy, planOrder, '--never-healthy'), 'neverHealthy');
  const rules: FaultRule[] = [...(scenario.faults ?? []), ...(faults.rules ?? [])];
  // 429 with Retry-After, as ARM throttles (Learn, "Understand how Azure Resource Manager throttles requests"). Retry-After
  // is real seconds to the SDK; at the rehearsal's time scale any real wait would count thousands of times over
  // in the simulated duration, so it is 0 here and the report counts the throttled calls instead.
  if (faults.throttleRate) rules.push({ path: '/providers/Microsoft\\.Compute/', rate: faults.throttleRate, status: 429, retryAfterSeconds: 0 });
  return { ...scenario, scaleSets: [{ ...set, instances: { ...set.instances, overrides } }, ...scenario.scaleSets.slice(1)], ...(rules.length > 0 ? { faults: rules } : {}) };
}
