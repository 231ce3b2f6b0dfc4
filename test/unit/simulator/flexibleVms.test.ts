// Flexible orchestration through the real SDK: a Flexible set's instances are Microsoft.Compute/
// virtualMachines (Learn: Orchestration modes API comparison) — listed with the VM list APIs and the
// `'virtualMachineScaleSet/id' eq …` $filter, read, instance-viewed and reimaged through the single-VM
// APIs. Uniform instances never appear there. The scale set VM instance view and reimage are refused.
import { strict as assert } from 'node:assert';
import { RestError } from '@azure/core-rest-pipeline';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { StepClock } from './helpers/clocks';
import { errorCode, rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const world = scenario([
  scaleSet('flex-a', 4, { orchestrationMode: 'Flexible', zones: ['1', '2'], faultDomains: 1 }),
  scaleSet('flex-b', 2, { orchestrationMode: 'Flexible' }),
  scaleSet('uniform', 3),
]);
const setId = (name: string) => `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`;
const filterFor = (name: string) => `'virtualMachineScaleSet/id' eq '${setId(name)}'`;

for (const transport of ['https', 'memory'] as const) {
  describe(`simulator: a Flexible set's instances are standalone VMs (${transport})`, function () {
    this.timeout(20_000);
    let sim: Simulator;
    const compute = () => sdkClients(sim, transport).compute(sub1);

    beforeEach(async () => {
      sim = await Simulator.start({ scenario: world, clock: new StepClock(5_000), listen: transport === 'https' });
    });
    afterEach(() => sim.stop());

    it('VirtualMachines_List and _ListAll return only Flexible sets\' VMs, each naming its set', async () => {
      const inGroup = await collect(compute().virtualMachines.list('rg-test'));
      assert.equal(inGroup.length, 6);
      assert.ok(inGroup.every((vm) => vm.type === 'Microsoft.Compute/virtualMachines'));
      assert.deepEqual([...new Set(inGroup.map((vm) => vm.virtualMachineScaleSet?.id))].sort(), [setId('flex-a'), setId('flex-b')]);
      const all = await collect(compute().virtualMachines.listAll());
      assert.deepEqual(all.map((vm) => vm.id).sort(), inGroup.map((vm) => vm.id).sort());
    });

    it('$filter on virtualMachineScaleSet/id with $expand=instanceView: the set\'s VMs with zones, fault domain and vmHealth, no update domain', async () => {
      const vms = await collect(compute().virtualMachines.list('rg-test', { filter: filterFor('flex-a'), expand: 'instanceView' }));
      assert.equal(vms.length, 4);
      assert.ok(vms.every((vm) => vm.virtualMachineScaleSet?.id === setId('flex-a')));
      assert.deepEqual(vms.map((vm) => vm.zones?.[0]).sort(), ['1', '1', '2', '2']);
      for (const vm of vms) {
        assert.equal(vm.platformFaultDomain, 0);
        assert.equal(vm.instanceView?.platformFaultDomain, 0);
        assert.equal(vm.instanceView?.platformUpdateDomain, undefined, 'Flexible sets have no update domains');
        assert.equal(vm.instanceView?.vmHealth?.status?.code, 'HealthState/healthy');
        assert.ok(vm.instanceView?.statuses?.some((s) => s.code === 'PowerState/running'));
        assert.equal(vm.storageProfile?.imageReference?.exactVersion, '1.0.0');
      }
      const allFiltered = await collect(compute().virtualMachines.listAll({ filter: filterFor('flex-b'), expand: 'instanceView' }));
      assert.equal(allFiltered.length, 2);
    });

    it('a VM carries the VirtualMachine properties the product and the spec example VirtualMachine_Get show', async () => {
      const [first] = await collect(compute().virtualMachines.list('rg-test', { filter: filterFor('flex-a') }));
      const raw = (await rawCall(sim, 'GET', `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachines/${first.name!}`)).body as Record<string, Record<string, unknown>>;
      for (const key of ['name', 'id', 'type', 'location', 'tags', 'etag', 'zones', 'managedBy', 'properties', 'resources']) assert.ok(key in raw, `VirtualMachine.${key}`);
      for (const key of ['vmId', 'hardwareProfile', 'storageProfile', 'osProfile', 'securityProfile', 'networkProfile', 'diagnosticsProfile', 'virtualMachineScaleSet', 'platformFaultDomain', 'provisioningState', 'timeCreated']) {
        assert.ok(key in raw.properties, `VirtualMachine.properties.${key}`);
      }
      assert.equal(raw.managedBy, setId('flex-a'), 'managedBy is the Flexible set that holds the VM');
      assert.equal(first.managedBy, setId('flex-a'));
    });

    it('$expand=instanceView without a $filter, or another $filter, is refused (400 InvalidParameter)', async () => {
      await assert.rejects(collect(compute().virtualMachines.list('rg-test', { expand: 'instanceView' })), (e: RestError) => e.statusCode === 400 && e.code === 'InvalidParameter');
      await assert.rejects(collect(compute().virtualMachines.list('rg-test', { filter: "name eq 'x'" })), (e: RestError) => e.statusCode === 400 && e.code === 'InvalidParameter');
    });

    it('the list pages with absolute nextLinks that keep $filter and $expand', async () => {
      await sim.stop();
      sim = await Simulator.start({ scenario: { ...world, timing: { ...world.timing, pageSize: 3 } }, clock: new StepClock(5_000), listen: transport === 'https' });
      const pages = await compute().virtualMachines.list('rg-test', { filter: filterFor('flex-a'), expand: 'instanceView' }).byPage().next();
      assert.equal(pages.value?.length, 3, 'a first page of three');
      const vms = await collect(compute().virtualMachines.list('rg-test', { filter: filterFor('flex-a'), expand: 'instanceView' }));
      assert.equal(vms.length, 4);
      assert.ok(vms.every((vm) => vm.instanceView !== undefined));
    });

    it('VirtualMachines_Get ($expand=instanceView) and _InstanceView by VM name; a Uniform instance is not a VM (404)', async () => {
      const [first] = await collect(compute().virtualMachines.list('rg-test', { filter: filterFor('flex-b') }));
      const vm = await compute().virtualMachines.get('rg-test', first.name!, { expand: 'instanceView' });
      assert.equal(vm.virtualMachineScaleSet?.id, setId('flex-b'));
      assert.equal(vm.instanceView?.vmHealth?.status?.code, 'HealthState/healthy');
      const view = await compute().virtualMachines.instanceView('rg-test', first.name!);
      assert.ok(view.statuses?.some((s) => s.code === 'ProvisioningState/succeeded'));
      await assert.rejects(compute().virtualMachines.get('rg-test', 'uniform_0'), (e: RestError) => e.statusCode === 404);
    });

    it('VirtualMachines_Reimage with exactVersion moves the OS disk (202 + LRO), then the VM reports the new version', async () => {
      const [first] = await collect(compute().virtualMachines.list('rg-test', { filter: filterFor('flex-a') }));
      await compute().virtualMachines.reimage('rg-test', first.name!, { ...poll, parameters: { exactVersion: '1.1.0' } }).pollUntilDone();
      const vm = await compute().virtualMachines.get('rg-test', first.name!);
      assert.equal(vm.storageProfile?.imageReference?.exactVersion, '1.1.0');
      const vmss = await compute().virtualMachineScaleSetVMs.get('rg-test', 'flex-a', first.name!);
      assert.equal(vmss.virtualMachineResourceId, vm.id, 'the scale set VM view names the same standalone VM');
    });

    it('the scale set VM instance view and reimage are refused on a Flexible set (OperationNotAllowed), served on a Uniform one', async () => {
      const name = sim.world.scaleSets.find((s) => s.name === 'flex-a')!.instances[0].instanceId;
      const view = await rawCall(sim, 'GET', `${setId('flex-a')}/virtualMachines/${name}/instanceView`);
      assert.equal(view.status, 400);
      assert.equal(errorCode(view), 'OperationNotAllowed');
      const reimage = await rawCall(sim, 'POST', `${setId('flex-a')}/virtualMachines/${name}/reimage`);
      assert.equal(reimage.status, 400);
      assert.equal(errorCode(reimage), 'OperationNotAllowed');
      assert.equal(sim.world.scaleSets.find((s) => s.name === 'flex-a')!.instances[0].busyUntil, undefined, 'a refused reimage changes nothing');
      assert.equal((await rawCall(sim, 'GET', `${setId('uniform')}/virtualMachines/0/instanceView`)).status, 200);
    });

    it('manualupgrade and batch delete take Flexible instance names as instance ids', async () => {
      const names = sim.world.scaleSets.find((s) => s.name === 'flex-b')!.instances.map((i) => i.instanceId);
      await compute().virtualMachineScaleSets.updateInstances('rg-test', 'flex-b', { instanceIds: [names[0]] }, poll).pollUntilDone();
      await compute().virtualMachineScaleSets.deleteInstances('rg-test', 'flex-b', { instanceIds: [names[1]] }, poll).pollUntilDone();
      const left = await collect(compute().virtualMachines.list('rg-test', { filter: filterFor('flex-b') }));
      assert.deepEqual(left.map((vm) => vm.name), [names[0]]);
    });
  });
}
