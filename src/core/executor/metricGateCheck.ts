// The metric threshold gate of a bake (issue 16): the scale set's Azure Monitor metric, read from Azure at the
// moment it is asked, aggregated per interval from the batch's start to now; one interval on the breaching
// side of the threshold fails the gate. An unreadable metric fails it too (fail closed, as the alert gate);
// intervals without data (the service answers a timeStamp alone) neither pass nor fail — the evidence says
// how many intervals had a value.
import type { ScaleSetRef } from '../../azure/gateway';
import { describeAzureError } from '../../azure/azureError';
import type { MetricsReader } from '../../azure/metrics/metricTypes';
import type { Clock } from '../../shared/clock';
import type { GateVerdict, MetricEvidence, MetricGate } from '../contract';
import { crosses } from '../metricGateText';
import { isAbort, type RetryPlan, withRetries } from './transient';

export interface MetricGateContext {
  readonly metrics?: MetricsReader;
  readonly ref: ScaleSetRef;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly retry: RetryPlan;
}

/** Further past the threshold is worse: the highest value for > and >=, the lowest for < and <=. */
function worse(gate: MetricGate, a: number, b: number): boolean {
  return gate.operator === '>' || gate.operator === '>=' ? a > b : a < b;
}

export async function metricGate(ctx: MetricGateContext, gate: MetricGate, from: number, to: number): Promise<GateVerdict> {
  const window = { from, to };
  const empty: MetricEvidence = { text: gate.text, points: 0, breaches: [] };
  if (!ctx.metrics) return { gate: 'metric', ok: false, detail: `${gate.text}: Azure Monitor metrics cannot be read from here (no metrics client), so the gate cannot pass`, window, metric: empty };
  let points;
  try {
    // The query starts at the batch's start; Azure aligns intervals to the grain, so the first may reach back.
    const query = { metric: gate.metric, namespace: gate.namespace, aggregation: gate.aggregation, interval: gate.interval, from: new Date(from), to: new Date(Math.max(to, from + 1000)) };
    points = (await withRetries(ctx.clock, ctx.signal, () => ctx.metrics!.readMetric(ctx.ref, query, ctx.signal), ctx.retry)).points;
  } catch (err) {
    if (isAbort(err, ctx.signal)) throw err;
    return { gate: 'metric', ok: false, detail: `${gate.text}: the metric could not be read (${describeAzureError(err).message}), so the gate cannot pass`, window, metric: empty };
  }
  const valued = points.filter((p): p is { timeStamp: string; value: number } => p.value !== undefined);
  let worst: MetricEvidence['worst'];
  for (const p of valued) if (!worst || worse(gate, p.value, worst.value)) worst = { timeStamp: p.timeStamp, value: p.value };
  const breaches = valued.filter((p) => crosses(gate, p.value));
  const metric: MetricEvidence = { text: gate.text, points: valued.length, ...(worst ? { worst } : {}), breaches: breaches.slice(0, 5).map((p) => ({ timeStamp: p.timeStamp, value: p.value })) };
  if (breaches.length > 0) {
    const first = breaches[0];
    return { gate: 'metric', ok: false, detail: `${gate.text}: ${breaches.length} interval(s) crossed the threshold, first ${first.value} at ${first.timeStamp}${worst ? `, worst ${worst.value}` : ''}`, window, metric };
  }
  if (valued.length === 0) return { gate: 'metric', ok: true, detail: `${gate.text}: no data yet in ${points.length} interval(s)`, window, metric };
  return { gate: 'metric', ok: true, detail: `${gate.text}: ${valued.length} interval(s) within the threshold, worst ${worst!.value}`, window, metric };
}
