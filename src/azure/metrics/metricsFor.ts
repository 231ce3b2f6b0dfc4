// The metrics reader that goes with a gateway: over the same client factory for the ARM gateway; none for a
// gateway that is not ARM (then the metric gate cannot pass and says so).
import { ArmGateway } from '../armGateway';
import type { AzureGateway } from '../gateway';
import { ArmMetrics } from './metricsClient';
import type { MetricsReader } from './metricTypes';

export function metricsFor(gateway: AzureGateway): MetricsReader | undefined {
  return gateway instanceof ArmGateway ? new ArmMetrics(gateway.clientFactory, gateway) : undefined;
}
