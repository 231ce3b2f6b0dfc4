// Azure Monitor alert instances the simulator serves (AlertsManagement 2019-03-01, Alerts_GetAll). A
// scenario (or the control API) fires an alert on a scale set, one of its instances, or a resource group
// at a simulated time; it is listed from that time on, with monitorCondition Resolved after `resolvedAt`.
import type { World } from './world';

export type AlertSeverity = 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';

export interface SimAlert {
  /** The alert instance's GUID (the last segment of its id). */
  readonly alertId: string;
  /** The alert rule's name (Azure lists an alert under its rule's name). */
  readonly name: string;
  readonly severity: AlertSeverity;
  /** Full ARM id of the resource it fired on. */
  readonly targetResource: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly startAt: number;
  readonly resolvedAt?: number;
  readonly signalType: 'Metric' | 'Log' | 'Unknown';
  readonly monitorService: string;
  readonly description?: string;
}

/** Where an alert fires: a scale set (optionally one instance), or the resource group itself. */
export interface AlertTarget {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly scaleSet?: string;
  readonly instanceId?: string;
}

export function targetResourceOf(t: AlertTarget): string {
  const group = `/subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}`;
  if (!t.scaleSet) return group;
  const set = `${group}/providers/Microsoft.Compute/virtualMachineScaleSets/${t.scaleSet}`;
  return t.instanceId === undefined ? set : `${set}/virtualMachines/${t.instanceId}`;
}

export interface FireAlert extends AlertTarget {
  readonly name: string;
  readonly severity?: AlertSeverity;
  /** Simulated epoch ms it starts (default: now). */
  readonly at?: number;
  /** Simulated ms after its start that it resolves (default: stays fired). */
  readonly resolveAfterMs?: number;
  readonly signalType?: SimAlert['signalType'];
  readonly description?: string;
}

export function fireAlert(world: World, request: FireAlert): SimAlert {
  const startAt = request.at ?? world.now;
  const alert: SimAlert = {
    alertId: world.newGuid(),
    name: request.name,
    severity: request.severity ?? 'Sev3',
    targetResource: targetResourceOf(request),
    subscriptionId: request.subscriptionId,
    resourceGroup: request.resourceGroup,
    startAt,
    ...(request.resolveAfterMs !== undefined ? { resolvedAt: startAt + request.resolveAfterMs } : {}),
    signalType: request.signalType ?? 'Metric',
    monitorService: 'Platform',
    ...(request.description ? { description: request.description } : {}),
  };
  world.alerts.push(alert);
  return alert;
}
