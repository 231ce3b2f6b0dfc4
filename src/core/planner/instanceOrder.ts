// Stable orderings and groupings of instances for the batching strategies.
import type { PlannedInstance } from '../contract';
import { compareNumericText, compareText } from '../../shared/collation';

/** Instance ids are decimal strings in Azure; order them as numbers, then as text. */
export function byInstanceId(a: PlannedInstance, b: PlannedInstance): number {
  const na = Number(a.instanceId);
  const nb = Number(b.instanceId);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return compareText(a.instanceId, b.instanceId);
}

/** Groups preserving first appearance, after sorting keys (undefined first). */
export function groupBy<K extends string | number>(items: readonly PlannedInstance[], key: (i: PlannedInstance) => K | undefined): PlannedInstance[][] {
  const groups = new Map<K | undefined, PlannedInstance[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    if (a === b) return 0;
    if (a === undefined) return -1;
    if (b === undefined) return 1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : compareNumericText(String(a), String(b));
  });
  return keys.map((k) => groups.get(k)!);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
