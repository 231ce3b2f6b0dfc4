// The ARM side of branch evaluation (issue 14 hole 2, src/readiness/branchEvaluation.ts): a
// top-level parameter without a value lists its values from allowedValues or its bool type, and
// the scale set's model is rebuilt with chosen parameter values, as a parameter file would give.
import type { BranchSource } from '../readiness/branchEvaluation';
import { isUnknown, type Value } from '../readiness/value';
import type { JsonNode } from './jsonNodes';
import { scaleSetModelFromTemplate } from './modelFromTemplate';
import { templateResources, type TemplateResource } from './templateResources';
import { TemplateScope } from './templateScope';

export function templateBranches(root: JsonNode, supplied: ReadonlyMap<string, Value> | undefined, resource: TemplateResource): BranchSource {
  const given = supplied ?? new Map<string, Value>();
  const topScope = new TemplateScope(root, given);
  return {
    domainOf(parameter) {
      if (!topScope.parameterDeclaration(parameter) || given.has(parameter)) return undefined;
      const value = topScope.parameter(parameter);
      if (!isUnknown(value) || !value.alternatives || value.alternatives.some((alt) => alt === undefined || isUnknown(alt))) return undefined;
      return value.alternatives as Value[];
    },
    modelWith(assignment) {
      const values = new Map(given);
      for (const [key, value] of assignment) values.set(key, value);
      const resources = templateResources(root, new TemplateScope(root, values));
      const same = resources.find((r) => r.node === resource.node);
      return same ? scaleSetModelFromTemplate(same, resources) : undefined;
    },
  };
}
