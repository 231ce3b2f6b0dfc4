// Instances grouped by availability zone, then by update domain (issue 4, item 3) — the units the
// platform upgrades one at a time (O8: one zone at a time; update-domain boundaries) and the rows of
// the seed tool's heat map (T2). A level is skipped when no instance reports it.
import type { InstanceSnapshot } from '../azure/gateway';
import type { GroupLevel } from './treeNodes';
import { compareNumericText } from '../shared/collation';

export interface InstanceGroup {
  readonly level: GroupLevel;
  /** Zone ('' = none) or update domain (-1 = not reported). */
  readonly value: string | number;
  readonly instances: InstanceSnapshot[];
}

function compareInstanceIds(a: InstanceSnapshot, b: InstanceSnapshot): number {
  return compareNumericText(a.instanceId, b.instanceId);
}

function groupBy(level: GroupLevel, instances: readonly InstanceSnapshot[]): InstanceGroup[] {
  const groups = new Map<string | number, InstanceSnapshot[]>();
  for (const i of instances) {
    const value = level === 'zone' ? (i.zone ?? '') : (i.updateDomain ?? -1);
    groups.set(value, [...(groups.get(value) ?? []), i]);
  }
  return [...groups]
    .map(([value, members]) => ({ level, value, instances: members.sort(compareInstanceIds) }))
    .sort((a, b) => compareNumericText(String(a.value), String(b.value)));
}

/** The next level below a scale set (`'zone'`) or a zone (`'updateDomain'`), or the instances themselves. */
export function groupInstances(instances: readonly InstanceSnapshot[], from: GroupLevel): InstanceGroup[] | InstanceSnapshot[] {
  if (from === 'zone' && instances.some((i) => i.zone !== undefined && i.zone !== '')) return groupBy('zone', instances);
  if (instances.some((i) => i.updateDomain !== undefined)) return groupBy('updateDomain', instances);
  return [...instances].sort(compareInstanceIds);
}

export function isGroupList(list: InstanceGroup[] | InstanceSnapshot[]): list is InstanceGroup[] {
  return list.length > 0 && 'level' in list[0];
}
