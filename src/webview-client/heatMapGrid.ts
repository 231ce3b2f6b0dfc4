// T2: the VMSS-editor heat map — one row per update domain, one column per fault domain, and the
// fault-domain columns grouped by availability zone so a zonal set reads zone by zone.
import type { InstanceCell } from '../webview/contract';

export interface HeatMapColumn {
  readonly zone?: string;
  readonly faultDomain?: number;
  readonly label: string;
}

export interface HeatMapGrid {
  readonly columns: readonly HeatMapColumn[];
  /** Update domains, ascending; `undefined` collects instances whose instance view has none. */
  readonly rows: readonly { readonly updateDomain?: number; readonly label: string; readonly cells: readonly (readonly InstanceCell[])[] }[];
}

function compareOptional<T extends string | number>(a: T | undefined, b: T | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
}

function columnKey(zone: string | undefined, faultDomain: number | undefined): string {
  return `${zone ?? ''}|${faultDomain ?? ''}`;
}

function columnLabel(zone: string | undefined, faultDomain: number | undefined): string {
  const fd = faultDomain === undefined ? 'FD ?' : `FD ${faultDomain}`;
  return zone === undefined ? fd : `Zone ${zone} · ${fd}`;
}

export function buildHeatMapGrid(instances: readonly InstanceCell[]): HeatMapGrid {
  const columns = new Map<string, HeatMapColumn>();
  const domains = new Set<number | undefined>();
  for (const i of instances) {
    columns.set(columnKey(i.zone, i.faultDomain), { zone: i.zone, faultDomain: i.faultDomain, label: columnLabel(i.zone, i.faultDomain) });
    domains.add(i.updateDomain);
  }
  const orderedColumns = [...columns.values()].sort((a, b) => compareOptional(a.zone, b.zone) || compareOptional(a.faultDomain, b.faultDomain));
  const columnIndex = new Map(orderedColumns.map((c, index) => [columnKey(c.zone, c.faultDomain), index]));
  const orderedDomains = [...domains].sort(compareOptional);
  // A Flexible set has fault domains but no update domains (Learn: Orchestration modes): one row.
  const noUpdateDomains = orderedDomains.length === 1 && orderedDomains[0] === undefined;
  const rows = orderedDomains.map((updateDomain) => ({
    updateDomain,
    label: updateDomain !== undefined ? `UD ${updateDomain}` : noUpdateDomains ? 'No update domains' : 'UD ?',
    cells: orderedColumns.map(() => [] as InstanceCell[]),
  }));
  const rowIndex = new Map(orderedDomains.map((d, index) => [d, index]));
  for (const i of instances) {
    rows[rowIndex.get(i.updateDomain)!].cells[columnIndex.get(columnKey(i.zone, i.faultDomain))!].push(i);
  }
  return { columns: orderedColumns, rows };
}
