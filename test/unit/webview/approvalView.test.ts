// The dashboard's platform section with deferred OS upgrades (A1 osRollingUpgradeDeferral).
import * as assert from 'node:assert/strict';
import type { InstanceSnapshot } from '../../../src/azure/gateway';
import { withApprovals } from '../../../src/webview/approvalView';
import type { PlatformUpgradeView } from '../../../src/webview/contract';
import { healthyInstance } from '../support/instanceSnapshot';

const snapshot = (instanceId: string, updateDomain?: number, pendingOsUpgrade?: string): InstanceSnapshot =>
  healthyInstance(instanceId, {
    name: `orders_${instanceId}`,
    ...(updateDomain === undefined ? {} : { updateDomain }),
    ...(pendingOsUpgrade ? { pendingOsUpgrade } : {}),
  });

const rolling: PlatformUpgradeView = { status: 'RollingForward', successful: 0, failed: 0, inProgress: 0, pending: 10 };

describe('dashboard approval view (osRollingUpgradeDeferral)', () => {
  it('lists the waiting instances with update domain and target version', () => {
    const view = withApprovals(rolling, true, [snapshot('1', 1, '1.2.0'), snapshot('0', 0, '1.2.0'), snapshot('2', 2)]);
    assert.equal(view?.deferral, true);
    assert.deepEqual(view?.awaitingApproval, [
      { id: '0', name: 'orders_0', updateDomain: 0, targetVersion: '1.2.0' },
      { id: '1', name: 'orders_1', updateDomain: 1, targetVersion: '1.2.0' },
    ]);
  });

  it('leaves a set without deferral as it is, and gives a deferred set with no rolling upgrade a section', () => {
    assert.equal(withApprovals(rolling, false, [snapshot('0', 0, '1.2.0')]), rolling);
    assert.equal(withApprovals(undefined, false, []), undefined);
    assert.deepEqual(withApprovals(undefined, true, []), { status: 'None', successful: 0, failed: 0, inProgress: 0, pending: 0, deferral: true, awaitingApproval: [] });
  });

  it('keeps the last known waiting list when the instances could not be read', () => {
    const before = withApprovals(rolling, true, [snapshot('0', 0, '1.2.0')]);
    assert.deepEqual(withApprovals(before, true, undefined)?.awaitingApproval, before?.awaitingApproval);
  });
});
