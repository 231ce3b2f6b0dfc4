// The metric gate's text form (issue 16), shared by the CLI (--metric-gate) and the editor's input box:
//
//   <metric name> <op> <threshold> [<aggregation>] [<interval>]      e.g.  Percentage CPU>90 avg PT5M
//
// <metric name> is the metric's REST name as Learn's "Supported metrics for Microsoft.Compute/
// virtualMachineScaleSets" lists it (e.g. `Percentage CPU`, `Available Memory Bytes`); <op> is >, >=, < or <=;
// <aggregation> avg|min|max|total|count (default avg: the aggregation types of metricBatch.json 2024-02-01);
// <interval> the time grain each value is aggregated over (default PT5M). The gate breaches when the value
// of one interval since the batch began is on the <op> side of the threshold.
import { parseIsoDuration } from '../shared/iso8601';
import type { MetricAggregation, MetricGate, MetricOperator } from './contract';

/** Platform metrics of a scale set live in its resource type's namespace. */
export const scaleSetMetricNamespace = 'Microsoft.Compute/virtualMachineScaleSets';

/**
 * Time grains a query may ask for. The spec (metricBatch.json `interval`) gives ISO 8601 with the examples
 * PT15M, PT1H, P1D; which grains the service accepts beyond those is unverified, so we offer the grains
 * Azure Monitor's metric charts use, from the one-minute sampling of the scale set's metrics up to a day.
 */
export const metricIntervals = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT6H', 'PT12H', 'P1D'] as const;

const aggregationWords: Readonly<Record<string, MetricAggregation>> = {
  avg: 'Average',
  average: 'Average',
  min: 'Minimum',
  minimum: 'Minimum',
  max: 'Maximum',
  maximum: 'Maximum',
  total: 'Total',
  sum: 'Total',
  count: 'Count',
};

const shortAggregation: Readonly<Record<MetricAggregation, string>> = { Average: 'avg', Minimum: 'min', Maximum: 'max', Total: 'total', Count: 'count' };

export type MetricGateParse = { readonly ok: true; readonly gate: MetricGate } | { readonly ok: false; readonly error: string };

const usage = 'write it as <metric> <op> <threshold> [avg|min|max|total|count] [PT5M], e.g. "Percentage CPU>90 avg PT5M"';

/** The gate, or why the text is not one (a sentence that names the wrong part). */
export function parseMetricGate(input: string): MetricGateParse {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, error: `The metric gate is empty: ${usage}.` };
  const m = /^(.*?)\s*(>=|<=|>|<)\s*(.*)$/.exec(text);
  if (!m) return { ok: false, error: `"${text}" has no comparison (>, >=, < or <=): ${usage}.` };
  const [, metric, operator, rest] = m;
  if (metric === '') return { ok: false, error: `"${text}" names no metric before ${operator}: ${usage}.` };
  // Commas separate metric names in the query (metricnames is a CSV list), so a name cannot hold one.
  if (/[,<>=]/.test(metric)) return { ok: false, error: `The metric name "${metric}" may not contain a comma or a comparison sign.` };
  const words = rest.split(' ').filter(Boolean);
  const thresholdText = words.shift();
  if (thresholdText === undefined) return { ok: false, error: `"${text}" has no threshold after ${operator}: ${usage}.` };
  const threshold = Number(thresholdText);
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(thresholdText) || !Number.isFinite(threshold)) return { ok: false, error: `The threshold "${thresholdText}" is not a number.` };
  let aggregation: MetricAggregation = 'Average';
  let interval = 'PT5M';
  let seenAggregation = false;
  let seenInterval = false;
  for (const word of words) {
    const agg = aggregationWords[word.toLowerCase()];
    if (agg && !seenAggregation) {
      aggregation = agg;
      seenAggregation = true;
    } else if (/^P/i.test(word) && !seenInterval) {
      const grain = metricIntervals.find((g) => g === word.toUpperCase());
      if (!grain) return { ok: false, error: `The interval "${word}" is not one of ${metricIntervals.join(', ')}.` };
      interval = grain;
      seenInterval = true;
    } else {
      return { ok: false, error: `"${word}" is not an aggregation (avg, min, max, total, count) or an interval (${metricIntervals.join(', ')}), or it is given twice.` };
    }
  }
  const parsed = parseIsoDuration(interval);
  if (!parsed.ok) return { ok: false, error: `The interval "${interval}": ${parsed.error}` };
  const op = operator as MetricOperator;
  const canonical = `${metric}${op}${thresholdText} ${shortAggregation[aggregation]} ${interval}`;
  return { ok: true, gate: { text: canonical, metric, namespace: scaleSetMetricNamespace, operator: op, threshold, aggregation, interval, intervalMs: parsed.ms } };
}

/** Whether a value is on the breaching side of the gate's threshold. */
export function crosses(gate: Pick<MetricGate, 'operator' | 'threshold'>, value: number): boolean {
  switch (gate.operator) {
    case '>':
      return value > gate.threshold;
    case '>=':
      return value >= gate.threshold;
    case '<':
      return value < gate.threshold;
    case '<=':
      return value <= gate.threshold;
  }
}

/** "Percentage CPU avg over PT5M must stay at or below 90" — the condition that passes, for plans and pickers. */
export function describeMetricGate(gate: MetricGate): string {
  const holds: Record<MetricOperator, string> = { '>': 'at or below', '>=': 'below', '<': 'at or above', '<=': 'above' };
  return `${gate.metric} (${shortAggregation[gate.aggregation]} per ${gate.interval}) stays ${holds[gate.operator]} ${gate.threshold}`;
}
