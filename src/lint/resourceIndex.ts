// The template's resources grouped by lower-case type, built once per resource list: building
// each scale set's model looks up extensions, load balancers, clusters and maintenance
// configurations, and scanning the whole list for each of 40+ scale sets in a large template
// cost more than parsing it (bench/lint.bench.ts).
import type { TemplateResource } from './templateResources';

const indexes = new WeakMap<readonly TemplateResource[], Map<string, TemplateResource[]>>();

/** The resources of one type (case-insensitive), in template order. */
export function resourcesOfType(all: readonly TemplateResource[], type: string): readonly TemplateResource[] {
  let index = indexes.get(all);
  if (!index) {
    index = new Map();
    for (const resource of all) {
      const key = resource.type.toLowerCase();
      const list = index.get(key);
      if (list) list.push(resource);
      else index.set(key, [resource]);
    }
    indexes.set(all, index);
  }
  return index.get(type.toLowerCase()) ?? [];
}
