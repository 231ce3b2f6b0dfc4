// Plan-time safety checks of a fleet rollout, on the plan's sets (pure: the plan was read from Azure).
// - canary: the first stage is small — at most `canaryMaxSets` (default 10% of the fleet, at least 1)
//   and it is not the only stage.
// - regionPair: the two regions of an Azure region pair are never in the same stage (regionPairs.ts).
// - serviceFabric: node-type sets of one cluster in one stage are sequenced, never moved together.
// - duplicate: a set named by two groups would be moved twice.
// - notReady / onTarget: each such set is listed with its reason (it is not moved).
import type { FleetPlan, PlannedFleetStage, SafetyFinding } from './fleetPlan';
import { readySets, setsOfStage } from './fleetPlan';
import { arePaired, normalizeRegion } from './regionPairs';
import type { FleetSafety } from './rolloutFile';

export function canaryFindings(stages: readonly PlannedFleetStage[], safety: FleetSafety): SafetyFinding[] {
  if (!safety.requireCanary) return [{ check: 'canary', severity: 'warning', message: 'the canary check is off (safety.requireCanary: false): the first stage may be as large as any other' }];
  const total = stages.reduce((n, s) => n + readySets(s).length, 0);
  if (total <= 1 || stages.length === 0) return [];
  const first = stages[0];
  const limit = safety.canaryMaxSets ?? Math.max(1, Math.floor(total / 10));
  const inFirst = readySets(first).length;
  const findings: SafetyFinding[] = [];
  if (stages.length < 2) findings.push({ check: 'canary', severity: 'error', stage: first.name, message: `one stage moves all ${total} sets at once: add a small canary stage first (or set safety.requireCanary to false)` });
  else if (inFirst > limit) findings.push({ check: 'canary', severity: 'error', stage: first.name, message: `the first stage '${first.name}' moves ${inFirst} of ${total} sets; a canary stage holds at most ${limit} (safety.canaryMaxSets${safety.canaryMaxSets === undefined ? ', default 10% of the fleet' : ''})` });
  else if (inFirst === 0) findings.push({ check: 'canary', severity: 'warning', stage: first.name, message: `the first stage '${first.name}' moves no set: the canary proves nothing` });
  return findings;
}

export function regionPairFindings(stages: readonly PlannedFleetStage[]): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  for (const stage of stages) {
    const byRegion = new Map<string, string[]>();
    for (const set of readySets(stage)) {
      const region = normalizeRegion(set.location);
      byRegion.set(region, [...(byRegion.get(region) ?? []), set.name]);
    }
    const regions = [...byRegion.keys()].sort();
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        if (!arePaired(regions[i], regions[j])) continue;
        const a = byRegion.get(regions[i])!;
        const b = byRegion.get(regions[j])!;
        findings.push({
          check: 'regionPair',
          severity: 'error',
          stage: stage.name,
          sets: [...a, ...b],
          message: `stage '${stage.name}' moves sets in the paired regions ${regions[i]} (${a.join(', ')}) and ${regions[j]} (${b.join(', ')}); Azure staggers updates across a region pair — put them in different stages`,
        });
      }
    }
  }
  return findings;
}

export function serviceFabricFindings(stages: readonly PlannedFleetStage[]): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  for (const stage of stages) {
    const byCluster = new Map<string, string[]>();
    for (const set of readySets(stage)) if (set.serviceFabricCluster) byCluster.set(set.serviceFabricCluster, [...(byCluster.get(set.serviceFabricCluster) ?? []), set.name]);
    for (const [cluster, names] of byCluster) {
      if (names.length < 2) continue;
      findings.push({ check: 'serviceFabric', severity: 'info', stage: stage.name, sets: names, message: `stage '${stage.name}': ${names.join(', ')} are node types of one Service Fabric cluster (${cluster}); they are moved one after another, never at the same time` });
    }
  }
  return findings;
}

export function duplicateFindings(stages: readonly PlannedFleetStage[]): SafetyFinding[] {
  const where = new Map<string, string[]>();
  for (const stage of stages) for (const group of stage.groups) for (const set of group.sets) where.set(set.id.toLowerCase(), [...(where.get(set.id.toLowerCase()) ?? []), `${stage.name}/${group.name}`]);
  const findings: SafetyFinding[] = [];
  for (const [id, places] of where) {
    if (places.length < 2) continue;
    findings.push({ check: 'duplicate', severity: 'error', sets: [id.split('/').at(-1)!], message: `${id.split('/').at(-1)} is selected by ${places.join(' and ')}; a set belongs to one group only` });
  }
  return findings;
}

export function listedSetFindings(stages: readonly PlannedFleetStage[]): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  for (const stage of stages) {
    for (const set of setsOfStage(stage)) {
      if (set.status === 'notReady') findings.push({ check: 'notReady', severity: 'warning', stage: stage.name, sets: [set.name], message: `${set.name} is not ready and will not be moved: ${set.reasons.join('; ')}` });
      if (set.status === 'onTarget') findings.push({ check: 'onTarget', severity: 'info', stage: stage.name, sets: [set.name], message: `${set.name} already runs the target on every instance; nothing to move` });
    }
  }
  return findings;
}

/** Every check, in the order they are printed. */
export function safetyFindings(stages: readonly PlannedFleetStage[], safety: FleetSafety): FleetPlan['findings'] {
  return [...duplicateFindings(stages), ...canaryFindings(stages, safety), ...regionPairFindings(stages), ...serviceFabricFindings(stages), ...listedSetFindings(stages)];
}
