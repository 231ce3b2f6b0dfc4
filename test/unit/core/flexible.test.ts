// Flexible orchestration end to end (real SDK → simulator): the gateway reads a Flexible set's
// instances through the VM APIs (VirtualMachines_List with the virtualMachineScaleSet/id $filter, _Get,
// _Reimage) and never the scale set VM routes, learns the set's mode from the scale set reads callers
// already make (no extra ARM call), and the orchestrator upgrades in place, rolls back (O4) and surges
// (O8) on a Flexible set. Instance ids are VM names (Learn: Performing manual upgrades).
import * as assert from 'node:assert/strict';
import type { Scenario } from '../../../src/simulator/simulator-entry';
import type { LoggedRequest } from '../../../src/simulator/http/requestLog';
import { fleetScenario, newVersion, oldVersion, ref, type FleetSpec } from './support/fleetScenario';
import { startTestRun } from './support/scenarioRun';
import { simulatedAzure } from './support/simulatedAzure';

const healthy = (n: number) => Array.from({ length: n }, () => ({ baseline: 'healthy' as const, after: 'healthy' as const }));
const fleet = (extra: Partial<FleetSpec> = {}): FleetSpec => ({ seed: 5, instances: healthy(6), zones: 2, updateDomains: 5, faultDomains: 1, faults: [], ...extra });

function flexible(scenario: Scenario): Scenario {
  return { ...scenario, scaleSets: scenario.scaleSets.map((s) => ({ ...s, orchestrationMode: 'Flexible' as const })) };
}

const setPath = `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${ref.name}`;
const vmssVmRoutes = (log: readonly LoggedRequest[]) => log.filter((r) => r.path.toLowerCase().startsWith(`${setPath}/virtualMachines`.toLowerCase()));
const scaleSetReads = (log: readonly LoggedRequest[]) => log.filter((r) => r.method === 'GET' && r.path.toLowerCase() === setPath.toLowerCase()).length;
const vmRoutes = (log: readonly LoggedRequest[]) => log.filter((r) => /\/providers\/Microsoft\.Compute\/virtualMachines(\/|$)/i.test(r.path));

describe('Flexible orchestration through the gateway and the orchestrator (real SDK → simulator)', function () {
  this.timeout(120_000);

  it('listInstances / getInstance use the VM APIs; ids are VM names; fault domains, no update domains; one scale set read at most', async () => {
    const az = await simulatedAzure(flexible(fleetScenario(fleet())));
    try {
      const instances = await az.gateway.listInstances(ref);
      assert.equal(instances.length, 6);
      const names = az.sim.world.scaleSets[0].instances.map((i) => i.name).sort();
      assert.deepEqual(instances.map((i) => i.instanceId).sort(), names, 'the instance id of a Flexible VM is its name');
      assert.ok(instances.every((i) => i.name === i.instanceId && i.updateDomain === undefined && i.faultDomain === 0 && i.zone !== undefined));
      assert.ok(instances.every((i) => i.health === 'healthy' && i.healthSource === 'signal' && i.image.exactVersion === '24.04.202410020'));
      const one = await az.gateway.getInstance(ref, instances[0].instanceId);
      assert.equal(one.name, instances[0].name);
      await az.gateway.listInstances(ref);
      const log = az.sim.requests();
      assert.deepEqual(vmssVmRoutes(log), [], 'no scale set VM route is used for a Flexible set');
      const list = vmRoutes(log).filter((r) => /virtualMachines$/i.test(r.path));
      assert.equal(list.length, 2);
      assert.ok(list.every((r) => new URLSearchParams(r.query).get('$filter') === `'virtualMachineScaleSet/id' eq '${setPath}'` && new URLSearchParams(r.query).get('$expand') === 'instanceView'));
      assert.equal(scaleSetReads(log), 1, 'the mode is read once per set, then remembered');
    } finally {
      await az.stop();
    }
  });

  it('a caller that already read the set pays no extra ARM call for the mode', async () => {
    const az = await simulatedAzure(flexible(fleetScenario(fleet())));
    try {
      await az.gateway.getScaleSet(ref);
      await az.gateway.listInstances(ref);
      assert.equal(scaleSetReads(az.sim.requests()), 1);
      const viaList = az.newGateway();
      await viaList.listScaleSets(ref.subscriptionId);
      await viaList.listInstances(ref);
      assert.equal(scaleSetReads(az.sim.requests()), 1, 'listScaleSets taught the second gateway the mode');
    } finally {
      await az.stop();
    }
  });

  it('in place: every VM reimaged through VirtualMachines_Reimage; one that never becomes healthy is rolled back (O4) to its version', async () => {
    const spec = fleet({ instances: [...healthy(5), { baseline: 'healthy', after: 'neverHealthy' }] });
    const run = await startTestRun(flexible(fleetScenario(spec)), { strategy: { kind: 'percentage' }, policy: { maxBatchInstancePercent: 50, maxUnhealthyUpgradedInstancePercent: 50 } });
    try {
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'completedWithFailures');
      assert.equal(summary.instances.succeeded, 5);
      assert.equal(summary.instances.rolledBack, 1);
      const world = run.az.sim.world.scaleSets[0].instances;
      const failedName = world[5].name;
      assert.equal(world[5].osImage.version, oldVersion, 'rolled back to its version');
      assert.ok(world.slice(0, 5).every((i) => i.osImage.version === newVersion));
      assert.equal(summary.finalStates[failedName], 'rolledBack');
      const log = run.az.sim.requests();
      assert.deepEqual(vmssVmRoutes(log), []);
      const reimages = vmRoutes(log).filter((r) => r.method === 'POST' && /\/reimage$/i.test(r.path));
      assert.equal(reimages.length, 7, 'six moves and one rollback, each a single-VM reimage');
    } finally {
      await run.dispose();
    }
  });

  it('the same run reads the scale set as often on a Flexible set as on a Uniform one (the mode costs no ARM call)', async () => {
    const reads = async (scenario: Scenario) => {
      const run = await startTestRun(scenario, { strategy: { kind: 'percentage' } });
      try {
        assert.equal((await run.executor.run()).outcome, 'succeeded');
        return scaleSetReads(run.az.sim.requests());
      } finally {
        await run.dispose();
      }
    };
    assert.equal(await reads(flexible(fleetScenario(fleet()))), await reads(fleetScenario(fleet())));
  });

  it('O8 maxSurge on a Flexible set: new VMs listed through the VM API, old ones deleted by name through the batch delete', async () => {
    const run = await startTestRun(flexible(fleetScenario(fleet())), { strategy: { kind: 'percentage' }, policy: { maxSurge: true, maxBatchInstancePercent: 50 } });
    try {
      const before = run.az.sim.world.scaleSets[0].instances.map((i) => i.name);
      const summary = await run.executor.run();
      assert.equal(summary.outcome, 'succeeded');
      const after = run.az.sim.world.scaleSets[0].instances;
      assert.equal(after.length, 6);
      assert.ok(after.every((i) => !before.includes(i.name) && i.osImage.version === newVersion));
      assert.deepEqual([...run.az.observations.deleted].sort(), [...before].sort());
      assert.deepEqual(vmssVmRoutes(run.az.sim.requests()), []);
    } finally {
      await run.dispose();
    }
  });
});
