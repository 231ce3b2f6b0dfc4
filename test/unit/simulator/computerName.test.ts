// A VM's osProfile.computerName and its instance view's computerName are the same guest name:
// computerNamePrefix (default: the set's name) + the instance id in base 36, six digits.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const vmss = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;

describe('simulator computer names', () => {
  it('the VM and its instance view agree, in Azure’s prefix + base-36 form', async () => {
    const sim = await Simulator.start({ listen: false, clock: new ManualClock(), scenario: scenario([scaleSet('web', 2)]) });
    for (const id of ['0', '1']) {
      const vm = (await rawCall(sim, 'GET', `${vmss}/virtualMachines/${id}`)).body as { properties: { osProfile: { computerName: string } } };
      const view = (await rawCall(sim, 'GET', `${vmss}/virtualMachines/${id}/instanceView`)).body as { computerName: string };
      assert.equal(vm.properties.osProfile.computerName, view.computerName);
      assert.equal(view.computerName, `web00000${id}`);
    }
    await sim.stop();
  });
});
