// A1 osRollingUpgradeDeferral: what "Approve OS Upgrade…" approves — all, one update domain, chosen ids.
import * as assert from 'node:assert/strict';
import type { InstanceSnapshot } from '../../../src/azure/gateway';
import { idsToApprove, waitingInstances, waitingUpdateDomains } from '../../../src/views/approvalTargets';
import { healthyInstance } from '../support/instanceSnapshot';

function instance(instanceId: string, updateDomain: number | undefined, pendingOsUpgrade?: string): InstanceSnapshot {
  return healthyInstance(instanceId, {
    ...(updateDomain === undefined ? {} : { updateDomain }),
    image: { version: 'latest', exactVersion: '1.1.0' },
    ...(pendingOsUpgrade ? { pendingOsUpgrade } : {}),
  });
}

const set = [instance('10', 1, '1.2.0'), instance('2', 0, '1.2.0'), instance('3', 1), instance('4', 1, '1.2.0'), instance('5', 2)];

describe('approval targets (osRollingUpgradeDeferral)', () => {
  it('lists only the waiting instances, in instance id order', () => {
    assert.deepEqual(waitingInstances(set).map((i) => i.instanceId), ['2', '4', '10']);
  });

  it('groups the waiting instances by update domain; domains without any waiting are left out', () => {
    assert.deepEqual(waitingUpdateDomains(set), [
      { updateDomain: 0, instanceIds: ['2'] },
      { updateDomain: 1, instanceIds: ['4', '10'] },
    ]);
    assert.deepEqual(waitingUpdateDomains([instance('flex_1', undefined, '1.2.0')]), [], 'Flexible: no update domains');
  });

  it('all omits the ids (the whole set); one update domain and chosen ids send only waiting ones', () => {
    assert.equal(idsToApprove(set, { kind: 'all' }), undefined);
    assert.deepEqual(idsToApprove(set, { kind: 'updateDomain', updateDomain: 1 }), ['4', '10']);
    assert.deepEqual(idsToApprove(set, { kind: 'instances', instanceIds: ['10', '3'] }), ['10'], 'instance 3 does not wait');
    assert.deepEqual(idsToApprove(set, { kind: 'updateDomain', updateDomain: 2 }), []);
  });
});
