// Values from a deployment parameter file (`{ "parameters": { "x": { "value": … } } }`).
// Key Vault references stay Unknown: the secret is only read at deployment.
import { parseTree } from 'jsonc-parser';
import { Unknown, type Value } from '../readiness/value';
import { childValue, objectEntries, type JsonNode } from './jsonNodes';

function literal(node: JsonNode): Value {
  switch (node.type) {
    case 'object': {
      const out: Record<string, Value> = {};
      for (const [key, value] of objectEntries(node)) out[key] = literal(value);
      return out;
    }
    case 'array':
      return (node.children ?? []).map(literal);
    case 'null':
      return null;
    default:
      return node.value as Value;
  }
}

/** Parameter values keyed by lower-case name; an empty map when the text is not a parameter file. */
export function readParameterFile(text: string): Map<string, Value> {
  const values = new Map<string, Value>();
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  for (const [name, entry] of objectEntries(childValue(root, 'parameters'))) {
    const value = childValue(entry, 'value');
    if (value) values.set(name.toLowerCase(), literal(value));
    else if (childValue(entry, 'reference')) values.set(name.toLowerCase(), new Unknown(`parameter '${name}' is a Key Vault reference`));
  }
  return values;
}

/** The conventional sibling parameter file of a template: `x.json` → `x.parameters.json`. */
export function siblingParameterFileName(templatePath: string): string | undefined {
  if (/\.parameters\.jsonc?$/i.test(templatePath)) return undefined;
  const match = /^(.*)\.(jsonc?)$/i.exec(templatePath);
  return match ? `${match[1]}.parameters.${match[2]}` : undefined;
}
