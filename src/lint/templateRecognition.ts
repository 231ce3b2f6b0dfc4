// Which documents are ARM deployment templates: a `$schema` naming deploymentTemplate.json, or
// a document in the `arm-template` language (the Azure Resource Manager Tools extension's id).
import type { JsonNode } from './jsonNodes';
import { childValue, stringOf } from './jsonNodes';

const schemaPattern = /deploymentTemplate\.json#?$/i;

export function hasDeploymentTemplateSchema(root: JsonNode | undefined): boolean {
  const schema = stringOf(childValue(root, '$schema'));
  return schema !== undefined && schemaPattern.test(schema.trim());
}

export function isDeploymentTemplate(root: JsonNode | undefined, languageId?: string): boolean {
  if (!root || root.type !== 'object') return false;
  if (hasDeploymentTemplateSchema(root)) return true;
  return languageId === 'arm-template' && childValue(root, 'resources') !== undefined;
}
