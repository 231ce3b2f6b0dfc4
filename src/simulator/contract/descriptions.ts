// The simulator's REST description (issue #12): our own OpenAPI 2.0 files, one per source spec file of
// Azure/azure-rest-api-specs, each with exactly the operations the simulator serves. One source of
// truth for the accepted api-versions (http/apiVersion.ts) and for the contract test's validator.
import alertsManagement from './alertsmanagement-2019-03-01.json';
import compute from './compute-2026-03-01.json';
import gallery from './gallery-2025-03-03.json';
import resourceGraph from './resourcegraph-2021-06-01-preview.json';
import subscriptions from './subscriptions-2022-12-01.json';
import maintenance from './maintenance-2023-04-01.json';
import monitorMetrics from './monitor-metrics-2024-02-01.json';

export interface Description {
  readonly file: string;
  readonly info: { readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, { readonly operationId: string }>>>>;
}

export const descriptions: readonly Description[] = [
  { ...compute, file: 'compute-2026-03-01.json' },
  { ...gallery, file: 'gallery-2025-03-03.json' },
  { ...subscriptions, file: 'subscriptions-2022-12-01.json' },
  { ...resourceGraph, file: 'resourcegraph-2021-06-01-preview.json' },
  { ...maintenance, file: 'maintenance-2023-04-01.json' },
  { ...alertsManagement, file: 'alertsmanagement-2019-03-01.json' },
  { ...monitorMetrics, file: 'monitor-metrics-2024-02-01.json' },
];

export interface DescribedPath {
  readonly template: string;
  readonly regex: RegExp;
  readonly apiVersion: string;
  readonly operations: Readonly<Record<string, { readonly operationId: string }>>;
  /** Microsoft.Resources paths (/subscriptions, /tenants) are ARM's own, not a provider's. */
  readonly provider?: { readonly namespace: string; readonly type: string };
}

/** ARM's resource type of a path: the segments after `providers/<Namespace>/`, without the names. */
function providerOf(template: string): DescribedPath['provider'] {
  const m = /^.*\/providers\/([^/]+)\/(.+)$/.exec(template); // the last provider: extension resources are typed by theirs
  if (!m) return undefined;
  const segments = m[2].split('/');
  const type = segments.filter((_, i) => i % 2 === 0).join('/');
  return { namespace: m[1], type };
}

function compile(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

export const describedPaths: readonly DescribedPath[] = descriptions.flatMap((doc) =>
  Object.entries(doc.paths).map(([template, operations]) => ({ template, regex: compile(template), apiVersion: doc.info.version, operations, provider: providerOf(template) })),
);

export function describedPath(pathname: string): DescribedPath | undefined {
  return describedPaths.find((p) => p.regex.test(pathname));
}
