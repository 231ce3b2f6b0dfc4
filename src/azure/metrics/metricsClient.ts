// Azure Monitor metrics through @azure/monitor-query-metrics (MetricsClient.queryResources → POST
// /subscriptions/{id}/metrics:getBatch, api-version 2024-02-01), built by the client factory with the same
// credential, trust, retries and policies as the ARM clients, pointed at the scale set's regional endpoint
// (or at the simulator). The SDK comes from the lazily loaded SDK bundle.
import type { AzureGateway, ScaleSetRef } from '../gateway';
import { scaleSetId } from '../gateway';
import { withSignal } from '../requestScope';
import type { ClientFactory } from '../clientFactory';
import type { MetricPoint, MetricQuery, MetricSeries, MetricsReader } from './metricTypes';

type SdkMetricValue = { readonly timeStamp: Date | string } & Partial<Record<'average' | 'minimum' | 'maximum' | 'total' | 'count', number>>;

const field = { Average: 'average', Minimum: 'minimum', Maximum: 'maximum', Total: 'total', Count: 'count' } as const;

export class ArmMetrics implements MetricsReader {
  private readonly regions = new Map<string, string>();

  constructor(
    private readonly clients: ClientFactory,
    private readonly gateway: AzureGateway,
  ) {}

  /** The set's region names its metrics endpoint; read once per set. */
  private async regionOf(ref: ScaleSetRef, signal?: AbortSignal): Promise<string> {
    const id = scaleSetId(ref).toLowerCase();
    let region = this.regions.get(id);
    if (!region) {
      region = (await this.gateway.getScaleSet(ref, signal)).location;
      this.regions.set(id, region);
    }
    return region;
  }

  async readMetric(ref: ScaleSetRef, query: MetricQuery, signal?: AbortSignal): Promise<MetricSeries> {
    const client = this.clients.metrics(await this.regionOf(ref, signal));
    const results = await withSignal(signal, () =>
      client.queryResources([scaleSetId(ref)], [query.metric], query.namespace, {
        startTime: query.from,
        endTime: query.to,
        interval: query.interval,
        aggregation: query.aggregation,
      }),
    );
    const metric = results.flatMap((r) => r.metrics).find((m) => m.name.toLowerCase() === query.metric.toLowerCase()) ?? results[0]?.metrics[0];
    if (!metric) throw new Error(`Azure Monitor returned no '${query.metric}' metric for ${ref.name}.`);
    if (metric.errorCode && metric.errorCode !== 'Success') throw new Error(`Azure Monitor could not read '${query.metric}': ${metric.errorCode}${metric.errorMessage ? ` (${metric.errorMessage})` : ''}`);
    const key = field[query.aggregation];
    const points: MetricPoint[] = metric.timeseries
      .flatMap((series) => (series.data ?? []) as SdkMetricValue[])
      .map((v) => {
        const timeStamp = v.timeStamp instanceof Date ? v.timeStamp.toISOString() : String(v.timeStamp);
        const value = v[key];
        return typeof value === 'number' ? { timeStamp, value } : { timeStamp };
      })
      .sort((a, b) => a.timeStamp.localeCompare(b.timeStamp));
    return { unit: metric.unit, points };
  }
}
