// Azure Monitor platform metrics of scale sets, as the simulator serves them through metrics:getBatch
// (issue 16). A scenario (or the control API) gives a metric a timeline of steps: from `at` on, every
// one-minute sample has that value (Learn, "Supported metrics for Microsoft.Compute/virtualMachineScaleSets":
// the set's metrics are sampled at PT1M). Before its first step, and for a known metric without a timeline,
// there is no data — the service then answers intervals with a timeStamp alone.
import type { World } from './world';

/** Platform metrics of a scale set the simulator knows without a timeline: REST name → unit and default aggregation. */
export const knownScaleSetMetrics: Readonly<Record<string, { readonly unit: string; readonly aggregation: string }>> = {
  'Percentage CPU': { unit: 'Percent', aggregation: 'Average' },
  'Available Memory Bytes': { unit: 'Bytes', aggregation: 'Average' },
  'Available Memory Percentage': { unit: 'Percent', aggregation: 'Average' },
  'Network In Total': { unit: 'Bytes', aggregation: 'Total' },
  'Network Out Total': { unit: 'Bytes', aggregation: 'Total' },
  'Disk Read Bytes': { unit: 'Bytes', aggregation: 'Total' },
  'Disk Write Bytes': { unit: 'Bytes', aggregation: 'Total' },
  'Disk Read Operations/Sec': { unit: 'CountPerSecond', aggregation: 'Average' },
  'Disk Write Operations/Sec': { unit: 'CountPerSecond', aggregation: 'Average' },
};

export interface MetricStep {
  /** Simulated epoch ms from which the samples take `value`. */
  readonly at: number;
  readonly value: number;
}

export interface SimMetric {
  /** Full ARM id of the scale set. */
  readonly resourceId: string;
  readonly name: string;
  readonly unit: string;
  steps: MetricStep[];
}

export interface SetMetric {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly scaleSet: string;
  readonly name: string;
  readonly steps: readonly MetricStep[];
  readonly unit?: string;
}

export function scaleSetResourceId(subscriptionId: string, resourceGroup: string, scaleSet: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${scaleSet}`;
}

/** Adds steps to a metric's timeline (creating it); later steps override from their time on. */
export function setMetric(world: World, request: SetMetric): SimMetric {
  const resourceId = scaleSetResourceId(request.subscriptionId, request.resourceGroup, request.scaleSet);
  const same = (m: SimMetric) => m.resourceId.toLowerCase() === resourceId.toLowerCase() && m.name.toLowerCase() === request.name.toLowerCase();
  let metric = world.metrics.find(same);
  if (!metric) {
    const known = Object.entries(knownScaleSetMetrics).find(([name]) => name.toLowerCase() === request.name.toLowerCase());
    metric = { resourceId, name: known?.[0] ?? request.name, unit: request.unit ?? known?.[1].unit ?? 'Unspecified', steps: [] };
    world.metrics.push(metric);
  }
  metric.steps = [...metric.steps.filter((s) => !request.steps.some((r) => r.at === s.at)), ...request.steps].sort((a, b) => a.at - b.at);
  return metric;
}

/** The sample at `t`: the last step at or before it; undefined before the first step. */
export function sampleAt(metric: SimMetric, t: number): number | undefined {
  let value: number | undefined;
  for (const step of metric.steps) {
    if (step.at > t) break;
    value = step.value;
  }
  return value;
}
