// Azure Monitor platform metrics as the gates read them (our own types, written from azure-rest-api-specs
// specification/monitor/data-plane/Microsoft.Insights/stable/2024-02-01/metricBatch.json, operation Batch:
// POST /subscriptions/{subscriptionId}/metrics:getBatch; definitions MetricResultsResponse, Metric,
// TimeSeriesElement, MetricValue). Only what the metric gate needs.
import type { ScaleSetRef } from '../gateway';
import type { MetricAggregation } from '../../core/contract';

/** api-version @azure/monitor-query-metrics 1.0.0 sends (its KnownVersions), the spec file's version. */
export const metricsApiVersion = '2024-02-01';

export interface MetricQuery {
  /** The metric's REST name, e.g. `Percentage CPU`. */
  readonly metric: string;
  readonly namespace: string;
  readonly aggregation: MetricAggregation;
  /** ISO 8601 time grain (PT5M). */
  readonly interval: string;
  readonly from: Date;
  readonly to: Date;
}

/** One interval's value; `value` is absent where the interval had no data (MetricValue with only timeStamp). */
export interface MetricPoint {
  readonly timeStamp: string;
  readonly value?: number;
}

export interface MetricSeries {
  readonly unit?: string;
  /** Every time series' points (one series without a dimension filter), oldest first. */
  readonly points: readonly MetricPoint[];
}

export interface MetricsReader {
  /** The scale set's metric over [from, to], one point per interval. Rejects when Azure answers an error. */
  readMetric(ref: ScaleSetRef, query: MetricQuery, signal?: AbortSignal): Promise<MetricSeries>;
}
