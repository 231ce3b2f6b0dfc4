// Where a region's metrics live. The metrics:getBatch API is a regional data-plane endpoint, not Resource
// Manager: https://<region>.metrics.monitor.azure.com (metricBatch.json, the `endpoint` parameter: "The region
// should match the region of the requested resources"); Azure China https://<region>.metrics.monitor.azure.cn
// (learn: How to migrate from the metrics API to the getBatch API, docs.azure.cn). Azure US Government's host
// (.metrics.monitor.azure.us) is unverified: no page we read names it. Any other endpoint (the simulator)
// serves the metrics itself.
const regional: readonly [RegExp, string][] = [
  [/^https:\/\/management\.azure\.com$/i, 'metrics.monitor.azure.com'],
  [/^https:\/\/management\.chinacloudapi\.cn$/i, 'metrics.monitor.azure.cn'],
  [/^https:\/\/management\.usgovcloudapi\.net$/i, 'metrics.monitor.azure.us'],
];

export function metricsEndpoint(resourceManager: string, region: string): string {
  const arm = resourceManager.replace(/\/+$/, '');
  const host = regional.find(([pattern]) => pattern.test(arm))?.[1];
  if (!host) return arm;
  const name = region.toLowerCase().replace(/\s+/g, '');
  if (!/^[a-z0-9]+$/.test(name)) throw new Error(`The scale set's region '${region}' cannot name a metrics endpoint.`);
  return `https://${name}.${host}`;
}
