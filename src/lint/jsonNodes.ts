// Small helpers over jsonc-parser's syntax tree (nodes keep their offsets, which become the
// ranges of diagnostics and the targets of quick fixes).
import type { Node as JsonNode } from 'jsonc-parser';

export type { JsonNode };

/** The value node of an object's property; ARM property names are case-insensitive. */
export function childValue(object: JsonNode | undefined, name: string): JsonNode | undefined {
  return childProperty(object, name)?.children?.[1];
}

/** The property node (key + value) of an object's property, case-insensitively. */
export function childProperty(object: JsonNode | undefined, name: string): JsonNode | undefined {
  if (!object || object.type !== 'object' || !object.children) return undefined;
  let caseInsensitive: JsonNode | undefined;
  const lower = name.toLowerCase();
  for (const property of object.children) {
    const key = property.children?.[0]?.value;
    if (typeof key !== 'string') continue;
    if (key === name) return property;
    if (!caseInsensitive && key.toLowerCase() === lower) caseInsensitive = property;
  }
  return caseInsensitive;
}

/** The key string of a property node. */
export function propertyKey(property: JsonNode): string {
  return String(property.children?.[0]?.value ?? '');
}

/** Properties of an object node as [key, value node] pairs. */
export function objectEntries(object: JsonNode | undefined): [string, JsonNode][] {
  if (!object || object.type !== 'object' || !object.children) return [];
  const entries: [string, JsonNode][] = [];
  for (const property of object.children) {
    const value = property.children?.[1];
    if (value) entries.push([propertyKey(property), value]);
  }
  return entries;
}

export function arrayItems(array: JsonNode | undefined): JsonNode[] {
  return array && array.type === 'array' ? (array.children ?? []) : [];
}

/** A literal string value of a node, if it is a string node. */
export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}
