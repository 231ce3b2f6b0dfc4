// The alerts reader that goes with a gateway: over the same client factory for the ARM gateway; none for a
// gateway that is not ARM (then the alert gate cannot pass and says so).
import { ArmGateway } from '../armGateway';
import type { AzureGateway } from '../gateway';
import { ArmAlerts, type AlertsReader } from './alertsClient';

export function alertsFor(gateway: AzureGateway): AlertsReader | undefined {
  return gateway instanceof ArmGateway ? new ArmAlerts(gateway.clientFactory) : undefined;
}
