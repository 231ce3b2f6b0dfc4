// Azure Monitor alerts as the AlertsManagement API returns them (our own types, written from
// azure-rest-api-specs specification/alertsmanagement/resource-manager/Microsoft.AlertsManagement/
// AlertsManagement/stable/2019-03-01/AlertsManagement.json: definitions Alert, AlertProperties, Essentials,
// AlertsList; operation Alerts_GetAll). Only the fields the gates read are typed; the rest pass through.

export const alertsApiVersion = '2019-03-01';

export type MonitorCondition = 'Fired' | 'Resolved';
export type AlertState = 'New' | 'Acknowledged' | 'Closed';

/** Essentials: the fields every monitor service fills the same way. */
export interface AlertEssentials {
  readonly severity?: string;
  readonly signalType?: string;
  readonly alertState?: string;
  readonly monitorCondition?: string;
  readonly monitorService?: string;
  /** Full ARM id of the resource the alert fired on. */
  readonly targetResource?: string;
  readonly targetResourceName?: string;
  readonly targetResourceGroup?: string;
  readonly targetResourceType?: string;
  readonly alertRule?: string;
  /** Creation time of the alert instance (ISO 8601). */
  readonly startDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly monitorConditionResolvedDateTime?: string;
  readonly description?: string;
}

export interface Alert {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly properties?: { readonly essentials?: AlertEssentials };
}

/** AlertsList: one page; `nextLink` is absolute. */
export interface AlertsPage {
  readonly value: readonly Alert[];
  readonly nextLink?: string;
}

/**
 * Alerts_GetAll query parameters the gates use. `customTimeRange` is `<start>/<end>` in ISO 8601 and may not
 * be combined with `timeRange` (spec); which timestamp Azure compares with it is not documented (unverified),
 * so callers also filter on `startDateTime` themselves.
 */
export interface AlertQuery {
  readonly targetResource?: string;
  readonly targetResourceType?: string;
  readonly targetResourceGroup?: string;
  readonly monitorCondition?: MonitorCondition;
  readonly severity?: string;
  readonly alertState?: AlertState;
  readonly customTimeRange?: { readonly from: Date; readonly to: Date };
  /** A span back from Azure's own now (default 1d); not together with customTimeRange. */
  readonly timeRange?: '1h' | '1d' | '7d' | '30d';
  /** Alerts per page, 1–250 (spec; default 25). */
  readonly pageCount?: number;
}
