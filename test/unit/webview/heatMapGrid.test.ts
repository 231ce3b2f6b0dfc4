import * as assert from 'node:assert/strict';
import type { InstanceCell } from '../../../src/webview/contract';
import { buildHeatMapGrid } from '../../../src/webview-client/heatMapGrid';

const cell = (id: string, updateDomain: number | undefined, faultDomain: number | undefined, zone?: string): InstanceCell => ({ id, name: id, state: 'pending', updateDomain, faultDomain, zone });

describe('heat map grid (T2: one row per update domain, one column per fault domain)', () => {
  it('puts every instance in the cell of its update domain and fault domain, ordered', () => {
    const grid = buildHeatMapGrid([cell('a', 1, 0), cell('b', 0, 1), cell('c', 0, 0), cell('d', 1, 1), cell('e', 0, 0)]);
    assert.deepEqual(grid.columns.map((c) => c.label), ['FD 0', 'FD 1']);
    assert.deepEqual(grid.rows.map((r) => r.label), ['UD 0', 'UD 1']);
    assert.deepEqual(grid.rows.map((r) => r.cells.map((c) => c.map((i) => i.id))), [[['c', 'e'], ['b']], [['a'], ['d']]]);
  });

  it('groups fault-domain columns by zone (numeric order), so a zonal set reads zone by zone', () => {
    const grid = buildHeatMapGrid([cell('a', 0, 0, '10'), cell('b', 0, 0, '2'), cell('c', 0, 1, '2'), cell('d', 0, 0, '1')]);
    assert.deepEqual(grid.columns.map((c) => c.label), ['Zone 1 · FD 0', 'Zone 2 · FD 0', 'Zone 2 · FD 1', 'Zone 10 · FD 0']);
  });

  it('keeps instances without domains in a last row and column instead of dropping them', () => {
    const grid = buildHeatMapGrid([cell('a', undefined, undefined), cell('b', 3, 2)]);
    assert.deepEqual(grid.rows.map((r) => r.label), ['UD 3', 'UD ?']);
    assert.deepEqual(grid.columns.map((c) => c.label), ['FD 2', 'FD ?']);
    assert.equal(grid.rows[1].cells[1][0].id, 'a');
    const placed = grid.rows.flatMap((r) => r.cells.flat()).length;
    assert.equal(placed, 2);
  });

  it('a set without update domains (Flexible) reads as one row of fault-domain columns, labelled so', () => {
    const grid = buildHeatMapGrid([cell('vm-a', undefined, 0, '1'), cell('vm-b', undefined, 0, '2'), cell('vm-c', undefined, 0, '1')]);
    assert.deepEqual(grid.rows.map((r) => r.label), ['No update domains']);
    assert.deepEqual(grid.columns.map((c) => c.label), ['Zone 1 · FD 0', 'Zone 2 · FD 0']);
    assert.deepEqual(grid.rows[0].cells.map((c) => c.map((i) => i.id)), [['vm-a', 'vm-c'], ['vm-b']]);
  });
});
