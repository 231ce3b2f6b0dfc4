// Issue 16: the dashboard header carries the set's OS-image maintenance window — schedule, time zone and the
// next window (or the one open now) at the connection's clock — and nothing when none is assigned.
import * as assert from 'node:assert/strict';
import type { VirtualMachineScaleSet } from '../../../src/azure/gateway';
import { scaleSetHeader } from '../../../src/webview/azureViews';

const id = '/subscriptions/s/resourceGroups/rg-orders/providers/Microsoft.Compute/virtualMachineScaleSets/orders-api';
const set = { name: 'orders-api', location: 'westeurope', upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } } as VirtualMachineScaleSet;
const maintenance = { configurationId: '/x/orders-nightly', name: 'orders-nightly', assignmentName: 'a', window: { startDateTime: '2026-01-01 22:00', duration: '05:00', timeZone: 'W. Europe Standard Time', recurEvery: 'Day' } };

describe('dashboard header: maintenance window (issue 16)', () => {
  it('summarizes the window at the given time: next window, then open until its end', () => {
    const before = scaleSetHeader(id, set, maintenance, Date.parse('2026-11-02T12:00:00Z'));
    assert.deepEqual(before.maintenanceWindow, { name: 'orders-nightly', schedule: 'Day 22:00 for 05:00', timeZone: 'W. Europe Standard Time', open: false, when: 'next 2026-11-02 21:00 UTC' });
    const during = scaleSetHeader(id, set, maintenance, Date.parse('2026-11-03T01:00:00Z'));
    assert.equal(during.maintenanceWindow?.open, true);
    assert.equal(during.maintenanceWindow?.when, 'open until 2026-11-03 02:00 UTC');
  });

  it('has no window when none is assigned', () => {
    assert.equal('maintenanceWindow' in scaleSetHeader(id, set), false);
  });
});
