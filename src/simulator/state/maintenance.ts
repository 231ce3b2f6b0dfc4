// Microsoft.Maintenance in the simulator: maintenance configurations (per resource group) and their
// assignments to scale sets. Ids and names are matched case-insensitively, as ARM does.
import type { MaintenanceWindow } from '../../shared/maintenance/maintenanceWindow';

export interface SimMaintenanceConfiguration {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly maintenanceScope: string;
  readonly visibility: string;
  readonly window?: MaintenanceWindow;
  readonly extensionProperties: Readonly<Record<string, string>>;
}

export interface SimConfigurationAssignment {
  /** The assigned-to resource's id (a scale set). */
  readonly resourceId: string;
  readonly name: string;
  readonly location: string;
  readonly maintenanceConfigurationId: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function configurationId(c: Pick<SimMaintenanceConfiguration, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.Maintenance/maintenanceConfigurations/${c.name}`;
}

export class MaintenanceStore {
  readonly configurations: SimMaintenanceConfiguration[] = [];
  readonly assignments: SimConfigurationAssignment[] = [];

  configuration(subscriptionId: string, resourceGroup: string, name: string): SimMaintenanceConfiguration | undefined {
    return this.configurations.find((c) => same(c.subscriptionId, subscriptionId) && same(c.resourceGroup, resourceGroup) && same(c.name, name));
  }

  configurationById(id: string): SimMaintenanceConfiguration | undefined {
    return this.configurations.find((c) => same(configurationId(c), id.replace(/\/+$/, '')));
  }

  /** Creates or replaces; true when it was created. */
  putConfiguration(config: SimMaintenanceConfiguration): boolean {
    const i = this.configurations.findIndex((c) => same(configurationId(c), configurationId(config)));
    if (i >= 0) this.configurations[i] = config;
    else this.configurations.push(config);
    return i < 0;
  }

  assignmentsOf(resourceId: string): SimConfigurationAssignment[] {
    return this.assignments.filter((a) => same(a.resourceId, resourceId));
  }

  /** Creates or replaces; true when it was created. */
  putAssignment(assignment: SimConfigurationAssignment): boolean {
    const i = this.assignments.findIndex((a) => same(a.resourceId, assignment.resourceId) && same(a.name, assignment.name));
    if (i >= 0) this.assignments[i] = assignment;
    else this.assignments.push(assignment);
    return i < 0;
  }

  deleteAssignment(resourceId: string, name: string): SimConfigurationAssignment | undefined {
    const i = this.assignments.findIndex((a) => same(a.resourceId, resourceId) && same(a.name, name));
    return i >= 0 ? this.assignments.splice(i, 1)[0] : undefined;
  }

  /** The OS-image window that governs a scale set's automatic upgrades, if one is assigned. */
  osImageWindowOf(resourceId: string): MaintenanceWindow | undefined {
    for (const a of this.assignmentsOf(resourceId)) {
      const config = this.configurationById(a.maintenanceConfigurationId);
      if (config && same(config.maintenanceScope, 'OSImage') && config.window) return config.window;
    }
    return undefined;
  }
}
