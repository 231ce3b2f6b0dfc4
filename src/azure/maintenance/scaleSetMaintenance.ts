// A scale set's OS-image maintenance configuration: its assignments (ConfigurationAssignments_List on
// the set), then the first assigned configuration whose maintenanceScope is OSImage and that has a
// window (MaintenanceConfigurations_Get by id). Learn: a scale set's automatic OS image upgrades follow
// its OSImage maintenance configuration.
import type { MaintenanceClient } from './maintenanceClient';
import type { ScaleSetMaintenance } from './maintenanceTypes';

export type { ScaleSetMaintenance };

export async function scaleSetOsImageMaintenance(client: MaintenanceClient, scaleSetId: string): Promise<ScaleSetMaintenance | undefined> {
  for (const assignment of await client.listScaleSetAssignments(scaleSetId)) {
    const id = assignment.properties?.maintenanceConfigurationId;
    if (!id) continue;
    const config = await client.getConfigurationById(id);
    const window = config?.properties?.maintenanceWindow;
    if (config?.properties?.maintenanceScope?.toLowerCase() === 'osimage' && window) {
      return { configurationId: config.id ?? id, name: config.name ?? id.split('/').pop() ?? id, assignmentName: assignment.name ?? '', window };
    }
  }
  return undefined;
}
