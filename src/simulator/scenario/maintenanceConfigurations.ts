// Scenario `maintenanceConfigurations`: Microsoft.Maintenance configurations present at start and their
// assignments to scale sets — the same state the REST API builds (routes/maintenance.ts), checked by
// the same OSImage rules, so a scenario cannot hold a window Azure would refuse.
import { osImageWindowProblems } from '../../shared/maintenance/osImageRules';
import { scaleSetId } from '../state/ids';
import { configurationId } from '../state/maintenance';
import type { World } from '../state/world';
import { ScenarioError } from './loadScenario';
import type { Scenario } from './scenarioTypes';

export function addMaintenanceConfigurations(world: World, scenario: Scenario): void {
  for (const spec of scenario.maintenanceConfigurations ?? []) {
    const maintenanceScope = spec.maintenanceScope ?? 'OSImage';
    if (maintenanceScope.toLowerCase() === 'osimage') {
      const problems = osImageWindowProblems(spec.maintenanceWindow);
      if (problems.length) throw new ScenarioError(`maintenanceConfigurations ${spec.name}: ${problems.join(' ')}`);
    }
    const config = { subscriptionId: spec.subscriptionId, resourceGroup: spec.resourceGroup, name: spec.name, location: spec.location, tags: {}, maintenanceScope, visibility: 'Custom', window: { ...spec.maintenanceWindow }, extensionProperties: {} };
    world.maintenance.putConfiguration(config);
    for (const setName of spec.assignedTo ?? []) {
      const set = world.scaleSetsOf(spec.subscriptionId).find((s) => s.name.toLowerCase() === setName.toLowerCase());
      if (!set) throw new ScenarioError(`maintenanceConfigurations ${spec.name}: assignedTo names '${setName}', which is not a scale set of subscription ${spec.subscriptionId}.`);
      world.maintenance.putAssignment({ resourceId: scaleSetId(set), name: `${spec.name}-${set.name}`, location: set.location, maintenanceConfigurationId: configurationId(config) });
    }
  }
}
