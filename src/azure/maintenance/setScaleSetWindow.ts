// "Set Maintenance Window…" (issue 16): writes the set's OS-image maintenance configuration — one
// configuration named after the set in the set's resource group (MaintenanceConfigurations_CreateOrUpdate,
// maintenanceScope OSImage) — and assigns it to the set (ConfigurationAssignments_CreateOrUpdate).
// Checked first with Azure's OSImage rules (≥ 5 h, recurrence Day; shared/maintenance/osImageRules.ts)
// so that nothing is written when Azure would refuse it.
import type { ScaleSetRef } from '../gateway';
import { MaintenanceWindowError, type MaintenanceWindow } from '../../shared/maintenance/maintenanceWindow';
import { osImageWindowProblems } from '../../shared/maintenance/osImageRules';
import type { MaintenanceClient } from './maintenanceClient';
import type { ScaleSetMaintenance } from './scaleSetMaintenance';

export function osImageConfigurationName(ref: ScaleSetRef): string {
  return `${ref.name}-osimage`;
}

export async function setScaleSetOsImageWindow(client: MaintenanceClient, ref: ScaleSetRef, scaleSetId: string, location: string, window: MaintenanceWindow): Promise<ScaleSetMaintenance> {
  const problems = osImageWindowProblems(window);
  if (problems.length) throw new MaintenanceWindowError(problems.join(' '));
  const name = osImageConfigurationName(ref);
  const config = await client.putConfiguration(ref.subscriptionId, ref.resourceGroup, name, { location, properties: { maintenanceScope: 'OSImage', visibility: 'Custom', maintenanceWindow: window } });
  const configurationId = config.id ?? `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Maintenance/maintenanceConfigurations/${name}`;
  await client.assignToScaleSet(scaleSetId, name, configurationId, location);
  return { configurationId, name, assignmentName: name, window };
}
