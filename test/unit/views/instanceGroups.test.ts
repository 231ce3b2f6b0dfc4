import * as assert from 'node:assert/strict';
import type { InstanceSnapshot } from '../../../src/azure/gateway';
import { groupInstances, isGroupList, type InstanceGroup } from '../../../src/views/instanceGroups';
import { healthyInstance } from '../support/instanceSnapshot';

const instance = (instanceId: string, zone?: string, updateDomain?: number): InstanceSnapshot => healthyInstance(instanceId, { zone, updateDomain });

describe('groupInstances (O8 zones, then update domains; T2 rows)', () => {
  it('groups by zone first, then by update domain inside a zone', () => {
    const all = [instance('3', '2', 1), instance('0', '1', 0), instance('1', '1', 1), instance('2', '2', 0), instance('10', '1', 0)];
    const zones = groupInstances(all, 'zone') as InstanceGroup[];
    assert.deepEqual(
      zones.map((z) => [z.level, z.value, z.instances.map((i) => i.instanceId)]),
      [
        ['zone', '1', ['0', '1', '10']],
        ['zone', '2', ['2', '3']],
      ],
    );
    const domains = groupInstances(zones[0].instances, 'updateDomain') as InstanceGroup[];
    assert.deepEqual(
      domains.map((d) => [d.level, d.value, d.instances.map((i) => i.instanceId)]),
      [
        ['updateDomain', 0, ['0', '10']],
        ['updateDomain', 1, ['1']],
      ],
    );
  });

  it('skips the zone level when no instance is zonal', () => {
    const groups = groupInstances([instance('0', undefined, 0), instance('1', undefined, 4)], 'zone');
    assert.ok(isGroupList(groups));
    assert.deepEqual(
      groups.map((g) => [g.level, g.value]),
      [
        ['updateDomain', 0],
        ['updateDomain', 4],
      ],
    );
  });

  it('puts instances without a zone in their own group when others have one', () => {
    const groups = groupInstances([instance('0', '1', 0), instance('1', undefined, 0)], 'zone') as InstanceGroup[];
    assert.deepEqual(groups.map((g) => g.value), ['', '1']);
  });

  it('lists instances directly, in numeric id order, when neither zone nor update domain is reported', () => {
    const list = groupInstances([instance('11'), instance('2'), instance('1')], 'zone');
    assert.equal(isGroupList(list), false);
    assert.deepEqual((list as InstanceSnapshot[]).map((i) => i.instanceId), ['1', '2', '11']);
  });
});
