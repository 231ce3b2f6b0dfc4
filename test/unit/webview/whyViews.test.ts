// "Why did this fail?": the dashboard's explanations (our latest run from the journal, Azure's latest
// upgrade), the fix message at the webview boundary, and the client model's update.
import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../src/webview/contract';
import { loadWhy } from '../../../src/webview/whyViews';
import { DashboardModel } from '../../../src/webview-client/dashboardModel';
import { explainOurRun, setRef, withFailures } from '../explain/failureScenarios';

describe('Why did this fail? (dashboard)', function () {
  this.timeout(120_000);

  it('shows our refused run and Azure\'s faulted upgrade of the same set, with fix actions', () =>
    withFailures(async (az, store) => {
      const ref = setRef('unhealthy-before');
      await explainOurRun(az, store, 'unhealthy-before');
      await az.gateway.startOsRollingUpgrade(ref).catch(() => undefined);
      const why = await loadWhy(az.gateway, store, ref);
      assert.equal(why.run?.causes[0].id, 'unhealthyBeforeUpgrade');
      assert.deepEqual(why.run?.causes[0].instances.map((i) => i.instanceId), ['2', '5', '7']);
      assert.match(why.run?.causes[0].instances[1].evidence ?? '', /extensions: HealthExtension: Provisioning failed/);
      assert.equal(why.platform?.status, 'Faulted');
      assert.equal(why.platform?.causes[0].code, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
      assert.ok(why.run?.causes[0].fixes.some((f) => f.action === 'checkReadiness'));
    }));

  it('a set whose run and upgrade succeeded shows nothing', () =>
    withFailures(async (az, store) => {
      const ref = setRef('busy');
      await az.gateway.startOsRollingUpgrade(ref);
      assert.deepEqual(await loadWhy(az.gateway, store, ref), {});
    }));

  it('the fix message is checked at the boundary', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'fix', action: 'cancelRollingUpgrade' }), { type: 'fix', action: 'cancelRollingUpgrade' });
    assert.equal(parseWebviewMessage({ type: 'fix', action: 'rm -rf' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'fix', action: 'checkReadiness', extra: 1 }), undefined);
  });

  it('the client model marks the why section changed', () => {
    const model = new DashboardModel();
    model.apply({ type: 'snapshot', state: { scaleSet: { id: '/subscriptions/s', name: 'n', resourceGroup: 'rg' }, log: [], history: [], clock: { now: 0, timeScale: 1 } } }, 0);
    const change = model.apply({ type: 'why', why: { run: { source: 'run', status: 'refused', summary: 's', causes: [] } } }, 0);
    assert.deepEqual([...change.sections], ['why']);
    assert.equal(model.state?.why?.run?.status, 'refused');
  });
});
