// Microsoft.Maintenance resources as the REST API returns them, typed by us from the spec
// (azure-rest-api-specs Maintenance.json 2023-04-01: definitions MaintenanceConfiguration,
// MaintenanceConfigurationProperties, ConfigurationAssignment, ConfigurationAssignmentProperties).
import type { MaintenanceWindow } from '../../shared/maintenance/maintenanceWindow';

export const maintenanceApiVersion = '2023-04-01';

/** Spec enum MaintenanceScope (modelAsString: other values may appear). */
export type MaintenanceScope = 'Host' | 'Resource' | 'OSImage' | 'Extension' | 'InGuestPatch' | 'SQLDB' | 'SQLManagedInstance' | (string & {});

export interface MaintenanceConfiguration {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly location?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly properties?: {
    readonly namespace?: string;
    readonly extensionProperties?: Readonly<Record<string, string>>;
    readonly maintenanceScope?: MaintenanceScope;
    readonly maintenanceWindow?: MaintenanceWindow;
    readonly visibility?: 'Custom' | 'Public' | (string & {});
  };
}

export interface ConfigurationAssignment {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly location?: string;
  readonly properties?: {
    readonly maintenanceConfigurationId?: string;
    readonly resourceId?: string;
  };
}

export interface ListResult<T> {
  readonly value?: readonly T[];
}

/** A scale set's OS-image maintenance configuration as the gateway reports it (scaleSetMaintenance.ts). */
export interface ScaleSetMaintenance {
  readonly configurationId: string;
  readonly name: string;
  readonly assignmentName: string;
  readonly window: MaintenanceWindow;
}
