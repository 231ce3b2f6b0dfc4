// Health in instance views (H1–H3): vmHealth from the Application Health extension or the load
// balancer probe; without either, health is power state plus extension provisioning (H1).
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

interface View {
  vmHealth?: { status: { code: string } };
  extensions?: { name: string; statuses: { code: string }[] }[];
  statuses: { code: string }[];
}

describe('simulator instance health (H1–H3)', () => {
  let sim: Simulator;
  let clock: ManualClock;
  const view = async (set: string, id: string) => (await rawCall(sim, 'GET', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/${set}/virtualMachines/${id}/instanceView`)).body as View;

  before(async () => {
    clock = new ManualClock();
    sim = await Simulator.start({
      listen: false,
      clock,
      scenario: scenario(
        [
          scaleSet('ext', 4, { instances: { count: 4, overrides: { '1': { health: 'unhealthy' }, '2': { powerState: 'stopped' }, '3': { afterUpgrade: { kind: 'flaky', unhealthyRatio: 0.5, periodSeconds: 10 } } } } }),
          scaleSet('probe', 2, { healthSignal: { kind: 'probe', loadBalancer: 'lb', probe: 'http' }, instances: { count: 2, overrides: { '1': { health: 'unhealthy' } } } }),
          scaleSet('h1', 3, {
            healthSignal: { kind: 'none' },
            extensions: [{ name: 'CustomScript', publisher: 'Microsoft.Azure.Extensions', type: 'CustomScript', typeHandlerVersion: '2.1' }],
            instances: { count: 3, overrides: { '1': { extensionsFailed: true }, '2': { health: 'unhealthy' } } },
          }),
        ],
        { loadBalancers: [{ subscriptionId: sub1, resourceGroup: 'rg-test', name: 'lb', location: 'westeurope', sku: 'Standard', probes: ['http'] }] },
      ),
    });
  });

  it('H3: the Application Health extension reports HealthState/healthy|unhealthy|unknown', async () => {
    assert.equal((await view('ext', '0')).vmHealth?.status.code, 'HealthState/healthy');
    assert.equal((await view('ext', '1')).vmHealth?.status.code, 'HealthState/unhealthy');
    const stopped = await view('ext', '2');
    assert.equal(stopped.vmHealth?.status.code, 'HealthState/unknown');
    assert.ok(stopped.statuses.some((s) => s.code === 'PowerState/stopped'));
  });

  it('H2: a load balancer probe is reported the same way', async () => {
    assert.equal((await view('probe', '0')).vmHealth?.status.code, 'HealthState/healthy');
    assert.equal((await view('probe', '1')).vmHealth?.status.code, 'HealthState/unhealthy');
  });

  it('H1: without a health source there is no vmHealth; a failed extension shows in the extension statuses', async () => {
    const ok = await view('h1', '0');
    assert.equal(ok.vmHealth, undefined);
    assert.equal(ok.extensions?.[0].statuses[0].code, 'ProvisioningState/succeeded');
    assert.match((await view('h1', '1')).extensions?.[0].statuses[0].code ?? '', /^ProvisioningState\/failed/);
    assert.match((await view('h1', '2')).extensions?.[0].statuses[0].code ?? '', /^ProvisioningState\/failed/);
  });

  it('flaky instances alternate deterministically after an upgrade', async () => {
    const path = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/ext/virtualMachines/3/reimage`;
    assert.equal((await rawCall(sim, 'POST', path)).status, 202);
    clock.advance(90_000);
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      seen.push((await view('ext', '3')).vmHealth!.status.code);
      clock.advance(10_000);
    }
    assert.ok(seen.includes('HealthState/healthy') && seen.includes('HealthState/unhealthy'), seen.join(' '));
  });
});
