// The alerts reader that goes with a gateway: over the same client factory for an ARM gateway; none for a
// gateway that is not ARM (then the alert gate cannot pass and says so). Recognised by its client factory,
// not by `instanceof`: the run core lives in its own bundle (run-core.js) with its own copy of the ArmGateway
// class, so a gateway built by the extension's bundle is never an instance of it there.
import type { ClientFactory } from '../clientFactory';
import type { AzureGateway } from '../gateway';
import { ArmAlerts, type AlertsReader } from './alertsClient';

export function clientFactoryOf(gateway: AzureGateway): ClientFactory | undefined {
  const factory = (gateway as AzureGateway & { readonly clientFactory?: ClientFactory }).clientFactory;
  return factory && typeof factory.alertsManagement === 'function' ? factory : undefined;
}

export function alertsFor(gateway: AzureGateway): AlertsReader | undefined {
  const factory = clientFactoryOf(gateway);
  return factory ? new ArmAlerts(factory) : undefined;
}
