// Comparing a JSON document (or an SDK object) with a recorded spec shape: every path must be present
// with the example's JSON type. For SDK objects, a path is translated to where the SDK exposes it.

export type Shape = Record<string, string>;

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Every value at a path like `a.b[].c` (array steps expand to all items). */
export function valuesAt(root: unknown, path: string): unknown[] {
  if (path === '') return [root];
  let current: unknown[] = [root];
  for (const step of path.match(/[^.[\]]+|\[\]/g) ?? []) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step === '[]') {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
      } else if (value !== null && typeof value === 'object' && step in (value as object)) {
        next.push((value as Record<string, unknown>)[step]);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}

function applies(path: string, excluded: readonly string[]): boolean {
  return !excluded.some((e) => path === e || path.startsWith(`${e}.`) || path.startsWith(`${e}[`));
}

/** Paths of `shape` missing from `doc` or present with another JSON type (dates may be Date objects). */
export function shapeProblems(doc: unknown, shape: Shape, excluded: readonly string[], allowDates = false): string[] {
  const problems: string[] = [];
  for (const [path, type] of Object.entries(shape)) {
    if (!applies(path, excluded)) continue;
    const found = valuesAt(doc, path);
    if (found.length === 0) {
      problems.push(`${path}: missing`);
      continue;
    }
    const wrong = found.filter((v) => jsonType(v) !== type && !(allowDates && type === 'string' && v instanceof Date));
    if (wrong.length > 0) problems.push(`${path}: expected ${type}, got ${jsonType(wrong[0])}`);
  }
  return problems;
}

/**
 * The SDK flattens `properties` into its parent (azure-sdk.md), except the items of
 * osUpgradeHistory; lists come back as items; a few names change where they would collide.
 */
export function sdkShape(shape: Shape, options: { listPrefix?: string; keepProperties?: boolean; renames?: Record<string, string> } = {}): Shape {
  const out: Shape = {};
  for (const [path, type] of Object.entries(shape)) {
    let p = options.renames?.[path] ?? path;
    if (options.listPrefix !== undefined) {
      if (!p.startsWith(options.listPrefix)) continue;
      p = `[].${p.slice(options.listPrefix.length)}`;
    }
    if (!options.keepProperties) p = p.replace(/(^|\.)properties(\.|$)/g, (_m, a: string, b: string) => (a && b ? '.' : '')).replace(/^\./, '');
    if (p !== '' && p !== '[].') out[p.replace(/\.$/, '')] = type;
  }
  return out;
}
