// Issue 16: the Scale Sets tree shows a set's OS-image maintenance window (schedule, time zone, next window),
// read through the real gateway from the simulator's Microsoft.Maintenance API: in the background for sets
// with automatic OS upgrades (the upgrades a window confines), on expansion for the others; "none" is
// remembered as null so the row can say so.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { loadScenario, type Scenario } from '../../../src/simulator/simulator-entry';
import { summarizeWindow } from '../../../src/shared/maintenance/windowSummary';
import { ScaleSetTreeModel } from '../../../src/views/treeModel';
import type { ScaleSetNode, TreeNode } from '../../../src/views/treeNodes';
import { startSimulatedAzure } from './simulatedAzure';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

function scenario(): Scenario {
  const s = loadScenario(path.join(root, 'src', 'simulator', 'scenarios', 'deferral.json'));
  const reports = s.scaleSets.find((x) => x.name === 'reports-plain')!;
  // reports-plain: automatic OS upgrades off, so its window is read only when it is expanded.
  (reports as { upgradePolicy: unknown }).upgradePolicy = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: false } };
  s.maintenanceConfigurations = [
    {
      subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
      resourceGroup: 'rg-orders',
      name: 'orders-nightly',
      location: 'westeurope',
      maintenanceScope: 'OSImage',
      maintenanceWindow: { startDateTime: '2026-01-01 22:00', duration: '05:00', timeZone: 'W. Europe Standard Time', recurEvery: 'Day' },
      assignedTo: ['orders-api'],
    },
  ];
  return s;
}

describe('tree: the maintenance window of a scale set (issue 16)', () => {
  it('reads the window of sets with automatic OS upgrades in the background, of the others on expansion', async () => {
    const azure = await startSimulatedAzure({ scenario: scenario() });
    try {
      const changed: TreeNode[] = [];
      const model = new ScaleSetTreeModel({ access: async () => azure.access, selectedSubscriptions: () => [], onNodesChanged: (nodes) => changed.push(...nodes) });
      const [subscription] = await model.getChildren(undefined);
      const sets = (await model.getChildren(subscription)).filter((n): n is ScaleSetNode => n.kind === 'scaleSet');
      const byName = (name: string) => sets.find((s) => s.ref.name === name)!;
      const deadline = Date.now() + 10_000;
      while ((byName('orders-api').maintenance === undefined || byName('jobs-flex').maintenance === undefined) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const orders = byName('orders-api');
      assert.equal(orders.maintenance?.name, 'orders-nightly');
      assert.equal(orders.maintenance?.window.timeZone, 'W. Europe Standard Time');
      assert.ok(changed.includes(orders), 'the row was redrawn with its window');
      assert.equal(byName('jobs-flex').maintenance, null, 'automatic upgrades on, no window: none assigned');
      const reports = byName('reports-plain');
      assert.equal(reports.maintenance, undefined, 'not read in the background: its automatic upgrades are off');
      await model.getChildren(reports);
      assert.equal(reports.maintenance, null, 'read with its instances on expansion: none assigned');
    } finally {
      await azure.stop();
    }
  });

  it('summarizes a window: schedule, time zone, and the next window or the one open now (UTC)', () => {
    const window = { startDateTime: '2026-01-01 22:00', duration: '05:00', timeZone: 'W. Europe Standard Time', recurEvery: 'Day' };
    // 2026-11-02 12:00 UTC: winter time (UTC+1), so the next window opens at 21:00 UTC.
    const before = summarizeWindow(window, Date.parse('2026-11-02T12:00:00Z'));
    assert.deepEqual([before.schedule, before.timeZone, before.open, before.when], ['Day 22:00 for 05:00', 'W. Europe Standard Time', false, 'next 2026-11-02 21:00 UTC']);
    const during = summarizeWindow(window, Date.parse('2026-11-02T23:00:00Z'));
    assert.deepEqual([during.open, during.when], [true, 'open until 2026-11-03 02:00 UTC']);
    const expired = summarizeWindow({ ...window, expirationDateTime: '2026-02-01 00:00' }, Date.parse('2026-11-02T12:00:00Z'));
    assert.equal(expired.when, 'no window left (expired)');
    assert.match(summarizeWindow({ ...window, timeZone: 'Mars Standard Time' }, 0).when, /^unreadable window/);
  });
});
