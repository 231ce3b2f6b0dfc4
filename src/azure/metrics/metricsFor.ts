// The metrics reader that goes with a gateway: over the same client factory for an ARM gateway; none for a
// gateway that is not ARM (then the metric gate cannot pass and says so). Recognised by its client factory,
// not by `instanceof` (the run core's bundle has its own copy of the ArmGateway class; see alertsFor.ts).
import { clientFactoryOf } from '../alerts/alertsFor';
import type { AzureGateway } from '../gateway';
import { ArmMetrics } from './metricsClient';
import type { MetricsReader } from './metricTypes';

export function metricsFor(gateway: AzureGateway): MetricsReader | undefined {
  const factory = clientFactoryOf(gateway);
  return factory && typeof factory.metrics === 'function' ? new ArmMetrics(factory, gateway) : undefined;
}
