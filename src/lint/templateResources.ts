// Finds the resources of a template: `resources` as an array or (languageVersion 2.0) an object
// keyed by symbolic name, child resources nested under a parent, and the resources of nested
// deployments (inner scope: a scope of their own; outer scope: the parent's). Resource copy
// loops are judged once, with copyIndex() an Unknown that lists the indexes when few.
import { Unknown, isUnknown, maxAlternatives, type Value } from '../readiness/value';
import type { ExpressionScope } from './expression/scope';
import { evaluateJson } from './evaluateJson';
import { arrayItems, childValue, objectEntries, stringOf, type JsonNode } from './jsonNodes';
import { TemplateScope } from './templateScope';

export interface TemplateResource {
  readonly node: JsonNode;
  readonly scope: ExpressionScope;
  /** The template (or nested template) object that declares the resource. */
  readonly template: JsonNode;
  /** Full resource type, e.g. Microsoft.Compute/virtualMachineScaleSets/extensions. */
  readonly type: string;
  /** Full resource name (parent/child for child resources), evaluated. */
  readonly name: Value;
  /** `existing: true` resources (languageVersion 2.0) are references, not deployments. */
  readonly existing: boolean;
  /** The resource's condition, evaluated (true when it has none). */
  readonly condition: Value;
  /** The parameters and variables its expressions refer to. */
  readonly declarations: TemplateScope;
}

const maxNestingDepth = 8;

/** A scope in which copyIndex() of a resource loop is an Unknown listing the loop's indexes. */
function loopScope(scope: ExpressionScope, copy: JsonNode | undefined): ExpressionScope {
  if (!copy || copy.type !== 'object') return scope;
  const loopName = stringOf(childValue(copy, 'name'));
  const count = evaluateJson(childValue(copy, 'count'), scope);
  const reason = `copyIndex() differs for each copy of the '${loopName ?? 'loop'}' loop`;
  const index =
    typeof count === 'number' && Number.isInteger(count) && count > 0 && count <= maxAlternatives
      ? new Unknown(reason, Array.from({ length: count }, (_, i) => i))
      : new Unknown(reason);
  return {
    parameter: (name) => scope.parameter(name),
    variable: (name) => scope.variable(name),
    copyIndex: (requested) =>
      requested === undefined || loopName === undefined || requested.toLowerCase() === loopName.toLowerCase() ? index : scope.copyIndex(requested),
  };
}

function asText(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nestedTemplateScope(deployment: JsonNode, nested: JsonNode, outer: ExpressionScope): TemplateScope | undefined {
  const properties = childValue(deployment, 'properties');
  const options = childValue(properties, 'expressionEvaluationOptions');
  const inner = stringOf(childValue(options, 'scope'))?.toLowerCase() === 'inner';
  if (!inner) return undefined;
  const supplied = new Map<string, Value>();
  for (const [name, entry] of objectEntries(childValue(properties, 'parameters'))) {
    const value = childValue(entry, 'value');
    supplied.set(name.toLowerCase(), value ? (evaluateJson(value, outer) ?? null) : new Unknown(`parameter '${name}' of the nested deployment is a reference`));
  }
  return new TemplateScope(nested, supplied);
}

function collect(
  resourcesNode: JsonNode | undefined,
  template: JsonNode,
  scope: ExpressionScope,
  declarations: TemplateScope,
  parent: { type: string; name: Value } | undefined,
  depth: number,
  out: TemplateResource[],
): void {
  const nodes = resourcesNode?.type === 'object' ? objectEntries(resourcesNode).map(([, node]) => node) : arrayItems(resourcesNode);
  for (const node of nodes) {
    if (node.type !== 'object') continue;
    const resourceScope = loopScope(scope, childValue(node, 'copy'));
    const ownType = asText(evaluateJson(childValue(node, 'type'), resourceScope)) ?? '';
    const ownName = evaluateJson(childValue(node, 'name'), resourceScope) ?? null;
    const type = parent && !ownType.includes('/') ? `${parent.type}/${ownType}` : ownType;
    const name =
      parent && typeof ownName === 'string' && !ownName.includes('/') && typeof parent.name === 'string'
        ? `${parent.name}/${ownName}`
        : parent && typeof ownName === 'string' && !ownName.includes('/')
          ? new Unknown('the parent name is only known at deployment time')
          : ownName;
    const conditionNode = childValue(node, 'condition');
    const condition = conditionNode ? (evaluateJson(conditionNode, resourceScope) ?? true) : true;
    const existing = childValue(node, 'existing')?.value === true;
    out.push({ node, scope: resourceScope, template, type, name, existing, condition, declarations });
    // Child resources declared inside their parent.
    collect(childValue(node, 'resources'), template, resourceScope, declarations, { type, name }, depth, out);
    // Nested deployments with an inline template (skipped when the deployment's condition is false).
    const deployed = existing ? false : isUnknown(condition) || (condition !== false && String(condition).toLowerCase() !== 'false');
    if (type.toLowerCase() === 'microsoft.resources/deployments' && depth < maxNestingDepth && deployed) {
      const nested = childValue(childValue(node, 'properties'), 'template');
      if (nested?.type === 'object') {
        // Outer scope (the default) evaluates the nested template's expressions in the parent's scope.
        const inner = nestedTemplateScope(node, nested, resourceScope);
        collect(childValue(nested, 'resources'), nested, inner ?? resourceScope, inner ?? declarations, undefined, depth + 1, out);
      }
    }
  }
}

/** Every resource of a template, including child resources and those of nested deployments. */
export function templateResources(template: JsonNode, scope: TemplateScope): TemplateResource[] {
  const out: TemplateResource[] = [];
  collect(childValue(template, 'resources'), template, scope, scope, undefined, 0, out);
  return out;
}

/** Whether a resource is deployed for sure (condition true), maybe (unknown), or not at all. */
export function isDeployed(resource: TemplateResource): boolean {
  if (resource.existing) return false;
  const condition = resource.condition;
  if (isUnknown(condition)) return true;
  if (typeof condition === 'string') return condition.toLowerCase() !== 'false';
  return condition !== false;
}
