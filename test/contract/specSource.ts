// Which REST description the contract test validates against: the real azure-rest-api-specs files
// when someone placed them (scripts/refresh-rest-specs.mjs, on a machine that reaches GitHub), else our
// own description of the same operations (src/simulator/contract/*.json). Real files win.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const REST_SPECS_ENV = 'VMSS_REST_SPECS';

export interface SpecSource {
  readonly directory: string;
  /** Globs (relative to directory) of the Swagger files to load. */
  readonly patterns: readonly string[];
  readonly kind: 'azure-rest-api-specs' | 'own description';
}

function hasJson(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((name) => String(name).endsWith('.json'));
}

export function ownDescriptionDir(repoRoot: string): string {
  return path.join(repoRoot, 'src', 'simulator', 'contract');
}

export function specSource(repoRoot: string, env: NodeJS.ProcessEnv = process.env): SpecSource {
  const candidates = [env[REST_SPECS_ENV], path.join(repoRoot, '..', 'shared', 'rest-specs')].filter((d): d is string => Boolean(d));
  const real = candidates.find(hasJson);
  if (real) {
    // Only the operation files; examples and common-types are reached through $ref.
    return { directory: real, patterns: ['specification/**/stable/**/*.json', 'specification/**/preview/**/*.json', '!**/examples/**'], kind: 'azure-rest-api-specs' };
  }
  return { directory: ownDescriptionDir(repoRoot), patterns: ['*.json'], kind: 'own description' };
}
