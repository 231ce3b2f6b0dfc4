// provisioningState Creating (not Updating) while a scale set is created and while a scale-out VM is
// first provisioned (spec: ComputeRP.json provisioningState; learn: "Provisioning states" lists Creating).
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const rg = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets`;
type Body = { properties: { provisioningState: string; instanceView?: { statuses: { code: string }[] } }; sku?: { capacity: number } };

describe('simulator Creating provisioning state', () => {
  it('a new scale set and its scale-out VMs are Creating until done, then Succeeded; a model update is Updating', async () => {
    const clock = new ManualClock();
    const sim = await Simulator.start({ listen: false, clock, scenario: scenario([scaleSet('web', 1)]) });
    const existing = (await rawCall(sim, 'GET', `${rg}/web`)).body as Body & { properties: Record<string, unknown> };
    const created = await rawCall(sim, 'PUT', `${rg}/fresh`, { body: { location: 'westeurope', sku: { name: 'Standard_D2s_v3', capacity: 1 }, properties: { virtualMachineProfile: existing.properties.virtualMachineProfile, upgradePolicy: { mode: 'Manual' } } } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((created.body as Body).properties.provisioningState, 'Creating');
    const scaled = await rawCall(sim, 'PATCH', `${rg}/web`, { body: { sku: { capacity: 2 } } });
    assert.equal((scaled.body as Body).properties.provisioningState, 'Updating', 'a change to an existing set is an update');
    clock.advance(10_000); // the model update (5 s) adds the VM; it boots for 60 s
    const vms = await rawCall(sim, 'GET', `${rg}/web/virtualMachines`, { query: '$expand=instanceView' });
    const list = (vms.body as { value: (Body & { instanceId: string })[] }).value;
    assert.equal(list.length, 2, JSON.stringify(vms.body).slice(0, 300));
    const newVm = list[1];
    assert.equal(newVm.properties.provisioningState, 'Creating');
    const view = (await rawCall(sim, 'GET', `${rg}/web/virtualMachines/${newVm.instanceId}/instanceView`)).body as { statuses: { code: string }[] };
    assert.equal(view.statuses[0].code, 'ProvisioningState/creating');
    const times = (view.statuses as { time?: string }[]).map((st) => Date.parse(st.time ?? ''));
    assert.ok(times.every((t) => t <= clock.now()), 'a booting VM shows no status time after the simulated now');
    clock.advance(3_600_000);
    assert.equal(((await rawCall(sim, 'GET', `${rg}/fresh`)).body as Body).properties.provisioningState, 'Succeeded');
    assert.equal(((await rawCall(sim, 'GET', `${rg}/web/virtualMachines/${newVm.instanceId}`)).body as Body).properties.provisioningState, 'Succeeded');
    await sim.stop();
  });
});
